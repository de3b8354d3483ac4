import PythonSyntax

/// A Mako template restricted to the subset alembic's `script.py.mako` files use, parsed the
/// way `mako.lexer.Lexer` splits a template:
///
/// - text, kept byte for byte; a backslash at the end of a line joins it with the next;
/// - `${expression}` with optional filters (`${down_revision | comma,n}`); the default filter
///   is `str`, and `n` disables it;
/// - `% if` / `% elif` / `% else` / `% endif` and `% for` / `% endfor` control lines (the
///   whole line, newline included, produces no output); `%%` at a line start is a literal `%`;
/// - `## comment` lines and `<%doc>…</%doc>`;
/// - `<%! import … %>` module blocks and `<% name = expression %>` code blocks;
/// - `<%text>…</%text>`, copied verbatim.
///
/// Anything else is ``MakoTemplateError/unsupportedSyntax(line:what:)``.
public struct MakoTemplate: Sendable {
    /// One piece of the template, in order.
    indirect enum Block: Sendable {
        case text(String)
        case expression(Expr, filters: [String], line: Int)
        case assign(target: String, value: Expr, line: Int)
        case branch([Branch], line: Int)
        case loop(target: Expr, iterable: Expr, body: [Block], line: Int)
        case moduleImport(name: String, module: String, line: Int)
    }

    /// One arm of an `if` chain: `test` is nil for `else`.
    struct Branch: Sendable {
        var test: Expr?
        var body: [Block]
    }

    let blocks: [Block]
    /// Names bound by the template's `<%! %>` module blocks, with the module they import.
    public let imports: [String: String]

    /// Parses `text` (the template's contents, decoded as UTF-8).
    public static func parse(_ text: String) -> Result<MakoTemplate, MakoTemplateError> {
        var lexer = MakoLexer(bytes: Array(text.utf8))
        do throws(MakoTemplateError) {
            let blocks = try lexer.run()
            var imports: [String: String] = [:]
            collectImports(blocks, into: &imports)
            return .success(MakoTemplate(blocks: blocks, imports: imports))
        } catch {
            return .failure(error)
        }
    }

    private static func collectImports(_ blocks: [Block], into imports: inout [String: String]) {
        for block in blocks {
            switch block {
            case .moduleImport(let name, let module, _): imports[name] = module
            case .branch(let arms, _): for arm in arms { collectImports(arm.body, into: &imports) }
            case .loop(_, _, let body, _): collectImports(body, into: &imports)
            default: break
            }
        }
    }

    /// Renders the template with `variables` as the keyword arguments of
    /// `Template.render_unicode(**variables)`.
    public func render(_ variables: [String: MakoValue]) -> Result<String, MakoTemplateError> {
        var renderer = MakoRenderer(variables: variables, imports: imports)
        do throws(MakoTemplateError) {
            try renderer.render(blocks)
            return .success(renderer.output)
        } catch {
            return .failure(error)
        }
    }
}

/// Splits template bytes into ``MakoTemplate/Block``s, following `mako.lexer.Lexer.parse`.
struct MakoLexer {
    let bytes: [UInt8]
    var position = 0
    /// Open control structures: the blocks of the enclosing level and the open statement.
    private var stack: [(keyword: String, line: Int, outer: [MakoTemplate.Block], arms: [MakoTemplate.Branch], loop: (Expr, Expr)?)] = []
    private var current: [MakoTemplate.Block] = []
    private var pendingText: [UInt8] = []

    init(bytes: [UInt8]) {
        self.bytes = bytes
        // Mako skips a leading UTF-8 BOM and a magic encoding comment on the first line.
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { position = 3 }
    }

    private func lineNumber(_ offset: Int) -> Int {
        var line = 1
        for k in 0..<min(offset, bytes.count) where bytes[k] == 0x0A { line += 1 }
        return line
    }

    private func at(_ offset: Int, _ literal: String) -> Bool {
        let pattern = Array(literal.utf8)
        guard offset + pattern.count <= bytes.count else { return false }
        return bytes[offset..<(offset + pattern.count)].elementsEqual(pattern)
    }

    private var atLineStart: Bool { position == 0 || bytes[position - 1] == 0x0A }

    mutating func run() throws(MakoTemplateError) -> [MakoTemplate.Block] {
        skipEncodingComment()
        while position < bytes.count {
            let start = position
            if at(position, "${") {
                try expression()
            } else if atLineStart, try controlLine() {
            } else if at(position, "<%doc>") {
                try docComment()
            } else if at(position, "<%text>") {
                try textTag()
            } else if at(position, "</%") {
                throw .unsupportedSyntax(line: lineNumber(position), what: "closing tag without a supported opening tag")
            } else if at(position, "<%"), position + 2 < bytes.count, isWordByte(bytes[position + 2]) {
                let end = bytes[position...].firstIndex(where: { $0 == 0x20 || $0 == 0x3E || $0 == 0x0A }) ?? bytes.count
                let tag = String(decoding: bytes[position..<end], as: UTF8.self)
                throw .unsupportedSyntax(line: lineNumber(position), what: "the \(tag)> tag")
            } else if at(position, "<%") {
                try pythonBlock()
            } else if atLineStart, percentEscape() {
            } else {
                text()
            }
            if position == start { position += 1 }  // never stall (each branch consumes input)
        }
        flushText()
        if let open = stack.last {
            throw .renderFailed(line: open.line, message: "Unterminated control keyword: '\(open.keyword)'")
        }
        return current
    }

    private func isWordByte(_ byte: UInt8) -> Bool {
        byte == 0x5F || byte == 0x2E || byte == 0x3A || (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte)
            || (0x61...0x7A).contains(byte) || byte >= 0x80
    }

    private mutating func skipEncodingComment() {
        guard position < bytes.count, bytes[position] == 0x23 else { return }
        let end = bytes[position...].firstIndex(of: 0x0A) ?? bytes.count
        let line = String(decoding: bytes[position..<end], as: UTF8.self)
        if line.contains("coding:") || line.contains("coding="), end < bytes.count { position = end + 1 }
    }

    private mutating func flushText() {
        if !pendingText.isEmpty {
            current.append(.text(String(decoding: pendingText, as: UTF8.self)))
            pendingText.removeAll()
        }
    }

    private mutating func append(_ block: MakoTemplate.Block) {
        flushText()
        current.append(block)
    }

    /// `match_text`: text up to the next construct; `\` + newline is dropped.
    private mutating func text() {
        while position < bytes.count {
            let byte = bytes[position]
            if byte == 0x5C, position + 1 < bytes.count, bytes[position + 1] == 0x0A {
                position += 2
                return
            }
            if byte == 0x5C, position + 2 < bytes.count, bytes[position + 1] == 0x0D, bytes[position + 2] == 0x0A {
                position += 3
                return
            }
            if at(position, "${") || at(position, "<%") || at(position, "</%") { return }
            pendingText.append(byte)
            position += 1
            if byte == 0x0A {
                var k = position
                while k < bytes.count, bytes[k] == 0x20 || bytes[k] == 0x09 { k += 1 }
                if k < bytes.count, bytes[k] == 0x25 || at(k, "##") { return }
            }
        }
    }

    /// `match_percent`: `%%` at a line start stands for `%`.
    private mutating func percentEscape() -> Bool {
        var k = position
        while k < bytes.count, bytes[k] == 0x20 || bytes[k] == 0x09 { k += 1 }
        guard at(k, "%%") else { return false }
        pendingText.append(contentsOf: bytes[position..<k])
        pendingText.append(0x25)
        position = k + 2
        while position < bytes.count, bytes[position] == 0x25 {
            pendingText.append(0x25)
            position += 1
        }
        return true
    }

    /// Scans Python source from `position` to the first `stop` byte sequence outside strings,
    /// comments and (when `nesting`) brackets, like `Lexer.parse_until_text`. Returns the
    /// source and the stop found; `position` ends after the stop.
    private mutating func pythonUntil(_ stops: [String], nesting: Bool, from start: Int) throws(MakoTemplateError)
        -> (String, String)
    {
        var depth = 0
        while position < bytes.count {
            let byte = bytes[position]
            if byte == 0x23 {
                guard let newline = bytes[position...].firstIndex(of: 0x0A) else { break }
                position = newline + 1
                continue
            }
            if byte == 0x22 || byte == 0x27 {
                let quote = at(position, "\"\"\"") ? "\"\"\"" : at(position, "'''") ? "'''" : String(UnicodeScalar(byte))
                position += quote.utf8.count
                var closed = false
                while position < bytes.count {
                    if bytes[position] == 0x5C {
                        position += 2
                        continue
                    }
                    if at(position, quote) {
                        position += quote.utf8.count
                        closed = true
                        break
                    }
                    position += 1
                }
                if !closed { break }
                continue
            }
            if depth == 0 || !nesting, let stop = stops.first(where: { at(position, $0) }) {
                let code = String(decoding: bytes[start..<position], as: UTF8.self)
                position += stop.utf8.count
                return (code, stop)
            }
            if byte == 0x28 || byte == 0x5B || byte == 0x7B { depth += 1 }
            if byte == 0x29 || byte == 0x5D || byte == 0x7D { depth -= 1 }
            position += 1
        }
        throw .renderFailed(line: lineNumber(start), message: "Expected: \(stops.joined(separator: ","))")
    }

    /// `${expression | filters}`.
    private mutating func expression() throws(MakoTemplateError) {
        let line = lineNumber(position)
        position += 2
        let (code, stop) = try pythonUntil(["|", "}"], nesting: true, from: position)
        var filters: [String] = []
        if stop == "|" {
            let (escapes, _) = try pythonUntil(["}"], nesting: true, from: position)
            filters = escapes.split(separator: ",").map { String($0).trimmedBlanks(" \t\r\n") }
            let unsupported: Set<String> = ["u", "x", "entity", "unicode", "decode"]
            if filters.contains(where: { $0.isEmpty || $0.contains("(") || $0.contains(".") || unsupported.contains($0) }) {
                throw .unsupportedSyntax(line: line, what: "filter list '\(escapes.trimmedBlanks(" \t\r\n"))'")
            }
        }
        let source = code.replacingCRLF().trimmedBlanks(" \t\r\n")
        let expr = try MakoPython.expression(source, line: line)
        append(.expression(expr, filters: filters, line: line))
    }

    /// `<% code %>` and `<%! code %>`.
    private mutating func pythonBlock() throws(MakoTemplateError) {
        let line = lineNumber(position)
        position += 2
        let isModule = position < bytes.count && bytes[position] == 0x21
        if isModule { position += 1 }
        let (code, _) = try pythonUntil(["%>"], nesting: false, from: position)
        for statement in try MakoPython.statements(code.replacingCRLF(), line: line) {
            switch statement {
            case .assign(let target, let value):
                if isModule { throw .unsupportedSyntax(line: line, what: "an assignment in a <%! %> module block") }
                append(.assign(target: target, value: value, line: line))
            case .importModule(let name, let module):
                if !isModule { throw .unsupportedSyntax(line: line, what: "an import in a <% %> block") }
                append(.moduleImport(name: name, module: module, line: line))
            }
        }
    }

    /// `<%doc>…</%doc>`: a comment.
    private mutating func docComment() throws(MakoTemplateError) {
        let start = position
        position += 6
        while position < bytes.count, !at(position, "</%doc>") { position += 1 }
        guard position < bytes.count else { throw .renderFailed(line: lineNumber(start), message: "Unclosed tag: <%doc>") }
        flushText()
        position += 7
    }

    /// `<%text>…</%text>`: copied verbatim.
    private mutating func textTag() throws(MakoTemplateError) {
        let start = position
        position += 7
        let contentStart = position
        while position < bytes.count, !at(position, "</%text>") { position += 1 }
        guard position < bytes.count else { throw .renderFailed(line: lineNumber(start), message: "Unclosed tag: <%text>") }
        pendingText.append(contentsOf: bytes[contentStart..<position])
        position += 8
    }

    /// `% keyword …` and `## comment` lines (`match_control_line`), newline included.
    private mutating func controlLine() throws(MakoTemplateError) -> Bool {
        var k = position
        while k < bytes.count, bytes[k] == 0x20 || bytes[k] == 0x09 { k += 1 }
        let isComment = at(k, "##")
        guard isComment || (k < bytes.count && bytes[k] == 0x25 && !at(k, "%%")) else { return false }
        let line = lineNumber(position)
        k += isComment ? 2 : 1
        while k < bytes.count, bytes[k] == 0x20 || bytes[k] == 0x09 { k += 1 }
        var content: [UInt8] = []
        while k < bytes.count, bytes[k] != 0x0A {
            if bytes[k] == 0x5C, k + 1 < bytes.count, bytes[k + 1] == 0x0A {
                content.append(contentsOf: [0x5C, 0x0A])
                k += 2
                continue
            }
            if bytes[k] == 0x5C, k + 2 < bytes.count, bytes[k + 1] == 0x0D, bytes[k + 2] == 0x0A {
                content.append(contentsOf: [0x5C, 0x0A])
                k += 3
                continue
            }
            content.append(bytes[k])
            k += 1
        }
        if content.last == 0x0D { content.removeLast() }
        position = min(k + 1, bytes.count)
        if isComment {
            flushText()
            return true
        }
        try control(String(decoding: content, as: UTF8.self), line: line)
        return true
    }

    private mutating func control(_ text: String, line: Int) throws(MakoTemplateError) {
        let scalars = text.unicodeScalars
        let word = String(String.UnicodeScalarView(scalars.prefix(while: { PythonRepr.isWordScalar($0) })))
        guard !word.isEmpty else { throw .renderFailed(line: line, message: "Invalid control line: '\(text)'") }
        flushText()
        let code = text.trimmedBlanks(" \t")
        switch word {
        case "if", "for":
            stack.append((word, line, current, [], nil))
            current = []
            if word == "if" {
                stack[stack.count - 1].arms.append(MakoTemplate.Branch(test: try MakoPython.condition(code, line: line), body: []))
            } else {
                stack[stack.count - 1].loop = try MakoPython.loop(code, line: line)
            }
        case "elif", "else":
            guard let open = stack.last, open.keyword == "if" else {
                throw .renderFailed(line: line, message: "Keyword '\(word)' not a legal ternary for keyword '\(stack.last?.keyword ?? "")'")
            }
            _ = open
            closeArm()
            let test = word == "elif" ? try MakoPython.condition(String(code.dropFirst(2)), line: line) : nil
            stack[stack.count - 1].arms.append(MakoTemplate.Branch(test: test, body: []))
        case "endif", "endfor":
            let keyword = String(word.dropFirst(3))
            guard let open = stack.popLast() else {
                throw .renderFailed(line: line, message: "No starting keyword '\(keyword)' for '\(text)'")
            }
            guard open.keyword == keyword else {
                throw .renderFailed(line: line, message: "Keyword '\(text)' doesn't match keyword '\(open.keyword)'")
            }
            if keyword == "if" {
                var arms = open.arms
                if !arms.isEmpty { arms[arms.count - 1].body = current }
                current = open.outer
                current.append(.branch(arms, line: open.line))
            } else if let (target, iterable) = open.loop {
                let body = current
                current = open.outer
                current.append(.loop(target: target, iterable: iterable, body: body, line: open.line))
            }
        default:
            throw .unsupportedSyntax(line: line, what: "'% \(word)' control line")
        }
    }

    private mutating func closeArm() {
        let index = stack.count - 1
        let arms = stack[index].arms.count
        if arms > 0 { stack[index].arms[arms - 1].body = current }
        current = []
    }
}

extension String {
    fileprivate func replacingCRLF() -> String {
        var out: [UInt8] = []
        let bytes = Array(utf8)
        var k = 0
        while k < bytes.count {
            if bytes[k] == 0x0D, k + 1 < bytes.count, bytes[k + 1] == 0x0A { k += 1 }
            out.append(bytes[k])
            k += 1
        }
        return String(decoding: out, as: UTF8.self)
    }

    fileprivate func trimmedBlanks(_ set: String) -> String {
        let blanks = Set(set.unicodeScalars)
        let scalars = Array(unicodeScalars)
        guard let first = scalars.firstIndex(where: { !blanks.contains($0) }),
              let last = scalars.lastIndex(where: { !blanks.contains($0) })
        else { return "" }
        return String(String.UnicodeScalarView(scalars[first...last]))
    }
}
