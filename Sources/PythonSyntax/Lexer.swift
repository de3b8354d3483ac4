/// Python tokenizer over UTF-8 bytes, modelled on CPython 3.13's `Parser/lexer`.
///
/// It turns a whole file into a ``TokenBuffer`` up front: NEWLINE / INDENT / DEDENT tokens,
/// f-strings split into start / middle / replacement-field / end tokens (PEP 701), newlines
/// inside brackets dropped, comments recorded aside. It never stops at an error: each error
/// is recorded (with the position CPython reports) and lexing continues.
struct Lexer {
    /// The lexer's mode stack, for f-strings.
    enum Mode {
        /// Literal text of an f-string.
        case fstring(quote: UInt8, triple: Bool, raw: Bool, start: Int)
        /// Expression part of a replacement field whose `{` is `brackets[bracket]`.
        case field(bracket: Int)
        /// Format specification after `:` in a replacement field.
        case spec
    }

    let p: UnsafeBufferPointer<UInt8>
    let n: Int
    let utf8: Bool
    var i: Int
    var tokens: TokenBuffer
    var errors: [LexError] = []
    /// Problems inside string literals that CPython reports from the parser, by token index.
    var stringIssues: [Int32: String] = [:]
    var comments: [Int32] = []
    var indents: [Int] = [0]
    var altIndents: [Int] = [0]
    var brackets: [Int] = []
    var modes: [Mode] = []
    /// Deepest bracket nesting and longest run of prefix operators / chained keywords on one
    /// logical line: a cheap estimate of how deep the parser will recurse.
    var maxNesting = 0
    var lineChain = 0
    var atLineStart = true
    var lineHasTokens = false
    var commentStart = -1
    private var lines = LineCounter()

    static let maxErrors = 1000

    init(_ p: UnsafeBufferPointer<UInt8>, start: Int, utf8: Bool) {
        self.p = p
        self.n = p.count
        self.i = start
        self.utf8 = utf8
        self.tokens = TokenBuffer(capacity: p.count / 4 + 16)
    }

    // MARK: Helpers

    @inline(__always)
    func at(_ k: Int) -> UInt8 { k < n ? p[k] : 0 }

    @inline(__always)
    mutating func emit(_ kind: TokenKind, _ start: Int, _ end: Int) {
        tokens.append(kind, start, end)
        lineHasTokens = true
    }

    mutating func error(_ message: String, at start: Int, end: Int? = nil, state: Bool = false) {
        if errors.count >= Lexer.maxErrors { return }
        errors.append(
            LexError(message: message, start: start, end: end ?? start, tokenIndex: tokens.count, isStateError: state))
    }

    /// 1-based line number of `offset`.
    mutating func lineNumber(at offset: Int) -> Int { lines.line(of: offset, in: p) }

    @inline(__always)
    static func isIdentASCII(_ c: UInt8) -> Bool {
        // Bit masks of [0-9] (0x30-0x39) and [A-Z_a-z] (0x41-0x5A, 0x5F, 0x61-0x7A).
        if c < 64 { return (0x03FF_0000_0000_0000 as UInt64) >> UInt64(c) & 1 != 0 }
        if c < 128 { return (0x07FF_FFFE_87FF_FFFE as UInt64) >> UInt64(c - 64) & 1 != 0 }
        return false
    }

    @inline(__always)
    static func isDigit(_ c: Int) -> Bool { c >= 0x30 && c <= 0x39 }

    @inline(__always)
    static func isHex(_ c: Int) -> Bool {
        (c >= 0x30 && c <= 0x39) || (c >= 0x61 && c <= 0x66) || (c >= 0x41 && c <= 0x46)
    }

    // MARK: Main loop

    mutating func run() {
        while true {
            if let top = modes.last {
                switch top {
                case .fstring(let quote, let triple, let raw, let start):
                    lexFStringLiteral(quote: quote, triple: triple, raw: raw, start: start)
                    continue
                case .spec:
                    lexFormatSpec()
                    continue
                case .field:
                    break
                }
            }
            if atLineStart {
                atLineStart = false
                if brackets.isEmpty { indentation() }
            }
            while i < n {
                let c = p[i]
                if c == 0x20 || c == 0x09 || c == 0x0C { i += 1 } else { break }
            }
            if i >= n {
                finish()
                return
            }
            let c = p[i]
            switch c {
            case UInt8(ascii: "#"):
                let s = i
                while i < n && p[i] != 0x0A && p[i] != 0x0D { i += 1 }
                comments.append(Int32(truncatingIfNeeded: s))
                comments.append(Int32(truncatingIfNeeded: i))
                if brackets.isEmpty { commentStart = s }
            case 0x0A, 0x0D:
                let s = i
                i += (c == 0x0D && at(i + 1) == 0x0A) ? 2 : 1
                if brackets.isEmpty {
                    lineChain = 0
                    if lineHasTokens {
                        tokens.append(.newline, commentStart >= 0 ? commentStart : s, i)
                        lineHasTokens = false
                    }
                    atLineStart = true
                }
                commentStart = -1
            case UInt8(ascii: "\\"):
                let next = at(i + 1)
                if i + 1 >= n {
                    error("unexpected EOF while parsing", at: i + 1, state: true)
                    i += 1
                } else if next == 0x0A || next == 0x0D {
                    i += (next == 0x0D && at(i + 2) == 0x0A) ? 3 : 2
                    if i >= n && lineHasTokens { error("unexpected EOF while parsing", at: i) }
                } else {
                    error("unexpected character after line continuation character", at: i + 1, state: true)
                    i += 1
                }
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                lexNumber()
            case UInt8(ascii: "\""), UInt8(ascii: "'"):
                lexString(prefixStart: i, quotePos: i, bytes: false, raw: false, fstring: false)
            case UInt8(ascii: "."):
                if Lexer.isDigit(Int(at(i + 1))) {
                    lexNumber()
                } else if at(i + 1) == UInt8(ascii: ".") && at(i + 2) == UInt8(ascii: ".") {
                    emit(.ellipsis, i, i + 3)
                    i += 3
                } else {
                    emit(.dot, i, i + 1)
                    i += 1
                }
            default:
                if Lexer.isIdentASCII(c) || c >= 0x80 {
                    lexIdentifier()
                } else {
                    lexOperator(c)
                }
            }
        }
    }

    /// Indentation at the start of a logical line (CPython's `tok_get` prologue).
    mutating func indentation() {
        var col = 0
        var alt = 0
        var j = i
        scan: while j < n {
            switch p[j] {
            case 0x20:
                col += 1
                alt += 1
            case 0x09:
                col = (col / 8 + 1) * 8
                alt += 1
            case 0x0C:
                col = 0
                alt = 0
            default: break scan
            }
            j += 1
        }
        if j >= n { return }
        let c = p[j]
        if c == UInt8(ascii: "#") || c == 0x0A || c == 0x0D { return }
        if c == UInt8(ascii: "\\") && (at(j + 1) == 0x0A || at(j + 1) == 0x0D) { return }
        let lineStart = i
        guard let top = indents.last, let altTop = altIndents.last else { return }
        if col == top {
            if alt != altTop { error("inconsistent use of tabs and spaces in indentation", at: lineStart, state: true) }
        } else if col > top {
            if indents.count >= 100 {
                error("too many levels of indentation", at: lineStart, state: true)
                return
            }
            if alt <= altTop { error("inconsistent use of tabs and spaces in indentation", at: lineStart, state: true) }
            indents.append(col)
            altIndents.append(alt)
            if indents.count > maxNesting { maxNesting = indents.count }
            tokens.append(.indent, j - 1, j)
        } else {
            while indents.count > 1, let last = indents.last, col < last {
                indents.removeLast()
                altIndents.removeLast()
                tokens.append(.dedent, j, j)
            }
            if col != (indents.last ?? 0) {
                var e = j
                while e < n && p[e] != 0x0A && p[e] != 0x0D { e += 1 }
                error("unindent does not match any outer indentation level", at: e, state: true)
                // Recover as if the line opened a new block level.
                indents.append(col)
                altIndents.append(alt)
            } else if alt != (altIndents.last ?? 0) {
                error("inconsistent use of tabs and spaces in indentation", at: lineStart, state: true)
            }
        }
    }

    mutating func finish() {
        if !brackets.isEmpty {
            tokens.append(.eofInBrackets, n, n)
            tokens.append(.endMarker, n, n)
            return
        }
        if lineHasTokens {
            tokens.append(.newline, commentStart >= 0 ? commentStart : n, n)
            lineHasTokens = false
        }
        // CPython places the end-of-file tokens on the last line: errors "at" them point to
        // its start (located errors) or to the end of its text (unlocated ones).
        var contentEnd = n
        if contentEnd > 0 && p[contentEnd - 1] == 0x0A { contentEnd -= 1 }
        if contentEnd > 0 && p[contentEnd - 1] == 0x0D { contentEnd -= 1 }
        var lineStart = contentEnd
        while lineStart > 0 && p[lineStart - 1] != 0x0A && p[lineStart - 1] != 0x0D { lineStart -= 1 }
        for _ in 1..<max(indents.count, 1) { tokens.append(.dedent, lineStart, contentEnd) }
        tokens.append(.endMarker, lineStart, contentEnd)
    }

    // MARK: Operators and brackets

    mutating func lexOperator(_ c: UInt8) {
        let c1 = at(i + 1)
        let c2 = at(i + 2)
        let s = i
        @inline(__always) func op(_ kind: TokenKind, _ len: Int) -> (TokenKind, Int) { (kind, len) }
        var result: (TokenKind, Int)
        switch c {
        case UInt8(ascii: "("), UInt8(ascii: "["), UInt8(ascii: "{"):
            openBracket(c)
            return
        case UInt8(ascii: ")"), UInt8(ascii: "]"), UInt8(ascii: "}"):
            closeBracket(c)
            return
        case UInt8(ascii: ":"):
            if case .field(let b)? = modes.last, b == brackets.count - 1 {
                emit(.colon, s, s + 1)
                i += 1
                modes.append(.spec)
                return
            }
            result = c1 == UInt8(ascii: "=") ? op(.colonEqual, 2) : op(.colon, 1)
        case UInt8(ascii: ","): result = op(.comma, 1)
        case UInt8(ascii: ";"): result = op(.semi, 1)
        case UInt8(ascii: "+"): result = c1 == UInt8(ascii: "=") ? op(.plusEqual, 2) : op(.plus, 1)
        case UInt8(ascii: "-"):
            if c1 == UInt8(ascii: "=") {
                result = op(.minusEqual, 2)
            } else if c1 == UInt8(ascii: ">") {
                result = op(.rarrow, 2)
            } else {
                result = op(.minus, 1)
            }
        case UInt8(ascii: "*"):
            if c1 == UInt8(ascii: "*") {
                result = c2 == UInt8(ascii: "=") ? op(.doubleStarEqual, 3) : op(.doubleStar, 2)
            } else {
                result = c1 == UInt8(ascii: "=") ? op(.starEqual, 2) : op(.star, 1)
            }
        case UInt8(ascii: "/"):
            if c1 == UInt8(ascii: "/") {
                result = c2 == UInt8(ascii: "=") ? op(.doubleSlashEqual, 3) : op(.doubleSlash, 2)
            } else {
                result = c1 == UInt8(ascii: "=") ? op(.slashEqual, 2) : op(.slash, 1)
            }
        case UInt8(ascii: "%"): result = c1 == UInt8(ascii: "=") ? op(.percentEqual, 2) : op(.percent, 1)
        case UInt8(ascii: "@"): result = c1 == UInt8(ascii: "=") ? op(.atEqual, 2) : op(.at, 1)
        case UInt8(ascii: "|"): result = c1 == UInt8(ascii: "=") ? op(.vbarEqual, 2) : op(.vbar, 1)
        case UInt8(ascii: "&"): result = c1 == UInt8(ascii: "=") ? op(.amperEqual, 2) : op(.amper, 1)
        case UInt8(ascii: "^"): result = c1 == UInt8(ascii: "=") ? op(.circumflexEqual, 2) : op(.circumflex, 1)
        case UInt8(ascii: "~"): result = op(.tilde, 1)
        case UInt8(ascii: "<"):
            if c1 == UInt8(ascii: "<") {
                result = c2 == UInt8(ascii: "=") ? op(.leftShiftEqual, 3) : op(.leftShift, 2)
            } else if c1 == UInt8(ascii: "=") {
                result = op(.lessEqual, 2)
            } else if c1 == UInt8(ascii: ">") {
                result = op(.notEqual, 2)
            } else {
                result = op(.less, 1)
            }
        case UInt8(ascii: ">"):
            if c1 == UInt8(ascii: ">") {
                result = c2 == UInt8(ascii: "=") ? op(.rightShiftEqual, 3) : op(.rightShift, 2)
            } else {
                result = c1 == UInt8(ascii: "=") ? op(.greaterEqual, 2) : op(.greater, 1)
            }
        case UInt8(ascii: "="): result = c1 == UInt8(ascii: "=") ? op(.eqEqual, 2) : op(.equal, 1)
        case UInt8(ascii: "!"): result = c1 == UInt8(ascii: "=") ? op(.notEqual, 2) : op(.exclamation, 1)
        default:
            if (c < 0x20 || c == 0x7F) && errors.count < Lexer.maxErrors {
                error("invalid non-printable character U+\(Lexer.hex4(UInt32(c)))", at: s)
            }
            result = op(.errorToken, 1)
        }
        switch result.0 {
        case .minus, .plus, .tilde, .doubleStar:
            lineChain += 1
            if lineChain > maxNesting { maxNesting = lineChain }
        default: break
        }
        emit(result.0, s, s + result.1)
        i += result.1
    }

    static func hex4(_ v: UInt32) -> String {
        let h = String(v, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, 4 - h.count)) + h
    }

    mutating func openBracket(_ c: UInt8) {
        if brackets.count >= 200 {
            error("too many nested parentheses", at: i)
        }
        brackets.append(i)
        if brackets.count > maxNesting { maxNesting = brackets.count }
        let kind: TokenKind = c == UInt8(ascii: "(") ? .lpar : c == UInt8(ascii: "[") ? .lsqb : .lbrace
        emit(kind, i, i + 1)
        i += 1
    }

    mutating func closeBracket(_ c: UInt8) {
        let kind: TokenKind = c == UInt8(ascii: ")") ? .rpar : c == UInt8(ascii: "]") ? .rsqb : .rbrace
        let s = i
        i += 1
        guard let open = brackets.last else {
            error("unmatched '\(Character(Unicode.Scalar(c)))'", at: s)
            emit(kind, s, s + 1)
            return
        }
        let o = p[open]
        let matches =
            (o == UInt8(ascii: "(") && c == UInt8(ascii: ")")) || (o == UInt8(ascii: "[") && c == UInt8(ascii: "]"))
            || (o == UInt8(ascii: "{") && c == UInt8(ascii: "}"))
        var isField = false
        if case .field(let b)? = modes.last, b == brackets.count - 1 { isField = true }
        if !matches && errors.count < Lexer.maxErrors {
            let openLine = lineNumber(at: open)
            let closeLine = lineNumber(at: s)
            let oc = Character(Unicode.Scalar(o))
            let cc = Character(Unicode.Scalar(c))
            if openLine != closeLine {
                error(
                    "closing parenthesis '\(cc)' does not match opening parenthesis '\(oc)' on line \(openLine)", at: s)
            } else {
                error("closing parenthesis '\(cc)' does not match opening parenthesis '\(oc)'", at: s)
            }
        }
        if !matches && isField {
            emit(kind, s, s + 1)
            return
        }
        brackets.removeLast()
        emit(kind, s, s + 1)
        if isField { modes.removeLast() }
    }

    // MARK: Identifiers

    mutating func lexIdentifier() {
        let s = i
        var j = i
        while j < n && Lexer.isIdentASCII(p[j]) { j += 1 }
        if j < n && p[j] >= 0x80 {
            j = lexNonASCIIIdentifier(from: s)
            if j < 0 { return }
        } else if j < n, p[j] == UInt8(ascii: "\"") || p[j] == UInt8(ascii: "'"), j - s <= 2 {
            // A string prefix?
            var b = false
            var r = false
            var u = false
            var f = false
            var ok = true
            for k in s..<j {
                switch p[k] | 0x20 {
                case UInt8(ascii: "b"):
                    if b { ok = false }
                    b = true
                case UInt8(ascii: "r"):
                    if r { ok = false }
                    r = true
                case UInt8(ascii: "u"):
                    if u { ok = false }
                    u = true
                case UInt8(ascii: "f"):
                    if f { ok = false }
                    f = true
                default: ok = false
                }
            }
            if u && (b || r || f) { ok = false }
            if b && f { ok = false }
            if ok {
                i = j
                lexString(prefixStart: s, quotePos: j, bytes: b, raw: r, fstring: f)
                return
            }
        }
        let kind = j - s <= 8 ? (TokenKind.keyword(p, s, j) ?? .name) : .name
        switch kind {
        case .kwNot, .kwLambda, .kwIf, .kwAwait:
            lineChain += 1
            if lineChain > maxNesting { maxNesting = lineChain }
        default: break
        }
        emit(kind, s, j)
        i = j
    }

    /// Scans an identifier with non-ASCII characters from `s`; returns its end, or -1 after
    /// recording an error (the offending character is then skipped).
    mutating func lexNonASCIIIdentifier(from s: Int) -> Int {
        var j = s
        var first = true
        while j < n {
            let c = p[j]
            if c < 0x80 {
                if !Lexer.isIdentASCII(c) { break }
                if first && Lexer.isDigit(Int(c)) { break }
                j += 1
                first = false
                continue
            }
            if !utf8 {
                j += 1
                first = false
                continue
            }
            guard let (scalar, len) = Lexer.decodeScalar(p, j) else {
                if errors.count < Lexer.maxErrors {
                    error(
                        "(unicode error) 'utf-8' codec can't decode byte 0x\(String(p[j], radix: 16)) in position \(j - s): invalid start byte",
                        at: j)
                }
                i = j + 1
                return -1
            }
            let props = scalar.properties
            let valid = first ? (props.isXIDStart || scalar == "_") : props.isXIDContinue
            if !valid && errors.count >= Lexer.maxErrors {
                if j > s { emit(.name, s, j) }
                i = j + len
                return -1
            }
            if !valid {
                if Lexer.isPrintable(scalar) {
                    error("invalid character '\(Character(scalar))' (U+\(Lexer.hex4(scalar.value)))", at: j)
                } else {
                    error("invalid non-printable character U+\(Lexer.hex4(scalar.value))", at: j)
                }
                // Recover: emit what came before as a name and skip the character.
                if j > s { emit(.name, s, j) }
                i = j + len
                return -1
            }
            j += len
            first = false
        }
        return j
    }

    static func isPrintable(_ s: Unicode.Scalar) -> Bool {
        switch s.properties.generalCategory {
        case .control, .format, .surrogate, .privateUse, .unassigned, .lineSeparator, .paragraphSeparator:
            return false
        case .spaceSeparator:
            return s == " "
        default:
            return true
        }
    }

    /// Decodes one UTF-8 scalar at `k` (strict: no overlongs, no surrogates).
    static func decodeScalar(_ p: UnsafeBufferPointer<UInt8>, _ k: Int) -> (Unicode.Scalar, Int)? {
        let n = p.count
        let b0 = UInt32(p[k])
        if b0 < 0x80 { return Unicode.Scalar(b0).map { ($0, 1) } }
        @inline(__always) func cont(_ x: Int) -> UInt32? {
            if x >= n { return nil }
            let b = p[x]
            return b & 0xC0 == 0x80 ? UInt32(b & 0x3F) : nil
        }
        if b0 >= 0xC2 && b0 <= 0xDF {
            guard let c1 = cont(k + 1) else { return nil }
            return Unicode.Scalar(((b0 & 0x1F) << 6) | c1).map { ($0, 2) }
        }
        if b0 >= 0xE0 && b0 <= 0xEF {
            guard let c1 = cont(k + 1), let c2 = cont(k + 2) else { return nil }
            let v = ((b0 & 0x0F) << 12) | (c1 << 6) | c2
            if v < 0x800 { return nil }
            return Unicode.Scalar(v).map { ($0, 3) }
        }
        if b0 >= 0xF0 && b0 <= 0xF4 {
            guard let c1 = cont(k + 1), let c2 = cont(k + 2), let c3 = cont(k + 3) else { return nil }
            let v = ((b0 & 0x07) << 18) | (c1 << 12) | (c2 << 6) | c3
            if v < 0x10000 || v > 0x10FFFF { return nil }
            return Unicode.Scalar(v).map { ($0, 4) }
        }
        return nil
    }
}
