import PythonSyntax

/// Renders ``MakoTemplate`` blocks: evaluates the Python expressions of the template over
/// ``MakoValue``s with Mako's name lookup (template locals, `<%! %>` imports, the render
/// arguments, `context`, Python builtins, else `UNDEFINED`).
struct MakoRenderer {
    let variables: [String: MakoValue]
    let imports: [String: String]
    private var locals: [String: MakoValue] = [:]
    private(set) var output = ""

    private static let builtins: Set<String> = ["repr", "str", "len", "bool", "int", "tuple", "list", "sorted"]
    /// Other Python builtins: a template calling one is outside the subset (never run).
    private static let otherBuiltins: Set<String> = [
        "abs", "all", "any", "ascii", "bin", "bytes", "callable", "chr", "dict", "dir", "divmod", "enumerate", "eval",
        "exec", "filter", "float", "format", "frozenset", "getattr", "globals", "hasattr", "hash", "hex", "id", "input",
        "isinstance", "issubclass", "iter", "locals", "map", "max", "min", "next", "object", "oct", "open", "ord", "pow",
        "print", "range", "reversed", "round", "set", "setattr", "slice", "sum", "super", "type", "vars", "zip",
        "__import__",
    ]

    init(variables: [String: MakoValue], imports: [String: String]) {
        self.variables = variables
        self.imports = imports
    }

    mutating func render(_ blocks: [MakoTemplate.Block]) throws(MakoTemplateError) {
        for block in blocks {
            switch block {
            case .text(let text):
                output += text
            case .expression(let expr, let filters, let line):
                output += try filtered(evaluate(expr, line: line), filters: filters, line: line)
            case .assign(let target, let value, let line):
                locals[target] = try evaluate(value, line: line)
            case .moduleImport:
                continue
            case .branch(let arms, let line):
                for arm in arms {
                    if let test = arm.test, try !evaluate(test, line: line).isTruthy { continue }
                    try render(arm.body)
                    break
                }
            case .loop(let target, let iterable, let body, let line):
                for item in try elements(evaluate(iterable, line: line), line: line) {
                    try bind(target, item, line: line)
                    try render(body)
                }
            }
        }
    }

    private mutating func bind(_ target: Expr, _ value: MakoValue, line: Int) throws(MakoTemplateError) {
        switch target.kind {
        case .name(let name):
            locals[name.name] = value
        case .tuple(let targets), .list(let targets):
            let items = try elements(value, line: line)
            guard items.count == targets.count else {
                throw .renderFailed(line: line, message: "ValueError: cannot unpack \(items.count) values into \(targets.count) names")
            }
            for (item, target) in zip(items, targets) { try bind(target, item, line: line) }
        default:
            throw .unsupportedSyntax(line: line, what: "a loop target other than names")
        }
    }

    /// Mako's filter chain: the default `str` filter unless `n` is given, then each filter
    /// left to right.
    private func filtered(_ value: MakoValue, filters: [String], line: Int) throws(MakoTemplateError) -> String {
        var chain = filters.contains("n") ? [] : ["str"]
        chain += filters.filter { $0 != "n" }
        var current = value
        for filter in chain {
            switch filter {
            case "str": current = try call(.function("str"), [current], line: line)
            case "trim":
                let text = try call(.function("str"), [current], line: line)
                if case .string(let s) = text { current = .string(Self.strip(s)) }
            case "h":
                let text = try call(.function("str"), [current], line: line)
                if case .string(let s) = text { current = .string(Self.htmlEscape(s)) }
            default:
                current = try call(lookup(filter), [current], line: line)
            }
        }
        guard case .string(let text) = current else {
            throw .renderFailed(line: line, message: "TypeError: a filter produced \(current.typeName), not str")
        }
        return text
    }

    private static func htmlEscape(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&#34;"
            case "'": out += "&#39;"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    static func strip(_ text: String, _ characters: String? = nil) -> String {
        let scalars = Array(text.unicodeScalars)
        let set = characters.map { Set($0.unicodeScalars) }
        let keep: (Unicode.Scalar) -> Bool = { scalar in set.map { !$0.contains(scalar) } ?? !PythonRepr.isSpace(scalar) }
        guard let first = scalars.firstIndex(where: keep), let last = scalars.lastIndex(where: keep) else { return "" }
        return String(String.UnicodeScalarView(scalars[first...last]))
    }

    private func lookup(_ name: String) -> MakoValue {
        if let value = locals[name] { return value }
        if let module = imports[name] { return .module(module) }
        if let value = variables[name] { return value }
        if name == "context" { return .context }
        if Self.builtins.contains(name) || Self.otherBuiltins.contains(name) { return .function(name) }
        return .undefined
    }

    func evaluate(_ expr: Expr, line: Int) throws(MakoTemplateError) -> MakoValue {
        switch expr.kind {
        case .name(let name):
            return lookup(name.name)
        case .constant(let constant):
            switch constant {
            case .string(let literal): return .string(literal.value)
            case .int(let text):
                guard let value = Int(text.filter { $0 != "_" }) else {
                    throw .unsupportedSyntax(line: line, what: "the number \(text)")
                }
                return .int(value)
            case .bool(let value): return .bool(value)
            case .none: return .none
            default: throw .unsupportedSyntax(line: line, what: "a constant of this type")
            }
        case .ifExp(let test, let body, let orelse):
            return try evaluate(test, line: line).isTruthy ? evaluate(body, line: line) : evaluate(orelse, line: line)
        case .boolOp(let op, let values):
            var result: MakoValue = .none
            for (index, value) in values.enumerated() {
                result = try evaluate(value, line: line)
                if index == values.count - 1 { break }
                if (op == .and) != result.isTruthy { break }
            }
            return result
        case .unaryOp(.not, let operand):
            return .bool(try !evaluate(operand, line: line).isTruthy)
        case .unaryOp(.uSub, let operand):
            guard case .int(let value) = try evaluate(operand, line: line) else {
                throw .renderFailed(line: line, message: "TypeError: bad operand type for unary -")
            }
            return .int(-value)
        case .compare(let left, let ops, let comparators):
            var lhs = try evaluate(left, line: line)
            for (op, comparator) in zip(ops, comparators) {
                let rhs = try evaluate(comparator, line: line)
                guard try compare(lhs, op, rhs, line: line) else { return .bool(false) }
                lhs = rhs
            }
            return .bool(true)
        case .binOp(let left, let op, let right):
            return try binary(evaluate(left, line: line), op, evaluate(right, line: line), line: line)
        case .tuple(let items):
            var values: [MakoValue] = []
            for item in items { values.append(try evaluate(item, line: line)) }
            return .tuple(values)
        case .list(let items):
            var values: [MakoValue] = []
            for item in items { values.append(try evaluate(item, line: line)) }
            return .list(values)
        case .attribute(let value, let attr):
            return try attribute(evaluate(value, line: line), attr.name, line: line)
        case .subscript(let value, let slice):
            return try subscriptValue(evaluate(value, line: line), evaluate(slice, line: line), line: line)
        case .call(let function, let args, let keywords):
            guard keywords.isEmpty else { throw .unsupportedSyntax(line: line, what: "keyword arguments in a call") }
            let callee = try evaluate(function, line: line)
            var values: [MakoValue] = []
            for arg in args {
                if case .starred = arg.kind { throw .unsupportedSyntax(line: line, what: "*arguments in a call") }
                values.append(try evaluate(arg, line: line))
            }
            return try call(callee, values, line: line)
        case .joinedStr(let parts):
            var text = ""
            for part in parts {
                switch part.kind {
                case .constant(.string(let literal)): text += literal.value
                case .formattedValue(let value, let conversion, let spec):
                    guard spec == nil else { throw .unsupportedSyntax(line: line, what: "a format spec in an f-string") }
                    let evaluated = try evaluate(value, line: line)
                    let rendered = try call(.function(conversion == "r" ? "repr" : "str"), [evaluated], line: line)
                    if case .string(let s) = rendered { text += s }
                default: throw .unsupportedSyntax(line: line, what: "this f-string")
                }
            }
            return .string(text)
        default:
            throw .unsupportedSyntax(line: line, what: "this Python expression form")
        }
    }

    private func compare(_ lhs: MakoValue, _ op: CompareOperator, _ rhs: MakoValue, line: Int) throws(MakoTemplateError) -> Bool {
        switch op {
        case .eq: return lhs.pythonEquals(rhs)
        case .notEq: return !lhs.pythonEquals(rhs)
        case .is, .isNot:
            let same: Bool
            switch (lhs, rhs) {
            case (.none, .none), (.undefined, .undefined): same = true
            case (.none, _), (_, .none), (.undefined, _), (_, .undefined): same = false
            case (.bool(let a), .bool(let b)): same = a == b
            default: throw .unsupportedSyntax(line: line, what: "'is' between values other than None, True, False")
            }
            return op == .is ? same : !same
        case .in, .notIn:
            let found: Bool
            switch rhs {
            case .string(let haystack):
                guard case .string(let needle) = lhs else {
                    throw .renderFailed(line: line, message: "TypeError: 'in <string>' requires string as left operand, not \(lhs.typeName)")
                }
                found = needle.isEmpty || haystack.contains(needle)
            case .tuple(let items), .list(let items):
                found = items.contains { $0.pythonEquals(lhs) }
            default:
                throw .renderFailed(line: line, message: "TypeError: argument of type '\(rhs.typeName)' is not iterable")
            }
            return op == .in ? found : !found
        default:
            guard case .int(let a) = lhs, case .int(let b) = rhs else {
                throw .unsupportedSyntax(line: line, what: "ordering comparison of non-integers")
            }
            switch op {
            case .lt: return a < b
            case .ltE: return a <= b
            case .gt: return a > b
            default: return a >= b
            }
        }
    }

    private func binary(_ lhs: MakoValue, _ op: BinaryOperator, _ rhs: MakoValue, line: Int) throws(MakoTemplateError) -> MakoValue {
        switch (op, lhs, rhs) {
        case (.add, .string(let a), .string(let b)): return .string(a + b)
        case (.add, .int(let a), .int(let b)):
            let (sum, overflow) = a.addingReportingOverflow(b)
            guard !overflow else { throw .unsupportedSyntax(line: line, what: "integers this large") }
            return .int(sum)
        case (.add, .tuple(let a), .tuple(let b)): return .tuple(a + b)
        case (.add, .list(let a), .list(let b)): return .list(a + b)
        case (.mod, .string(let format), _):
            let arguments: PercentFormatter.Arguments
            if case .tuple(let values) = rhs { arguments = .positional(values) } else { arguments = .positional([rhs]) }
            switch PercentFormatter.apply(format, arguments) {
            case .success(let text): return .string(text)
            case .failure(let failure): throw .renderFailed(line: line, message: failure.message)
            }
        default:
            throw .renderFailed(
                line: line, message: "unsupported operand types for this operator: '\(lhs.typeName)' and '\(rhs.typeName)'")
        }
    }

    private func attribute(_ value: MakoValue, _ name: String, line: Int) throws(MakoTemplateError) -> MakoValue {
        switch (value, name) {
        case (.dateTime(let date), "year"): return .int(date.year)
        case (.dateTime(let date), "month"): return .int(date.month)
        case (.dateTime(let date), "day"): return .int(date.day)
        case (.dateTime(let date), "hour"): return .int(date.hour)
        case (.dateTime(let date), "minute"): return .int(date.minute)
        case (.dateTime(let date), "second"): return .int(date.second)
        case (.dateTime(let date), "microsecond"): return .int(date.microsecond)
        case (.config(let config), "config_file_name"): return config.fileName.map(MakoValue.string) ?? .none
        case (.config(let config), "config_ini_section"): return .string(config.mainSection)
        case (.config, "get_main_option"), (.config, "get_section_option"), (.context, "get"),
            (.module("re"), "split"),
            (.string, "replace"), (.string, "upper"), (.string, "lower"), (.string, "strip"), (.string, "lstrip"),
            (.string, "rstrip"), (.string, "split"), (.string, "join"), (.string, "startswith"), (.string, "endswith"):
            return .method(receiver: value, name: name)
        case (.undefined, _):
            throw .renderFailed(line: line, message: "AttributeError: 'Undefined' object has no attribute '\(name)'")
        default:
            throw .unsupportedSyntax(line: line, what: "the attribute '\(name)' of a \(value.typeName) value")
        }
    }

    private func subscriptValue(_ value: MakoValue, _ index: MakoValue, line: Int) throws(MakoTemplateError) -> MakoValue {
        guard case .int(let position) = index else {
            throw .unsupportedSyntax(line: line, what: "a subscript other than an integer index")
        }
        let items: [MakoValue]
        switch value {
        case .tuple(let values), .list(let values): items = values
        case .string(let text): items = text.unicodeScalars.map { .string(String($0)) }
        default: throw .renderFailed(line: line, message: "TypeError: '\(value.typeName)' object is not subscriptable")
        }
        let resolved = position < 0 ? items.count + position : position
        guard resolved >= 0, resolved < items.count else {
            throw .renderFailed(line: line, message: "IndexError: index out of range")
        }
        return items[resolved]
    }

    private func elements(_ value: MakoValue, line: Int) throws(MakoTemplateError) -> [MakoValue] {
        switch value {
        case .tuple(let values), .list(let values): return values
        case .string(let text): return text.unicodeScalars.map { .string(String($0)) }
        default: throw .renderFailed(line: line, message: "TypeError: '\(value.typeName)' object is not iterable")
        }
    }

    private func string(_ value: MakoValue, _ what: String, line: Int) throws(MakoTemplateError) -> String {
        guard case .string(let text) = value else {
            throw .renderFailed(line: line, message: "TypeError: \(what) must be str, not \(value.typeName)")
        }
        return text
    }

    func call(_ callee: MakoValue, _ args: [MakoValue], line: Int) throws(MakoTemplateError) -> MakoValue {
        switch callee {
        case .function(let name):
            return try callBuiltin(name, args, line: line)
        case .method(let receiver, let name):
            return try callMethod(receiver, name, args, line: line)
        case .undefined:
            throw .renderFailed(line: line, message: "NameError: Undefined")
        default:
            throw .renderFailed(line: line, message: "TypeError: '\(callee.typeName)' object is not callable")
        }
    }

    private func arity(_ args: [MakoValue], _ range: ClosedRange<Int>, _ name: String, line: Int) throws(MakoTemplateError) {
        guard range.contains(args.count) else {
            throw .renderFailed(line: line, message: "TypeError: \(name)() takes \(range) arguments (\(args.count) given)")
        }
    }

    private func callBuiltin(_ name: String, _ args: [MakoValue], line: Int) throws(MakoTemplateError) -> MakoValue {
        switch name {
        case "repr", "str":
            try arity(args, 1...1, name, line: line)
            if case .undefined = args[0] {
                if name == "str" { throw .renderFailed(line: line, message: "NameError: Undefined") }
                throw .unsupportedSyntax(line: line, what: "repr() of an undefined name")
            }
            guard let text = name == "str" ? args[0].pythonStr : args[0].pythonRepr else {
                throw .unsupportedSyntax(line: line, what: "\(name)() of a \(args[0].typeName) value")
            }
            return .string(text)
        case "len":
            try arity(args, 1...1, name, line: line)
            return .int(try elements(args[0], line: line).count)
        case "bool":
            try arity(args, 0...1, name, line: line)
            return .bool(args.first?.isTruthy ?? false)
        case "int":
            try arity(args, 1...1, name, line: line)
            switch args[0] {
            case .int: return args[0]
            case .bool(let value): return .int(value ? 1 : 0)
            case .string(let text):
                guard let value = Int(Self.strip(text)) else {
                    throw .renderFailed(line: line, message: "ValueError: invalid literal for int(): \(PythonRepr.repr(text))")
                }
                return .int(value)
            default: throw .renderFailed(line: line, message: "TypeError: int() argument must be a string or a number")
            }
        case "tuple", "list":
            try arity(args, 0...1, name, line: line)
            let items = try args.first.map { value throws(MakoTemplateError) in try elements(value, line: line) } ?? []
            return name == "tuple" ? .tuple(items) : .list(items)
        case "sorted":
            try arity(args, 1...1, name, line: line)
            var texts: [String] = []
            for item in try elements(args[0], line: line) { texts.append(try string(item, "sorted item", line: line)) }
            return .list(PythonRepr.sorted(texts).map(MakoValue.string))
        case "format_as_comma":
            try arity(args, 1...1, "format_as_comma", line: line)
            switch args[0] {
            case .none: return .string("")
            case .string: return args[0]
            case .tuple(let items), .list(let items):
                var texts: [String] = []
                for item in items { texts.append(try string(item, "sequence item", line: line)) }
                return .string(texts.joined(separator: ", "))
            default:
                throw .renderFailed(line: line, message: "ValueError: Don't know how to comma-format \(args[0].typeName)")
            }
        default:
            throw .unsupportedSyntax(line: line, what: "the function \(name)()")
        }
    }

    private func callMethod(_ receiver: MakoValue, _ name: String, _ args: [MakoValue], line: Int) throws(MakoTemplateError) -> MakoValue {
        switch (receiver, name) {
        case (.config(let config), "get_main_option"):
            try arity(args, 1...2, name, line: line)
            return try option(config, section: config.mainSection, try string(args[0], "option name", line: line), default: args.count > 1 ? args[1] : .none, line: line)
        case (.config(let config), "get_section_option"):
            try arity(args, 2...3, name, line: line)
            return try option(
                config, section: try string(args[0], "section name", line: line), try string(args[1], "option name", line: line),
                default: args.count > 2 ? args[2] : .none, line: line)
        case (.context, "get"):
            try arity(args, 1...2, name, line: line)
            let key = try string(args[0], "key", line: line)
            if let value = variables[key] { return value }
            if Self.builtins.contains(key) { return .function(key) }
            return args.count > 1 ? args[1] : .none
        case (.module("re"), "split"):
            try arity(args, 2...2, "re.split", line: line)
            let pattern = try string(args[0], "pattern", line: line)
            let text = try string(args[1], "string", line: line)
            guard let regex = MakoRegex(pattern) else {
                throw .unsupportedSyntax(line: line, what: "the regular expression \(PythonRepr.repr(pattern))")
            }
            return .list(regex.split(text).map(MakoValue.string))
        case (.string(let text), _):
            return try stringMethod(text, name, args, line: line)
        default:
            throw .unsupportedSyntax(line: line, what: "the method \(name)() of a \(receiver.typeName) value")
        }
    }

    private func option(_ config: MakoConfig, section: String, _ key: String, default fallback: MakoValue, line: Int) throws(MakoTemplateError) -> MakoValue {
        guard let values = config.sections[section] else {
            throw .renderFailed(
                line: line,
                message: "No config file \(config.fileName.map(PythonRepr.repr) ?? "None") found, or file has no '[\(section)]' section")
        }
        return values[key].map(MakoValue.string) ?? fallback
    }

    private func stringMethod(_ text: String, _ name: String, _ args: [MakoValue], line: Int) throws(MakoTemplateError) -> MakoValue {
        switch name {
        case "replace":
            try arity(args, 2...2, name, line: line)
            let old = try string(args[0], "old", line: line)
            let new = try string(args[1], "new", line: line)
            guard !old.isEmpty else { throw .unsupportedSyntax(line: line, what: "replace() of an empty string") }
            return .string(text.replacingScalars(old, with: new))
        case "upper", "lower":
            try arity(args, 0...0, name, line: line)
            return .string(name == "upper" ? text.uppercased() : text.lowercased())
        case "strip", "lstrip", "rstrip":
            try arity(args, 0...1, name, line: line)
            let chars = try args.first.flatMap { value throws(MakoTemplateError) -> String? in
                if case .none = value { return nil }
                return try string(value, "chars", line: line)
            }
            let scalars = Array(text.unicodeScalars)
            let set = chars.map { Set($0.unicodeScalars) }
            let strip: (Unicode.Scalar) -> Bool = { set?.contains($0) ?? PythonRepr.isSpace($0) }
            var start = 0
            var end = scalars.count
            if name != "rstrip" { while start < end, strip(scalars[start]) { start += 1 } }
            if name != "lstrip" { while end > start, strip(scalars[end - 1]) { end -= 1 } }
            return .string(String(String.UnicodeScalarView(scalars[start..<end])))
        case "split":
            try arity(args, 0...1, name, line: line)
            if let separator = args.first, case .string(let sep) = separator {
                guard !sep.isEmpty else { throw .renderFailed(line: line, message: "ValueError: empty separator") }
                return .list(text.splittingScalars(sep).map(MakoValue.string))
            }
            let words = text.unicodeScalars.split(whereSeparator: PythonRepr.isSpace)
            return .list(words.map { .string(String(String.UnicodeScalarView($0))) })
        case "join":
            try arity(args, 1...1, name, line: line)
            var texts: [String] = []
            for item in try elements(args[0], line: line) { texts.append(try string(item, "sequence item", line: line)) }
            return .string(texts.joined(separator: text))
        case "startswith", "endswith":
            try arity(args, 1...1, name, line: line)
            let affix = Array(try string(args[0], "prefix", line: line).unicodeScalars)
            let scalars = Array(text.unicodeScalars)
            return .bool(name == "startswith" ? scalars.starts(with: affix) : scalars.reversed().starts(with: affix.reversed()))
        default:
            throw .unsupportedSyntax(line: line, what: "the string method \(name)()")
        }
    }
}

extension String {
    /// `str.split(separator)` on code points.
    fileprivate func splittingScalars(_ separator: String) -> [String] {
        let scalars = Array(unicodeScalars)
        let sep = Array(separator.unicodeScalars)
        var parts: [String] = []
        var start = 0
        var k = 0
        while k + sep.count <= scalars.count {
            if scalars[k..<(k + sep.count)].elementsEqual(sep) {
                parts.append(String(String.UnicodeScalarView(scalars[start..<k])))
                k += sep.count
                start = k
            } else {
                k += 1
            }
        }
        parts.append(String(String.UnicodeScalarView(scalars[start...])))
        return parts
    }

    /// `str.replace(old, new)` on code points.
    fileprivate func replacingScalars(_ old: String, with new: String) -> String {
        splittingScalars(old).joined(separator: new)
    }
}
