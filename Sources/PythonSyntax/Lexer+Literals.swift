/// Numbers, strings and f-string pieces, following CPython's tokenizer error rules.
extension Lexer {
    // MARK: Numbers

    /// Reads the next byte as CPython's `tok_nextc` would: -1 at the end, without advancing.
    @inline(__always)
    private func peekc(_ j: Int) -> Int { j < n ? Int(p[j]) : -1 }

    /// CPython's `verify_end_of_number`; `j` is the offset of `c`. Returns false after an error.
    private mutating func verifyEnd(_ c: Int, _ j: Int, _ kind: String) -> Bool {
        func lookahead(_ s: String) -> Bool {
            var k = j + 1
            for b in s.utf8 {
                if k >= n || p[k] != b { return false }
                k += 1
            }
            return true
        }
        var r = false
        switch c {
        case 0x61: r = lookahead("nd")
        case 0x65: r = lookahead("lse")
        case 0x66: r = lookahead("or")
        case 0x69:
            let c2 = peekc(j + 1)
            r = c2 == 0x66 || c2 == 0x6E || c2 == 0x73
        case 0x6F: r = lookahead("r")
        case 0x6E: r = lookahead("ot")
        default: break
        }
        if r { return true }
        if c >= 0 && c < 128 && Lexer.isIdentASCII(UInt8(c)) {
            numberError("invalid \(kind) literal", cur: j)
            return false
        }
        return true
    }

    /// Records a tokenizer `syntaxerror` raised with the cursor at `cur` (reported one before).
    private mutating func numberError(_ message: String, cur: Int) {
        error(message, at: max(cur - 1, 0))
    }

    /// CPython's `tok_decimal_tail`: digits with single underscores; returns (c, offset of c),
    /// or nil after an error.
    private mutating func decimalTail(_ j0: Int) -> (Int, Int)? {
        var j = j0
        while true {
            var c = peekc(j)
            while Lexer.isDigit(c) {
                j += 1
                c = peekc(j)
            }
            if c != 0x5F { return (c, j) }
            j += 1
            c = peekc(j)
            if !Lexer.isDigit(c) {
                numberError("invalid decimal literal", cur: j)
                return nil
            }
        }
    }

    /// Emits the number token `s ..< end`, or on error skips the rest of the alphanumerics.
    private mutating func finishNumber(_ s: Int, _ end: Int?) {
        if let end {
            emit(.number, s, end)
            i = end
        } else {
            var j = i + 1
            while j < n && (Lexer.isIdentASCII(p[j]) || p[j] == UInt8(ascii: ".")) { j += 1 }
            emit(.number, s, j)
            i = j
        }
    }

    mutating func lexNumber() {
        let s = i
        finishNumber(s, scanNumber(s))
    }

    /// Returns the end of a valid number literal at `s`, or nil after recording an error.
    private mutating func scanNumber(_ s: Int) -> Int? {
        var j = s
        var c = peekc(j)
        if c == 0x2E {
            // A fraction such as `.5`.
            return fraction(j + 1)
        }
        if c == 0x30 {
            j += 1
            c = peekc(j)
            let lower = c | 0x20
            if lower == 0x78 || lower == 0x6F || lower == 0x62 {
                let kind = lower == 0x78 ? "hexadecimal" : lower == 0x6F ? "octal" : "binary"
                func isDigitOf(_ d: Int) -> Bool {
                    lower == 0x78 ? Lexer.isHex(d) : lower == 0x6F ? (d >= 0x30 && d <= 0x37) : (d == 0x30 || d == 0x31)
                }
                j += 1
                c = peekc(j)
                repeat {
                    if c == 0x5F {
                        j += 1
                        c = peekc(j)
                    }
                    if !isDigitOf(c) {
                        if lower != 0x78 && Lexer.isDigit(c) {
                            numberError(
                                "invalid digit '\(Character(Unicode.Scalar(UInt8(c))))' in \(kind) literal", cur: j + 1)
                        } else {
                            numberError("invalid \(kind) literal", cur: j)
                        }
                        return nil
                    }
                    repeat {
                        j += 1
                        c = peekc(j)
                    } while isDigitOf(c)
                } while c == 0x5F
                if lower != 0x78 && Lexer.isDigit(c) {
                    numberError("invalid digit '\(Character(Unicode.Scalar(UInt8(c))))' in \(kind) literal", cur: j + 1)
                    return nil
                }
                return verifyEnd(c, j, kind) ? j : nil
            }
            var nonzero = false
            while true {
                if c == 0x5F {
                    j += 1
                    c = peekc(j)
                    if !Lexer.isDigit(c) {
                        numberError("invalid decimal literal", cur: j)
                        return nil
                    }
                }
                if c != 0x30 { break }
                j += 1
                c = peekc(j)
            }
            let zerosEnd = j
            if Lexer.isDigit(c) {
                nonzero = true
                guard let (c2, j2) = decimalTail(j) else { return nil }
                c = c2
                j = j2
            }
            if c == 0x2E { return fraction(j + 1) }
            if c == 0x65 || c == 0x45 { return exponent(j) }
            if c == 0x6A || c == 0x4A { return imaginary(j) }
            if nonzero {
                error(
                    "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers",
                    at: s, end: zerosEnd)
                return nil
            }
            return verifyEnd(c, j, "decimal") ? j : nil
        }
        guard let (c2, j2) = decimalTail(j) else { return nil }
        c = c2
        j = j2
        if c == 0x2E { return fraction(j + 1) }
        if c == 0x65 || c == 0x45 { return exponent(j) }
        if c == 0x6A || c == 0x4A { return imaginary(j) }
        return verifyEnd(c, j, "decimal") ? j : nil
    }

    /// After the `.`; `j` is the offset of the first fraction character.
    private mutating func fraction(_ j0: Int) -> Int? {
        var j = j0
        var c = peekc(j)
        if Lexer.isDigit(c) {
            guard let (c2, j2) = decimalTail(j) else { return nil }
            c = c2
            j = j2
        }
        if c == 0x65 || c == 0x45 { return exponent(j) }
        if c == 0x6A || c == 0x4A { return imaginary(j) }
        return verifyEnd(c, j, "decimal") ? j : nil
    }

    /// `j` is the offset of the `e`.
    private mutating func exponent(_ e: Int) -> Int? {
        var j = e + 1
        var c = peekc(j)
        if c == 0x2B || c == 0x2D {
            j += 1
            c = peekc(j)
            if !Lexer.isDigit(c) {
                numberError("invalid decimal literal", cur: j)
                return nil
            }
        } else if !Lexer.isDigit(c) {
            return verifyEnd(Int(p[e]), e, "decimal") ? e : nil
        }
        guard let (c2, j2) = decimalTail(j) else { return nil }
        c = c2
        j = j2
        if c == 0x6A || c == 0x4A { return imaginary(j) }
        return verifyEnd(c, j, "decimal") ? j : nil
    }

    /// `j` is the offset of the `j`.
    private mutating func imaginary(_ j: Int) -> Int? {
        verifyEnd(peekc(j + 1), j + 1, "imaginary") ? j + 1 : nil
    }

    // MARK: Strings

    /// Lexes a string (or the start of an f-string) whose quote is at `quotePos`.
    mutating func lexString(prefixStart: Int, quotePos: Int, bytes: Bool, raw: Bool, fstring: Bool) {
        let quote = p[quotePos]
        let triple = at(quotePos + 1) == quote && at(quotePos + 2) == quote
        var j = quotePos + (triple ? 3 : 1)
        if fstring {
            emit(.fstringStart, prefixStart, j)
            i = j
            modes.append(.fstring(quote: quote, triple: triple, raw: raw, start: prefixStart))
            return
        }
        let tokenIndex = Int32(truncatingIfNeeded: tokens.count)
        var issue: String?
        while true {
            if j >= n {
                unterminated(prefixStart: prefixStart, triple: triple, detectedAt: j, fstring: false)
                emit(.string, prefixStart, n)
                i = n
                return
            }
            let c = p[j]
            if c == quote {
                if !triple {
                    j += 1
                    break
                }
                if at(j + 1) == quote && at(j + 2) == quote {
                    j += 3
                    break
                }
                j += 1
            } else if c == UInt8(ascii: "\\") {
                if !raw && issue == nil { issue = escapeIssue(j, bytes: bytes, start: quotePos + (triple ? 3 : 1)) }
                let next = at(j + 1)
                if next >= 0x80 {
                    j += 1
                } else {
                    j += (next == 0x0D && at(j + 2) == 0x0A) ? 3 : 2
                }
            } else if c == 0x0A || c == 0x0D {
                if !triple {
                    unterminated(prefixStart: prefixStart, triple: false, detectedAt: j, fstring: false)
                    emit(.string, prefixStart, j)
                    i = j
                    return
                }
                j += 1
            } else if c >= 0x80 {
                if bytes {
                    if issue == nil { issue = "bytes can only contain ASCII literal characters" }
                    j += 1
                } else if utf8, let (_, len) = Lexer.decodeScalar(p, j) {
                    j += len
                } else {
                    if utf8 && issue == nil {
                        issue =
                            "(unicode error) 'utf-8' codec can't decode byte 0x\(String(c, radix: 16)) in position \(j - quotePos - 1): invalid start byte"
                    }
                    j += 1
                }
            } else {
                j += 1
            }
        }
        if let issue { stringIssues[tokenIndex] = issue }
        emit(.string, prefixStart, j)
        i = j
    }

    /// The error CPython's escape decoder raises for the escape at `j`, if any.
    private func escapeIssue(_ j: Int, bytes: Bool, start: Int) -> String? {
        let e = at(j + 1)
        var digits = 0
        switch e {
        case UInt8(ascii: "x"): digits = 2
        case UInt8(ascii: "u") where !bytes: digits = 4
        case UInt8(ascii: "U") where !bytes: digits = 8
        case UInt8(ascii: "N") where !bytes:
            if at(j + 2) != UInt8(ascii: "{") {
                return
                    "(unicode error) 'unicodeescape' codec can't decode bytes in position \(j - start)-\(j - start + 1): malformed \\N character escape"
            }
            var k = j + 3
            while k < n && p[k] != UInt8(ascii: "}") && p[k] != quoteLike(k) { k += 1 }
            if k >= n || p[k] != UInt8(ascii: "}") || k == j + 3 {
                return
                    "(unicode error) 'unicodeescape' codec can't decode bytes in position \(j - start)-\(k - start): malformed \\N character escape"
            }
            let name = String(decoding: UnsafeBufferPointer(rebasing: p[(j + 3)..<k]), as: UTF8.self)
            if UnicodeNames.scalar(named: name) == nil {
                return
                    "(unicode error) 'unicodeescape' codec can't decode bytes in position \(j - start)-\(k - start): unknown Unicode character name"
            }
            return nil
        default: return nil
        }
        var value: UInt32 = 0
        for k in 0..<digits {
            let d = Int(at(j + 2 + k))
            if !Lexer.isHex(d) {
                if bytes { return "(value error) invalid \\x escape at position \(j - start)" }
                let what =
                    digits == 2
                    ? "truncated \\xXX escape"
                    : digits == 4 ? "truncated \\uXXXX escape" : "truncated \\UXXXXXXXX escape"
                return
                    "(unicode error) 'unicodeescape' codec can't decode bytes in position \(j - start)-\(j - start + 1 + k): \(what)"
            }
            value = value &* 16 &+ UInt32(Lexer.hexValue(UInt8(d)))
        }
        if digits == 8 && value > 0x10FFFF {
            return
                "(unicode error) 'unicodeescape' codec can't decode bytes in position \(j - start)-\(j - start + 9): illegal Unicode character"
        }
        return nil
    }

    /// A quote or line break stops a `\N{` scan early.
    @inline(__always)
    private func quoteLike(_ k: Int) -> UInt8 {
        let c = p[k]
        return (c == 0x22 || c == 0x27 || c == 0x0A || c == 0x0D) ? c : 0xFF
    }

    static func hexValue(_ d: UInt8) -> UInt8 {
        if d <= 0x39 { return d &- 0x30 }
        return (d | 0x20) &- 0x61 &+ 10
    }

    private mutating func unterminated(prefixStart: Int, triple: Bool, detectedAt: Int, fstring: Bool) {
        if errors.count >= Lexer.maxErrors { return }
        let line = lineNumber(at: min(detectedAt, n))
        let kind = fstring ? "f-string" : "string"
        if triple {
            error("unterminated triple-quoted \(kind) literal (detected at line \(line))", at: prefixStart)
        } else {
            error("unterminated \(kind) literal (detected at line \(line))", at: prefixStart)
        }
    }

    // MARK: f-strings

    /// Literal text of an f-string up to its end, a replacement field or an error.
    mutating func lexFStringLiteral(quote: UInt8, triple: Bool, raw: Bool, start: Int) {
        let s = i
        var j = i
        while true {
            if j >= n {
                unterminated(prefixStart: start, triple: triple, detectedAt: n, fstring: true)
                if j > s { emit(.fstringMiddle, s, j) }
                emit(.fstringEnd, n, n)
                modes.removeLast()
                i = n
                return
            }
            let c = p[j]
            if c == quote && (!triple || (at(j + 1) == quote && at(j + 2) == quote)) {
                if j > s { emit(.fstringMiddle, s, j) }
                let len = triple ? 3 : 1
                emit(.fstringEnd, j, j + len)
                modes.removeLast()
                i = j + len
                return
            }
            switch c {
            case UInt8(ascii: "\\"):
                let next = at(j + 1)
                if next == UInt8(ascii: "{") || next == UInt8(ascii: "}") {
                    j += 1
                } else if !raw && next == UInt8(ascii: "N") && at(j + 2) == UInt8(ascii: "{") {
                    var k = j + 3
                    while k < n && p[k] != UInt8(ascii: "}") && p[k] != quote && p[k] != 0x0A { k += 1 }
                    j = k < n && p[k] == UInt8(ascii: "}") ? k + 1 : k
                } else {
                    j += (next == 0x0D && at(j + 2) == 0x0A) ? 3 : 2
                }
            case UInt8(ascii: "{"):
                if at(j + 1) == UInt8(ascii: "{") {
                    j += 2
                    continue
                }
                if j > s { emit(.fstringMiddle, s, j) }
                i = j
                openBracket(c)
                modes.append(.field(bracket: brackets.count - 1))
                return
            case UInt8(ascii: "}"):
                if at(j + 1) == UInt8(ascii: "}") {
                    j += 2
                    continue
                }
                error("f-string: single '}' is not allowed", at: j)
                j += 1
            case 0x0A, 0x0D:
                if !triple {
                    unterminated(prefixStart: start, triple: false, detectedAt: j, fstring: true)
                    if j > s { emit(.fstringMiddle, s, j) }
                    emit(.fstringEnd, j, j)
                    modes.removeLast()
                    i = j
                    return
                }
                j += 1
            default:
                j += 1
            }
        }
    }

    /// Format specification text after `:` in a replacement field.
    mutating func lexFormatSpec() {
        let s = i
        var j = i
        var quote: UInt8 = 0
        var triple = false
        for mode in modes.reversed() {
            if case .fstring(let q, let t, _, _) = mode {
                quote = q
                triple = t
                break
            }
        }
        while true {
            let c = at(j)
            let atQuote = j < n && c == quote && (!triple || (at(j + 1) == quote && at(j + 2) == quote))
            if j >= n || atQuote || (!triple && (c == 0x0A || c == 0x0D)) {
                // The field was never closed: report it and unwind to the f-string's literal mode.
                error("f-string: expecting '}'", at: min(j, n))
                if j > s { emit(.fstringMiddle, s, j) }
                modes.removeLast()
                if case .field? = modes.last {
                    modes.removeLast()
                    if !brackets.isEmpty { brackets.removeLast() }
                }
                i = j
                return
            }
            if c == UInt8(ascii: "{") {
                if j > s { emit(.fstringMiddle, s, j) }
                i = j
                openBracket(c)
                modes.append(.field(bracket: brackets.count - 1))
                return
            }
            if c == UInt8(ascii: "}") {
                if j > s { emit(.fstringMiddle, s, j) }
                modes.removeLast()
                i = j
                closeBracket(c)
                return
            }
            if c == UInt8(ascii: "\\") && at(j + 1) != UInt8(ascii: "{") && at(j + 1) != UInt8(ascii: "}") {
                j += 2
            } else {
                j += 1
            }
        }
    }
}
