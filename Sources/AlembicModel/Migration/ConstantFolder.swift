import PythonSyntax
import TextCore

/// A value the analyzer folded from Python literals, the way alembic would see it after
/// importing the module: strings, `None`, and tuples/lists of those.
public indirect enum FoldedValue: Hashable, Sendable {
    case string(StringItem)
    case none
    case sequence([FoldedValue], range: ByteRange)
    /// Anything else (numbers, calls, f-strings …), with a short description.
    case other(String)
}

/// Looks up a module-level constant of another module of the workspace:
/// `(module dotted name, constant name) → value`. Returns nil when the module or the name
/// cannot be found or folded.
public typealias ImportedConstantResolver = @Sendable (_ module: String, _ name: String) -> FoldedValue?

/// Folds expressions of one module to literal values: literals directly, names bound to
/// literals earlier in the same module, and names imported from workspace modules
/// (`from pkg.cli import EXPAND_BRANCH`, `from pkg import cli` + `cli.EXPAND_BRANCH`,
/// `import pkg.cli as cli`) through an ``ImportedConstantResolver``.
struct ConstantFolder {
    /// Module-level bindings seen so far, in statement order.
    private var locals: [String: Binding] = [:]
    private let resolver: ImportedConstantResolver?
    /// The dotted name of the module being folded, for relative imports (`from . import x`).
    private let modulePackage: String?

    enum Binding {
        case value(FoldedValue)
        /// `from module import name` (the name bound is the key).
        case importedName(module: String, name: String)
        /// `import module` / `import module as alias` / `from pkg import module`.
        case module(String)
        case unknown(String)
    }

    /// A string literal's value; a single literal without escapes or carriage returns is
    /// decoded straight from its bytes.
    static func value(of literal: StringLiteral) -> String {
        if literal.parts.count == 1, let part = literal.parts.first, !part.isBytes {
            let content = part.contentRange
            let source = literal.tree.source
            if content.end <= source.count,
               !source[content.start ..< content.end].contains(where: { $0 == UInt8(ascii: "\\") || $0 == 0x0D }) {
                return String(decoding: source[content.start ..< content.end], as: UTF8.self)
            }
        }
        return literal.value
    }

    /// A folder that knows no bindings, for values made of literals only.
    static let literalsOnly = ConstantFolder(resolver: nil, modulePackage: nil)

    /// True when `expr` is built from literals only (strings, `None`, numbers, tuples and
    /// lists of those): folding it needs no knowledge of the module's bindings.
    static func isLiteral(_ expr: Expr) -> Bool {
        switch expr.kind {
        case .constant: return true
        case let .tuple(elts), let .list(elts): return elts.allSatisfy(isLiteral)
        default: return false
        }
    }

    init(resolver: ImportedConstantResolver?, modulePackage: String?) {
        self.resolver = resolver
        self.modulePackage = modulePackage
    }

    /// Records the bindings a top-level statement makes, so later statements can refer to them.
    mutating func record(_ stmt: Stmt) {
        switch stmt.kind {
        case let .assign(targets, value):
            let folded = fold(value)
            for target in targets { bind(target, folded, value) }
        case let .annAssign(target, _, value, _):
            if let value { bind(target, fold(value), value) }
        case let .import(aliases):
            for alias in aliases {
                let dotted = alias.name.name
                if let asname = alias.asname {
                    locals[asname.name] = .module(dotted)
                } else if let first = dotted.split(separator: ".").first {
                    locals[String(first)] = .module(String(first))
                }
            }
        case let .importFrom(module, names, level):
            guard let base = absoluteModule(module?.name, level: level) else { return }
            for alias in names {
                let name = alias.name.name
                let bound = alias.asname?.name ?? name
                locals[bound] = .importedName(module: base, name: name)
            }
        default:
            // Any other binding form makes the names it binds unknown.
            for name in Self.boundNames(stmt) { locals[name] = .unknown("rebound by a statement the analyzer does not evaluate") }
        }
    }

    private mutating func bind(_ target: Expr, _ value: FoldedValue, _ valueExpr: Expr) {
        switch target.kind {
        case let .name(id):
            locals[id.name] = .value(value)
        case let .tuple(elts), let .list(elts):
            // `a, b = "x", "y"` binds element-wise when both sides are literal sequences.
            if case let .sequence(items, _) = value, items.count == elts.count,
               !elts.contains(where: { if case .starred = $0.kind { return true } else { return false } }) {
                for (elt, item) in zip(elts, items) { bindExact(elt, item) }
            } else {
                for elt in elts { markUnknown(elt) }
            }
        default:
            break
        }
    }

    private mutating func bindExact(_ target: Expr, _ value: FoldedValue) {
        if case let .name(id) = target.kind { locals[id.name] = .value(value) } else { markUnknown(target) }
    }

    private mutating func markUnknown(_ target: Expr) {
        switch target.kind {
        case let .name(id): locals[id.name] = .unknown("unpacked from a value the analyzer cannot fold")
        case let .tuple(elts), let .list(elts): for e in elts { markUnknown(e) }
        case let .starred(inner): markUnknown(inner)
        default: break
        }
    }

    /// Folds `expr`. String items get the range of the expression *in this file* (the use
    /// site), even when the value comes from another module.
    func fold(_ expr: Expr, depth: Int = 0) -> FoldedValue {
        if depth > 32 { return .other("a value nested too deeply") }
        switch expr.kind {
        case let .constant(constant):
            switch constant {
            case let .string(literal): return .string(StringItem(value: Self.value(of: literal), range: expr.range))
            case .none: return .none
            case .bytes: return .other("a bytes literal")
            case .int, .float, .complex: return .other("a number")
            case .bool: return .other("a boolean")
            case .ellipsis: return .other("`...`")
            }
        case let .tuple(elts), let .list(elts):
            var items: [FoldedValue] = []
            for elt in elts {
                if case .starred = elt.kind { return .other("a starred expression") }
                items.append(fold(elt, depth: depth + 1))
            }
            return .sequence(items, range: expr.range)
        case let .name(id):
            return relocated(lookup(id.name), to: expr.range)
        case let .attribute(value, attr):
            if case let .name(base) = value.kind, case let .module(moduleName)? = locals[base.name] {
                return relocated(resolve(module: moduleName, name: attr.name), to: expr.range)
            }
            if case let .name(base) = value.kind, case let .importedName(module, name)? = locals[base.name] {
                // `from pkg import cli` then `cli.EXPAND_BRANCH`: `pkg.cli` is a module.
                return relocated(resolve(module: module + "." + name, name: attr.name), to: expr.range)
            }
            if let dotted = value.dottedName {
                return relocated(resolve(module: dotted, name: attr.name), to: expr.range)
            }
            return .other("an attribute of an expression")
        case .joinedStr: return .other("an f-string")
        case .call: return .other("a function call")
        case .binOp: return .other("an operator expression")
        default: return .other("an expression")
        }
    }

    /// The folded value of a module-level name after every recorded statement, or nil when
    /// it is unbound or not a literal.
    func constant(named name: String) -> FoldedValue? {
        switch lookup(name) {
        case .other: return nil
        case let value: return value
        }
    }

    private func lookup(_ name: String) -> FoldedValue {
        switch locals[name] {
        case let .value(value)?: return value
        case let .importedName(module, imported)?: return resolve(module: module, name: imported)
        case .module?: return .other("a module")
        case let .unknown(reason)?: return .other("`\(name)`, \(reason)")
        case nil: return .other("`\(name)`, which is not bound to a literal in this file")
        }
    }

    private func resolve(module: String, name: String) -> FoldedValue {
        guard let resolver, let value = resolver(module, name) else {
            return .other("`\(module).\(name)`, which the analyzer could not find in the workspace")
        }
        return value
    }

    /// Points string items of a value at the use site.
    private func relocated(_ value: FoldedValue, to range: ByteRange) -> FoldedValue {
        switch value {
        case let .string(item): return .string(StringItem(value: item.value, range: range))
        case let .sequence(items, _): return .sequence(items.map { relocated($0, to: range) }, range: range)
        default: return value
        }
    }

    private func absoluteModule(_ module: String?, level: Int) -> String? {
        if level == 0 { return module }
        guard let modulePackage else { return nil }
        var parts = modulePackage.split(separator: ".").map(String.init)
        if level - 1 > parts.count { return nil }
        parts.removeLast(level - 1)
        if let module { parts.append(module) }
        return parts.isEmpty ? nil : parts.joined(separator: ".")
    }

    /// Names bound by statements other than simple assignments and imports.
    static func boundNames(_ stmt: Stmt) -> [String] {
        var names: [String] = []
        func collect(_ expr: Expr) {
            switch expr.kind {
            case let .name(id): names.append(id.name)
            case let .tuple(elts), let .list(elts): elts.forEach(collect)
            case let .starred(inner): collect(inner)
            default: break
            }
        }
        switch stmt.kind {
        case let .functionDef(f): names.append(f.name.name)
        case let .classDef(c): names.append(c.name.name)
        case let .augAssign(target, _, _): collect(target)
        case let .for(target, _, body, orelse, _):
            collect(target)
            for s in body { names += boundNames(s) }
            for s in orelse { names += boundNames(s) }
        case let .with(items, body, _):
            for item in items { if let v = item.optionalVars { collect(v) } }
            for s in body { names += boundNames(s) }
        case .if, .while, .try, .match:
            for s in stmt.childStatements { names += boundNames(s) + assignedNames(s) }
        case let .delete(targets): targets.forEach(collect)
        default: break
        }
        return names
    }

    /// Names a simple assignment binds (used for statements nested in blocks).
    static func assignedNames(_ stmt: Stmt) -> [String] {
        var names: [String] = []
        func collect(_ expr: Expr) {
            switch expr.kind {
            case let .name(id): names.append(id.name)
            case let .tuple(elts), let .list(elts): elts.forEach(collect)
            default: break
            }
        }
        switch stmt.kind {
        case let .assign(targets, _): targets.forEach(collect)
        case let .annAssign(target, _, value, _): if value != nil { collect(target) }
        case let .import(aliases):
            for a in aliases { names.append(a.asname?.name ?? String(a.name.name.split(separator: ".").first ?? "")) }
        case let .importFrom(_, aliases, _):
            for a in aliases { names.append(a.asname?.name ?? a.name.name) }
        default: break
        }
        return names
    }
}
