import TextCore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Runs the lexer and the parser over a file and decides which error comes first, the way
/// CPython's `_PyPegen_run_parser` does:
/// 1. null bytes, then encoding problems (reported by CPython before tokenizing);
/// 2. the first tokenizer error anywhere (CPython tokenizes the rest of the file after a
///    parser error, and a tokenizer error found there wins);
/// 3. the first parser error, unless the file ends inside brackets and the parser reached
///    that end, or the error lies on a later line than the innermost unclosed bracket:
///    then "'(' was never closed" at that bracket.
enum ModuleParser {
    static func parse(_ bytes: [UInt8]) -> ParsedModule {
        bytes.withUnsafeBufferPointer { p in parse(bytes, p) }
    }

    private static func parse(_ bytes: [UInt8], _ p: UnsafeBufferPointer<UInt8>) -> ParsedModule {
        var leading: [SyntaxError] = []
        if bytes.count >= Int(Int32.max) {
            var extra = RawStorage<Int32>(capacity: 1)
            extra.append(0)
            let tree = SyntaxTree(
                source: bytes, nodes: RawStorage(capacity: 1), extra: extra, moduleBody: 0, sourceIsUTF8: true)
            return ParsedModule(
                tree: tree, errors: [SyntaxError(message: "source too large", range: .empty(at: 0))], comments: [])
        }
        let hasBOM = p.count >= 3 && p[0] == 0xEF && p[1] == 0xBB && p[2] == 0xBF
        let start = hasBOM ? 3 : 0
        if let base = p.baseAddress, memchr(base, 0, p.count) != nil {
            leading.append(
                SyntaxError(message: "source code string cannot contain null bytes", range: .empty(at: start)))
        }
        var utf8 = true
        switch SourceEncoding.detect(p, from: start, hasBOM: hasBOM) {
        case .utf8: break
        case .other: utf8 = false
        case .error(let message): leading.append(SyntaxError(message: message, range: .empty(at: start)))
        }

        var lexer = Lexer(p, start: start, utf8: utf8)
        lexer.run()
        let tokens = lexer.tokens
        var parser = Parser(
            kinds: tokens.kinds.buffer, starts: tokens.starts.buffer, ends: tokens.ends.buffer,
            src: p, stringIssues: lexer.stringIssues)
        let body: Int32
        if lexer.maxNesting > BigStack.nestingThreshold {
            // Deeply nested input: recurse on a thread with a large stack.
            body = BigStack.run(&parser)
        } else {
            body = parser.parseModule()
        }
        let parseErrors = parser.errors
        parser.freeScratch()
        defer { tokens.free() }

        var errors = leading
        var lexErrors = lexer.errors.map {
            SyntaxError(message: $0.message, range: ByteRange(start: $0.start, end: $0.end))
        }
        var deferredLexErrors: [SyntaxError] = []
        var parserErrors = parseErrors.map {
            SyntaxError(message: $0.message, range: ByteRange(start: $0.start, end: $0.end))
        }
        // A tokenizer error wins unless the parser stopped earlier at an unexpected indent.
        if let firstLex = lexer.errors.first, let firstParse = parseErrors.first,
            (firstParse.isIndentation || firstLex.isStateError) && firstParse.token < firstLex.tokenIndex
        {
            deferredLexErrors = lexErrors
            lexErrors.removeAll()
        }
        if lexErrors.isEmpty, let firstParse = parseErrors.first, let open = lexer.brackets.last {
            let eofToken = tokens.count - 2
            let reachedEnd = firstParse.token >= eofToken && eofToken >= 0 && tokens.kinds[eofToken] == .eofInBrackets
            let openLine = lexer.lineNumber(at: open)
            let furthest = min(max(firstParse.token, 0), tokens.count - 1)
            let errorLine = lexer.lineNumber(at: Int(tokens.starts[furthest]))
            if reachedEnd || errorLine > openLine {
                let c = Character(Unicode.Scalar(p[open]))
                parserErrors[0] = SyntaxError(
                    message: "'\(c)' was never closed", range: ByteRange(start: open, end: open + 1))
            }
        }
        if lexErrors.isEmpty && parserErrors.isEmpty, let open = lexer.brackets.last {
            let c = Character(Unicode.Scalar(p[open]))
            lexErrors.append(
                SyntaxError(message: "'\(c)' was never closed", range: ByteRange(start: open, end: open + 1)))
        }
        errors.append(contentsOf: lexErrors)
        errors.append(contentsOf: parserErrors)
        errors.append(contentsOf: deferredLexErrors)
        var comments: [ByteRange] = []
        comments.reserveCapacity(lexer.comments.count / 2)
        var k = 0
        while k + 1 < lexer.comments.count {
            comments.append(ByteRange(start: Int(lexer.comments[k]), end: Int(lexer.comments[k + 1])))
            k += 2
        }
        let tree = SyntaxTree(
            source: bytes, nodes: parser.nodes, extra: parser.extra, moduleBody: body, sourceIsUTF8: utf8)
        return ParsedModule(tree: tree, errors: errors, comments: comments)
    }
}
