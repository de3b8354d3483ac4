/// `match` statements and patterns.
extension Parser {
    /// `match` is a soft keyword: a statement when its logical line ends with `:`.
    func looksLikeMatch() -> Bool {
        let next = peek()
        switch next {
        case .equal, .colon, .dot, .comma, .rpar, .newline, .semi, .endMarker: return false
        default: if next.isAugAssign { return false }
        }
        if !(Parser.canStart(next) || next == .lsqb) { return false }
        var j = pos + 1
        var last = TokenKind.endMarker
        while j < kinds.count {
            let k = kinds[j]
            if k == .newline || k == .endMarker || k == .eofInBrackets { break }
            last = k
            j += 1
        }
        return last == .colon
    }

    mutating func parseMatch() -> Int32 {
        let s = tokStart
        advance()
        let subjectStart = tokStart
        var subject = parseStarNamedExpression()
        if kind == .comma {
            let mark = scratch.count
            scratch.append(subject)
            while eat(.comma) {
                if !canStartExpression(kind) { break }
                scratch.append(parseStarNamedExpression())
            }
            subject = add(.tuple, 0, subjectStart, lastEnd, makeList(mark))
        }
        if !eat(.colon) {
            if !stmtFailed { error("expected ':'", start: tokStart, end: Int(ends[pos])) }
            skipToLineEnd()
            return add(.match, 0, s, lastEnd, subject, 0)
        }
        guard eat(.newline) else {
            syntaxError()
            skipToLineEnd()
            return add(.match, 0, s, lastEnd, subject, 0)
        }
        guard eat(.indent) else {
            if !stmtFailed {
                let message = "expected an indented block after 'match' statement on line \(lineNumber(s))"
                error(message, start: kind == .endMarker ? Int(ends[pos]) : tokStart, end: Int(ends[pos]))
            }
            return add(.match, 0, s, lastEnd, subject, 0)
        }
        let mark = scratch.count
        while kind != .dedent && kind != .endMarker {
            stmtFailed = false
            let before = pos
            if isSoftKeyword("case") {
                scratch.append(parseCase())
            } else {
                syntaxError()
                skipToLineEnd()
                if kind == .indent { _ = parseIndentedBlock() }
            }
            if pos == before { recoverSkip() }
        }
        _ = eat(.dedent)
        return add(.match, 0, s, lastEnd, subject, makeList(mark))
    }

    mutating func parseCase() -> Int32 {
        let s = tokStart
        advance()
        let pattern = parsePatterns()
        var guardExpr: Int32 = -1
        if eat(.kwIf) { guardExpr = parseNamedExpression() }
        let body = parseBlock("'case' statement", headerStart: s)
        return add(.matchCase, 0, s, lastEnd, pattern, guardExpr, body)
    }

    /// `open_sequence_pattern | pattern`.
    mutating func parsePatterns() -> Int32 {
        let s = tokStart
        let first = parseMaybeStarPattern()
        if kind != .comma {
            if tag(first) == .matchStar { return add(.matchSequence, 0, s, lastEnd, listOf([first])) }
            return first
        }
        let mark = scratch.count
        scratch.append(first)
        while eat(.comma) {
            if kind == .colon || kind == .kwIf { break }
            scratch.append(parseMaybeStarPattern())
            if stmtFailed { break }
        }
        return add(.matchSequence, 0, s, lastEnd, makeList(mark))
    }

    mutating func listOf(_ items: [Int32]) -> Int32 {
        let mark = scratch.count
        scratch.append(contentsOf: items)
        return makeList(mark)
    }

    mutating func parseMaybeStarPattern() -> Int32 {
        if kind == .star {
            let s = tokStart
            advance()
            guard kind == .name else {
                syntaxError()
                return add(.matchStar, 0, s, lastEnd, -1)
            }
            let isWildcard = Int(ends[pos]) - tokStart == 1 && src[tokStart] == UInt8(ascii: "_")
            let name = isWildcard ? -1 : add(.identifier, 0, tokStart, Int(ends[pos]))
            advance()
            return add(.matchStar, 0, s, lastEnd, name)
        }
        return parsePattern()
    }

    /// `or_pattern ['as' NAME]`.
    mutating func parsePattern() -> Int32 {
        if depth >= Parser.maxDepth {
            tooDeep()
            return add(.matchAs, 0, tokStart, tokStart, -1, -1)
        }
        depth += 1
        defer { depth -= 1 }
        let s = tokStart
        var p = parseOrPattern()
        if eat(.kwAs) {
            guard kind == .name else {
                syntaxError()
                return p
            }
            if Int(ends[pos]) - tokStart == 1 && src[tokStart] == UInt8(ascii: "_") {
                error("cannot use '_' as a target", start: tokStart, end: Int(ends[pos]))
            }
            let name = add(.identifier, 0, tokStart, Int(ends[pos]))
            advance()
            p = add(.matchAs, 0, s, lastEnd, p, name)
        }
        return p
    }

    mutating func parseOrPattern() -> Int32 {
        let s = tokStart
        let first = parseClosedPattern()
        if kind != .vbar { return first }
        let mark = scratch.count
        scratch.append(first)
        while eat(.vbar) { scratch.append(parseClosedPattern()) }
        return add(.matchOr, 0, s, lastEnd, makeList(mark))
    }

    mutating func parseClosedPattern() -> Int32 {
        let s = tokStart
        switch kind {
        case .number, .minus:
            let v = parseSignedNumber()
            return add(.matchValue, 0, s, lastEnd, v)
        case .string:
            let v = parseStrings()
            return add(.matchValue, 0, s, lastEnd, v)
        case .fstringStart:
            syntaxError()
            let v = parseStrings()
            return add(.matchValue, 0, s, lastEnd, v)
        case .kwNone, .kwTrue, .kwFalse:
            let v = parseAtom()
            return add(.matchSingleton, 0, s, lastEnd, v)
        case .name:
            let isWildcard = Int(ends[pos]) - tokStart == 1 && src[tokStart] == UInt8(ascii: "_")
            if peek() != .dot && peek() != .lpar {
                if isWildcard {
                    advance()
                    return add(.matchAs, 0, s, lastEnd, -1, -1)
                }
                let name = add(.identifier, 0, s, Int(ends[pos]))
                advance()
                return add(.matchAs, 0, s, lastEnd, -1, name)
            }
            var e = add(.name, 0, s, Int(ends[pos]))
            advance()
            while kind == .dot {
                advance()
                guard kind == .name else {
                    syntaxError()
                    return add(.matchValue, 0, s, lastEnd, e)
                }
                let attr = add(.identifier, 0, tokStart, Int(ends[pos]))
                advance()
                e = add(.attribute, 0, s, lastEnd, e, attr)
            }
            if kind == .lpar { return parseClassPattern(cls: e, start: s) }
            return add(.matchValue, 0, s, lastEnd, e)
        case .lpar:
            advance()
            bracketDepth += 1
            defer { bracketDepth -= 1 }
            if eat(.rpar) { return add(.matchSequence, 0, s, lastEnd, 0) }
            let first = parseMaybeStarPattern()
            if kind == .comma {
                let mark = scratch.count
                scratch.append(first)
                while eat(.comma) {
                    if kind == .rpar { break }
                    scratch.append(parseMaybeStarPattern())
                    if stmtFailed { break }
                }
                if !stmtFailed { _ = expect(.rpar) }
                return add(.matchSequence, 0, s, lastEnd, makeList(mark))
            }
            if !stmtFailed { _ = expect(.rpar) }
            if tag(first) == .matchStar { return add(.matchSequence, 0, s, lastEnd, listOf([first])) }
            return first
        case .lsqb:
            advance()
            bracketDepth += 1
            defer { bracketDepth -= 1 }
            let mark = scratch.count
            while kind != .rsqb && !stmtFailed {
                scratch.append(parseMaybeStarPattern())
                if !eat(.comma) { break }
            }
            if !stmtFailed { _ = expect(.rsqb) }
            return add(.matchSequence, 0, s, lastEnd, makeList(mark))
        case .lbrace:
            return parseMappingPattern()
        default:
            syntaxError()
            return add(.matchAs, 0, s, s, -1, -1)
        }
    }

    /// A possibly signed number, or a complex literal `-1 + 2j`.
    mutating func parseSignedNumber() -> Int32 {
        let s = tokStart
        var e: Int32
        if kind == .minus {
            advance()
            guard kind == .number else {
                syntaxError()
                return invalidExpr()
            }
            let n = parseAtom()
            e = add(.unaryOp, UnaryOperator.uSub.rawValue, s, lastEnd, n)
        } else {
            e = parseAtom()
        }
        if kind == .plus || kind == .minus {
            let op: BinaryOperator = kind == .plus ? .add : .sub
            advance()
            guard kind == .number else {
                syntaxError()
                return e
            }
            let imag = parseAtom()
            e = add(.binOp, op.rawValue, s, lastEnd, e, imag)
        }
        return e
    }

    mutating func parseMappingPattern() -> Int32 {
        let s = tokStart
        advance()
        bracketDepth += 1
        defer { bracketDepth -= 1 }
        var keys: [Int32] = []
        var patterns: [Int32] = []
        var rest: Int32 = -1
        while kind != .rbrace && !stmtFailed {
            if kind == .doubleStar {
                advance()
                guard kind == .name else {
                    syntaxError()
                    break
                }
                rest = add(.identifier, 0, tokStart, Int(ends[pos]))
                advance()
                _ = eat(.comma)
                break
            }
            let ks = tokStart
            var key: Int32
            switch kind {
            case .number, .minus: key = parseSignedNumber()
            case .string: key = parseStrings()
            case .kwNone, .kwTrue, .kwFalse: key = parseAtom()
            case .name:
                key = add(.name, 0, ks, Int(ends[pos]))
                advance()
                while kind == .dot {
                    advance()
                    guard kind == .name else {
                        syntaxError()
                        break
                    }
                    let attr = add(.identifier, 0, tokStart, Int(ends[pos]))
                    advance()
                    key = add(.attribute, 0, ks, lastEnd, key, attr)
                }
            default:
                syntaxError()
                key = invalidExpr()
            }
            if stmtFailed { break }
            if !expect(.colon) { break }
            keys.append(key)
            patterns.append(parsePattern())
            if !eat(.comma) { break }
        }
        if !stmtFailed { _ = expect(.rbrace) }
        let k = listOf(keys)
        let p = listOf(patterns)
        return add(.matchMapping, 0, s, lastEnd, k, p, rest)
    }

    mutating func parseClassPattern(cls: Int32, start s: Int) -> Int32 {
        advance()  // (
        bracketDepth += 1
        defer { bracketDepth -= 1 }
        var patterns: [Int32] = []
        var names: [Int32] = []
        var kwPatterns: [Int32] = []
        while kind != .rpar && !stmtFailed {
            if kind == .name && peek() == .equal {
                names.append(add(.identifier, 0, tokStart, Int(ends[pos])))
                advance()
                advance()
                kwPatterns.append(parsePattern())
            } else {
                let ps = tokStart
                let p = parsePattern()
                if !names.isEmpty && !stmtFailed {
                    error("positional patterns follow keyword patterns", start: ps, end: lastEnd)
                }
                patterns.append(p)
            }
            if !eat(.comma) { break }
        }
        if !stmtFailed { _ = expect(.rpar) }
        let p = listOf(patterns)
        let n = listOf(names)
        let k = listOf(kwPatterns)
        return add(.matchClass, 0, s, lastEnd, cls, p, n, k)
    }
}
