/// Expressions, from `star_expressions` down to atoms, following CPython's precedence.
extension Parser {
    /// What kind of target a check is for (CPython words its messages per context).
    enum TargetContext { case assign, forTarget, del }

    static func canStart(_ k: TokenKind) -> Bool {
        switch k {
        case .name, .number, .string, .fstringStart, .lpar, .lsqb, .lbrace, .minus, .plus, .tilde,
            .kwNot, .kwLambda, .kwAwait, .kwNone, .kwTrue, .kwFalse, .ellipsis, .star:
            return true
        default:
            return false
        }
    }

    @inline(__always) func canStartExpression(_ k: TokenKind) -> Bool { Parser.canStart(k) }

    // MARK: Entry points

    /// `star_expressions`: a tuple when there is a comma.
    mutating func parseStarExpressions() -> Int32 {
        let s = tokStart
        let first = parseStarExpression()
        if kind != .comma { return first }
        let mark = scratch.count
        scratch.append(first)
        while eat(.comma) {
            if !canStartExpression(kind) { break }
            scratch.append(parseStarExpression())
            if stmtFailed { break }
        }
        return add(.tuple, 0, s, lastEnd, makeList(mark))
    }

    /// `'*' bitwise_or` when the current token is `*`, else nil (nothing consumed).
    mutating func parseStarredBitOr() -> Int32? {
        guard kind == .star else { return nil }
        let s = tokStart
        advance()
        let v = parseBitOr()
        return add(.starred, 0, s, lastEnd, v)
    }

    /// `'*' bitwise_or | expression`.
    mutating func parseStarExpression() -> Int32 {
        parseStarredBitOr() ?? parseExpression()
    }

    /// `'*' bitwise_or | named_expression`.
    mutating func parseStarNamedExpression() -> Int32 {
        parseStarredBitOr() ?? parseNamedExpression()
    }

    /// Targets for `del` and `for`: `'*' bitwise_or` or `bitwise_or`-level expressions.
    mutating func parseBitOrOrStar() -> Int32 {
        parseStarredBitOr() ?? parseBitOr()
    }

    /// `NAME ':=' expression | expression`.
    mutating func parseNamedExpression(inCall: Bool = false) -> Int32 {
        if kind == .name && peek() == .colonEqual {
            let s = tokStart
            let target = add(.name, 0, s, Int(ends[pos]))
            advance()
            advance()
            let value = parseExpression()
            return add(.namedExpr, 0, s, lastEnd, target, value)
        }
        let startTok = pos
        let e = parseExpression()
        if kind == .colonEqual && !stmtFailed {
            errorAtNode("cannot use assignment expressions with \(exprName(e))", e)
        } else if kind == .equal && !inCall {
            invalidNamedExpression(e, startTok: startTok)
        }
        return e
    }

    /// CPython's `invalid_named_expression`: `a = b` where a named expression is expected.
    mutating func invalidNamedExpression(_ e: Int32, startTok: Int) {
        guard !stmtFailed, speculating == 0 else { return }
        let saved = (pos, lastEnd, nodes.count, extra.count, scratch.count, depth, bracketDepth, scratch2.count)
        advance()
        speculating += 1
        _ = parseBitOr()
        speculating -= 1
        let next = kind
        let furthest = pos
        pos = saved.0
        lastEnd = saved.1
        nodes.truncate(saved.2)
        extra.truncate(saved.3)
        scratch.truncate(saved.4)
        depth = saved.5
        bracketDepth = saved.6
        scratch2.truncate(saved.7)
        if next == .equal || next == .colonEqual { return }
        let n = nodes[Int(e)]
        if n.tag == .name && kinds[startTok] == .name && Int(ends[startTok]) == Int(n.end) {
            error(
                "invalid syntax. Maybe you meant '==' or ':=' instead of '='?", start: Int(n.start), end: Int(n.end),
                token: furthest)
            return
        }
        switch n.tag {
        case .list, .tuple, .generatorExp, .compare, .boolOp, .lambda, .ifExp, .namedExpr, .invalidExpr: return
        case .unaryOp where n.flag == UnaryOperator.not.rawValue: return
        case .constant:
            let t = ConstantTag(rawValue: n.flag) ?? ConstantTag.int
            if t == .true || t == .false || t == ConstantTag.none { return }
        default: break
        }
        error(
            "cannot assign to \(exprName(e)) here. Maybe you meant '==' instead of '='?", start: Int(n.start),
            end: Int(n.end), token: furthest)
    }

    /// `disjunction 'if' disjunction 'else' expression | disjunction | lambdef`.
    mutating func parseExpression() -> Int32 {
        if depth >= Parser.maxDepth {
            tooDeep()
            return invalidExpr()
        }
        depth += 1
        defer { depth -= 1 }
        if kind == .kwLambda { return parseLambda() }
        let s = tokStart
        let body = parseDisjunction()
        if kind != .kwIf { return body }
        advance()
        let test = parseDisjunction()
        if kind != .kwElse {
            if !stmtFailed {
                error("expected 'else' after 'if' expression", start: s, end: lastEnd)
            }
            return add(.ifExp, 0, s, lastEnd, test, body, invalidExpr())
        }
        advance()
        let orelse = parseExpression()
        return add(.ifExp, 0, s, lastEnd, test, body, orelse)
    }

    mutating func tooDeep() {
        error("too many nested parentheses", start: tokStart, end: Int(ends[pos]))
        // Skip the rest of the logical line: the tokens inside the brackets cannot be parsed.
        while kind != .newline && kind != .endMarker && kind != .eofInBrackets { advance() }
    }

    mutating func parseYield() -> Int32 {
        let s = tokStart
        advance()
        if eat(.kwFrom) {
            let v = parseExpression()
            return add(.yieldFrom, 0, s, lastEnd, v)
        }
        let v = canStartExpression(kind) ? parseStarExpressions() : -1
        return add(.yield, 0, s, lastEnd, v)
    }

    mutating func parseLambda() -> Int32 {
        let s = tokStart
        advance()
        let params = parseParameters(closer: .colon, annotations: false)
        if !stmtFailed && kind != .colon { syntaxError() }
        _ = eat(.colon)
        let body = parseExpression()
        return add(.lambda, 0, s, lastEnd, params, body)
    }

    // MARK: Boolean and comparison

    @inline(__always)
    mutating func parseDisjunction() -> Int32 {
        let s = tokStart
        let first = parseConjunction()
        if kind != .kwOr { return first }
        let mark = scratch.count
        scratch.append(first)
        while eat(.kwOr) { scratch.append(parseConjunction()) }
        return add(.boolOp, BoolOperator.or.rawValue, s, lastEnd, makeList(mark))
    }

    @inline(__always)
    mutating func parseConjunction() -> Int32 {
        let s = tokStart
        let first = parseInversion()
        if kind != .kwAnd { return first }
        let mark = scratch.count
        scratch.append(first)
        while eat(.kwAnd) { scratch.append(parseInversion()) }
        return add(.boolOp, BoolOperator.and.rawValue, s, lastEnd, makeList(mark))
    }

    mutating func parseInversion() -> Int32 {
        if kind == .kwNot {
            if depth >= Parser.maxDepth {
                tooDeep()
                return invalidExpr()
            }
            let s = tokStart
            advance()
            depth += 1
            let operand = parseInversion()
            depth -= 1
            return add(.unaryOp, UnaryOperator.not.rawValue, s, lastEnd, operand)
        }
        return parseComparison()
    }

    @inline(__always)
    func compareOperator() -> (CompareOperator, Int)? {
        switch kind {
        case .eqEqual: return (.eq, 1)
        case .notEqual: return (.notEq, 1)
        case .less: return (.lt, 1)
        case .lessEqual: return (.ltE, 1)
        case .greater: return (.gt, 1)
        case .greaterEqual: return (.gtE, 1)
        case .kwIn: return (.in, 1)
        case .kwIs: return peek() == .kwNot ? (.isNot, 2) : (.is, 1)
        case .kwNot: return peek() == .kwIn ? (.notIn, 2) : nil
        default: return nil
        }
    }

    @inline(__always)
    mutating func parseComparison() -> Int32 {
        let s = tokStart
        let left = parseBitOr()
        guard compareOperator() != nil else {
            notWithoutIn()
            return left
        }
        let mark = scratch.count
        let opsMark = scratch2.count
        while let (op, len) = compareOperator() {
            advance()
            if len == 2 { advance() }
            scratch2.append(Int32(op.rawValue))
            scratch.append(parseBitOr())
        }
        let comparators = makeList(mark)
        let opsIndex = makeList2(opsMark)
        notWithoutIn()
        return add(.compare, 0, s, lastEnd, left, opsIndex, comparators)
    }

    /// `a not b`: CPython looks at the token after `not` for `in` and fails there (inside
    /// brackets the "forgot a comma" rule applies instead, from the caller).
    @inline(__always)
    mutating func notWithoutIn() {
        if kind == .kwNot && bracketDepth == 0 && !stmtFailed && peek() != .kwIn && peek() != .endMarker {
            let t = pos + 1
            error("invalid syntax", start: start(of: t), end: Int(ends[t]), token: t)
        }
    }

    // MARK: Binary operators

    /// Binding power of a binary operator token (higher binds tighter), or 0.
    @inline(__always)
    static func binaryPrecedence(_ k: TokenKind) -> (Int, BinaryOperator) {
        switch k {
        case .vbar: return (1, .bitOr)
        case .circumflex: return (2, .bitXor)
        case .amper: return (3, .bitAnd)
        case .leftShift: return (4, .lShift)
        case .rightShift: return (4, .rShift)
        case .plus: return (5, .add)
        case .minus: return (5, .sub)
        case .star: return (6, .mult)
        case .slash: return (6, .div)
        case .doubleSlash: return (6, .floorDiv)
        case .percent: return (6, .mod)
        case .at: return (6, .matMult)
        default: return (0, .add)
        }
    }

    mutating func parseBitOr() -> Int32 { parseBinary(1) }

    /// Precedence climbing over `|` ... `*`, left associative.
    mutating func parseBinary(_ minPrec: Int) -> Int32 {
        let s = tokStart
        var left = parseFactor()
        while true {
            let (prec, op) = Parser.binaryPrecedence(kind)
            if prec < minPrec || prec == 0 { return left }
            advance()
            let right = parseBinary(prec + 1)
            left = add(.binOp, op.rawValue, s, lastEnd, left, right)
        }
    }

    /// Unary `+`, `-`, `~`.
    mutating func parseFactor() -> Int32 {
        let op: UnaryOperator
        switch kind {
        case .plus: op = .uAdd
        case .minus: op = .uSub
        case .tilde: op = .invert
        default: return parsePower()
        }
        if depth >= Parser.maxDepth {
            tooDeep()
            return invalidExpr()
        }
        let s = tokStart
        advance()
        depth += 1
        let operand = parseFactor()
        depth -= 1
        return add(.unaryOp, op.rawValue, s, lastEnd, operand)
    }

    /// `await_primary ['**' factor]`.
    mutating func parsePower() -> Int32 {
        let s = tokStart
        var base: Int32
        if kind == .kwAwait {
            advance()
            let v = parsePrimary()
            base = add(.await, 0, s, lastEnd, v)
        } else {
            base = parsePrimary()
        }
        if kind == .doubleStar {
            advance()
            if depth >= Parser.maxDepth {
                tooDeep()
                return base
            }
            depth += 1
            let exponent = parseFactor()
            depth -= 1
            base = add(.binOp, BinaryOperator.pow.rawValue, s, lastEnd, base, exponent)
        }
        return base
    }

    // MARK: Primary

    mutating func parsePrimary() -> Int32 {
        let s = tokStart
        var e = parseAtom()
        while true {
            switch kind {
            case .dot:
                advance()
                if kind == .name {
                    let attr = add(.identifier, 0, tokStart, Int(ends[pos]))
                    advance()
                    e = add(.attribute, 0, s, lastEnd, e, attr)
                } else {
                    syntaxError()
                    return e
                }
            case .lpar:
                let (args, keywords) = parseCallArguments()
                e = add(.call, 0, s, lastEnd, e, args, keywords)
            case .lsqb:
                advance()
                bracketDepth += 1
                let slice = parseSlices()
                bracketDepth -= 1
                if !stmtFailed && kind != .rsqb { bracketCloseError(slice) }
                _ = eat(.rsqb)
                e = add(.`subscript`, 0, s, lastEnd, e, slice)
            default:
                return e
            }
            if stmtFailed { return e }
        }
    }

    /// `slices`: one slice or expression, or a tuple of them.
    mutating func parseSlices() -> Int32 {
        let s = tokStart
        let first = parseSlice()
        if kind != .comma {
            // `x[*a]` is a one-element tuple, as in CPython.
            if tag(first) == .starred { return add(.tuple, 0, s, lastEnd, listOf([first])) }
            return first
        }
        let mark = scratch.count
        scratch.append(first)
        while eat(.comma) {
            if kind == .rsqb { break }
            scratch.append(parseSlice())
            if stmtFailed { break }
        }
        return add(.tuple, 0, s, lastEnd, makeList(mark))
    }

    mutating func parseSlice() -> Int32 {
        let s = tokStart
        if kind == .star { return parseStarExpression() }
        var lower: Int32 = -1
        if kind != .colon {
            lower = parseNamedExpression()
            if kind != .colon { return lower }
        }
        advance()
        var upper: Int32 = -1
        var step: Int32 = -1
        if kind != .colon && kind != .comma && kind != .rsqb { upper = parseExpression() }
        if eat(.colon) {
            if kind != .comma && kind != .rsqb { step = parseExpression() }
        }
        return add(.slice, 0, s, lastEnd, lower, upper, step)
    }

    /// `'(' [args] ')'` of a call or class definition: positional args and keywords.
    mutating func parseCallArguments() -> (Int32, Int32) {
        let open = pos
        advance()
        bracketDepth += 1
        defer { bracketDepth -= 1 }
        let argMark = scratch.count
        let kwMark = scratch2.count
        var sawKeyword = false
        var sawDoubleStar = false
        var positionalAfter: String?
        var unpackingError: (Int, Int)?
        while kind != .rpar && !stmtFailed {
            let s = tokStart
            if kind == .star {
                let commaStart = pos > 0 && kinds[pos - 1] == .comma ? start(of: pos - 1) : s
                advance()
                let v = parseExpression()
                let starred = add(.starred, 0, s, lastEnd, v)
                if sawDoubleStar && unpackingError == nil { unpackingError = (commaStart, lastEnd) }
                scratch.append(starred)
            } else if kind == .doubleStar {
                advance()
                let v = parseExpression()
                scratch2.append(add(.keyword, 0, s, lastEnd, -1, v))
                sawDoubleStar = true
            } else if kind == .name && peek() == .equal {
                let name = add(.identifier, 0, s, Int(ends[pos]))
                advance()
                advance()
                if kind == .comma || kind == .rpar {
                    error("expected argument value expression", start: s, end: lastEnd)
                    break
                }
                let valueTok = pos
                let v = parseExpression()
                scratch2.append(add(.keyword, 0, s, lastEnd, name, v))
                sawKeyword = true
                if !stmtFailed && kind != .comma && kind != .rpar && canStartExpression(kind) {
                    forgotCommaError(v, startTok: valueTok)
                }
            } else {
                let startTok = pos
                var e = parseNamedExpression(inCall: true)
                if kind == .kwFor || (kind == .kwAsync && peek() == .kwFor) {
                    let gens = parseComprehensionClauses()
                    let onlyArgument = scratch.count == argMark && scratch2.count == kwMark && kind == .rpar
                    if onlyArgument {
                        e = add(.generatorExp, 0, start(of: open), Int(ends[pos]), e, gens)
                    } else {
                        e = add(.generatorExp, 0, start(of: startTok), lastEnd, e, gens)
                        if !stmtFailed && (kind == .comma || scratch.count > argMark || scratch2.count > kwMark) {
                            error(
                                "Generator expression must be parenthesized", start: start(of: startTok), end: lastEnd)
                        }
                    }
                } else if kind == .equal && !stmtFailed {
                    error("expression cannot contain assignment, perhaps you meant \"==\"?", start: s, end: lastEnd)
                }
                if positionalAfter == nil && (sawKeyword || sawDoubleStar) {
                    positionalAfter =
                        sawDoubleStar
                        ? "positional argument follows keyword argument unpacking"
                        : "positional argument follows keyword argument"
                }
                scratch.append(e)
                if !stmtFailed && kind != .comma && kind != .rpar && canStartExpression(kind) {
                    forgotCommaError(e, startTok: startTok)
                }
            }
            if !eat(.comma) { break }
        }
        if let (us, ue) = unpackingError, !stmtFailed, kind == .rpar {
            error("iterable argument unpacking follows keyword argument unpacking", start: us, end: ue)
        }
        if let positionalAfter, !stmtFailed {
            // CPython raises this one without a location: at the last token read.
            error(positionalAfter, start: tokStart, end: Int(ends[pos]))
        }
        if !stmtFailed && kind != .rpar { syntaxError() }
        _ = eat(.rpar)
        return (makeList(argMark), makeList2(kwMark))
    }

    // MARK: Atoms

    mutating func parseAtom() -> Int32 {
        let s = tokStart
        switch kind {
        case .name:
            advance()
            return add(.name, 0, s, lastEnd)
        case .number:
            advance()
            return add(.constant, numberTag(s, lastEnd).rawValue, s, lastEnd)
        case .kwTrue:
            advance()
            return add(.constant, ConstantTag.true.rawValue, s, lastEnd)
        case .kwFalse:
            advance()
            return add(.constant, ConstantTag.false.rawValue, s, lastEnd)
        case .kwNone:
            advance()
            return add(.constant, ConstantTag.none.rawValue, s, lastEnd)
        case .ellipsis:
            advance()
            return add(.constant, ConstantTag.ellipsis.rawValue, s, lastEnd)
        case .string, .fstringStart:
            return parseStrings()
        case .lpar, .lsqb, .lbrace:
            // CPython's tokenizer stops at 200 nested brackets; so does the parser.
            if bracketDepth >= 200 {
                tooDeep()
                return invalidExpr()
            }
            bracketDepth += 1
            defer { bracketDepth -= 1 }
            switch kind {
            case .lpar: return parseParenthesized()
            case .lsqb: return parseListDisplay()
            default: return parseBraceDisplay()
            }
        case .eofInBrackets:
            syntaxError()
            return invalidExpr()
        default:
            syntaxError()
            return invalidExpr()
        }
    }

    func numberTag(_ s: Int, _ e: Int) -> ConstantTag {
        guard e > s else { return .int }
        let last = src[e - 1] | 0x20
        if last == UInt8(ascii: "j") { return .complex }
        if e - s > 1 && src[s] == UInt8(ascii: "0") {
            let second = src[s + 1] | 0x20
            if second == UInt8(ascii: "x") || second == UInt8(ascii: "o") || second == UInt8(ascii: "b") { return .int }
        }
        for k in s..<e {
            let c = src[k]
            if c == UInt8(ascii: ".") || c == UInt8(ascii: "e") || c == UInt8(ascii: "E") { return .float }
        }
        return .int
    }

    /// After a bracketed element, an unexpected token: "forgot a comma" or "invalid syntax".
    mutating func bracketCloseError(_ element: Int32) {
        if canStartExpression(kind) {
            forgotCommaError(element, startTok: -1)
        } else {
            syntaxError()
        }
    }

    /// `( ... )`: a group, tuple, generator expression or parenthesised yield.
    mutating func parseParenthesized() -> Int32 {
        let s = tokStart
        advance()
        if kind == .rpar {
            advance()
            return add(.tuple, 0, s, lastEnd, 0)
        }
        if kind == .kwYield {
            let y = parseYield()
            if !stmtFailed && kind != .rpar { syntaxError() }
            _ = eat(.rpar)
            return y
        }
        let firstTok = pos
        let first = parseStarNamedExpression()
        if kind == .kwFor || (kind == .kwAsync && peek() == .kwFor) {
            let gens = parseComprehensionClauses()
            if !stmtFailed && kind != .rpar { syntaxError() }
            _ = eat(.rpar)
            return add(.generatorExp, 0, s, lastEnd, first, gens)
        }
        if kind == .comma {
            let mark = scratch.count
            scratch.append(first)
            while eat(.comma) {
                if kind == .rpar { break }
                let et = pos
                let e = parseStarNamedExpression()
                scratch.append(e)
                if stmtFailed { break }
                if kind != .comma && kind != .rpar {
                    elementError(e, startTok: et)
                    break
                }
            }
            if !stmtFailed && kind != .rpar { syntaxError() }
            _ = eat(.rpar)
            return add(.tuple, 0, s, lastEnd, makeList(mark))
        }
        if !stmtFailed && kind != .rpar { elementError(first, startTok: firstTok) }
        _ = eat(.rpar)
        return first
    }

    /// An element of a display followed by an unexpected token.
    mutating func elementError(_ e: Int32, startTok: Int) {
        if canStartExpression(kind) { forgotCommaError(e, startTok: startTok) } else { syntaxError() }
    }

    /// `[ ... ]`: a list or list comprehension.
    mutating func parseListDisplay() -> Int32 {
        let s = tokStart
        advance()
        if kind == .rsqb {
            advance()
            return add(.list, 0, s, lastEnd, 0)
        }
        let firstTok = pos
        let first = parseStarNamedExpression()
        if kind == .kwFor || (kind == .kwAsync && peek() == .kwFor) {
            let gens = parseComprehensionClauses()
            if !stmtFailed && kind != .rsqb { syntaxError() }
            _ = eat(.rsqb)
            return add(.listComp, 0, s, lastEnd, first, gens)
        }
        let mark = scratch.count
        scratch.append(first)
        if !stmtFailed && kind != .comma && kind != .rsqb { elementError(first, startTok: firstTok) }
        while !stmtFailed && eat(.comma) {
            if kind == .rsqb { break }
            let et = pos
            let e = parseStarNamedExpression()
            scratch.append(e)
            if !stmtFailed && kind != .comma && kind != .rsqb { elementError(e, startTok: et) }
        }
        if !stmtFailed && kind != .rsqb { syntaxError() }
        _ = eat(.rsqb)
        return add(.list, 0, s, lastEnd, makeList(mark))
    }

    /// `{ ... }`: dict, set, or their comprehensions.
    mutating func parseBraceDisplay() -> Int32 {
        let s = tokStart
        advance()
        if kind == .rbrace {
            advance()
            return add(.dict, 0, s, lastEnd, 0, 0)
        }
        var firstKey: Int32 = -1
        var firstValue: Int32
        let firstTok = pos
        if kind == .doubleStar {
            advance()
            firstValue = parseBitOr()
        } else {
            let e = parseStarNamedExpression()
            if kind == .colon && tag(e) != .starred {
                let colonTok = pos
                advance()
                firstKey = e
                if kind == .rbrace || kind == .comma {
                    error(
                        "expression expected after dictionary key and ':'", start: start(of: colonTok),
                        end: Int(ends[colonTok]))
                }
                firstValue = parseExpression()
                if kind == .kwFor || (kind == .kwAsync && peek() == .kwFor) {
                    let gens = parseComprehensionClauses()
                    if !stmtFailed && kind != .rbrace { syntaxError() }
                    _ = eat(.rbrace)
                    return add(.dictComp, 0, s, lastEnd, e, firstValue, gens)
                }
            } else {
                // A set.
                if kind == .kwFor || (kind == .kwAsync && peek() == .kwFor) {
                    let gens = parseComprehensionClauses()
                    if !stmtFailed && kind != .rbrace { syntaxError() }
                    _ = eat(.rbrace)
                    return add(.setComp, 0, s, lastEnd, e, gens)
                }
                let mark = scratch.count
                scratch.append(e)
                if !stmtFailed && kind != .comma && kind != .rbrace { elementError(e, startTok: firstTok) }
                while !stmtFailed && eat(.comma) {
                    if kind == .rbrace { break }
                    let et = pos
                    let x = parseStarNamedExpression()
                    scratch.append(x)
                    if !stmtFailed && kind != .comma && kind != .rbrace { elementError(x, startTok: et) }
                }
                if !stmtFailed && kind != .rbrace { syntaxError() }
                _ = eat(.rbrace)
                return add(.set, 0, s, lastEnd, makeList(mark))
            }
        }
        // A dict.
        let keyMark = scratch2.count
        scratch2.append(firstKey)
        let valueMark = scratch.count
        scratch.append(firstValue)
        if !stmtFailed && kind != .comma && kind != .rbrace { elementError(firstValue, startTok: firstTok) }
        while !stmtFailed && eat(.comma) {
            if kind == .rbrace { break }
            let et = pos
            if eat(.doubleStar) {
                scratch2.append(-1)
                let v = parseBitOr()
                scratch.append(v)
                if !stmtFailed && kind != .comma && kind != .rbrace { elementError(v, startTok: et) }
                continue
            }
            let k = parseExpression()
            if stmtFailed { break }
            let colonTok = pos
            if !eat(.colon) {
                // CPython points at the key's last character.
                error("':' expected after dictionary key", start: max(lastEnd - 1, 0), end: lastEnd)
                break
            }
            if kind == .rbrace || kind == .comma {
                error(
                    "expression expected after dictionary key and ':'", start: start(of: colonTok),
                    end: Int(ends[colonTok]))
            }
            let v = parseExpression()
            scratch2.append(k)
            scratch.append(v)
            if !stmtFailed && kind != .comma && kind != .rbrace { elementError(v, startTok: et) }
        }
        if !stmtFailed && kind != .rbrace { syntaxError() }
        _ = eat(.rbrace)
        let values = makeList(valueMark)
        let keyList = makeList2(keyMark)
        return add(.dict, 0, s, lastEnd, keyList, values)
    }

    /// `('async'? 'for' targets 'in' disjunction ('if' disjunction)*)+`.
    mutating func parseComprehensionClauses() -> Int32 {
        let mark = scratch.count
        while kind == .kwFor || (kind == .kwAsync && peek() == .kwFor) {
            let s = tokStart
            let isAsync: UInt8 = eat(.kwAsync) ? 1 : 0
            advance()
            let target = parseStarTargets()
            if !stmtFailed && kind != .kwIn { syntaxError() }
            _ = eat(.kwIn)
            let iter = parseDisjunction()
            let ifMark = scratch.count
            while eat(.kwIf) { scratch.append(parseDisjunction()) }
            let ifs = makeList(ifMark)
            scratch.append(add(.comprehension, isAsync, s, lastEnd, target, iter, ifs))
            if stmtFailed { break }
        }
        return makeList(mark)
    }

    // MARK: Error rules

    /// CPython's `invalid_expression`: an expression directly followed by another one.
    /// Inside brackets: "Perhaps you forgot a comma?" at the first; if parsing the second one
    /// runs into the end of the file, CPython reports the unclosed bracket instead (done by the
    /// caller of the parser from the error's token).
    mutating func forgotCommaError(_ a: Int32, startTok: Int) {
        if stmtFailed { return }
        let errorTok = pos
        // CPython skips the rule when `a` starts with NAME STRING or a soft keyword.
        let st = startTok >= 0 ? startTok : -1
        if st >= 0 && kinds[st] == .name {
            let next = st + 1 < kinds.count ? kinds[st + 1] : .endMarker
            if next == .string || next == .fstringStart || isSoftKeywordToken(st) {
                syntaxError()
                return
            }
        }
        // Parse the following expression speculatively to see whether it reaches the end.
        let (reachesEnd, furthest) = speculativeExpressionReachesEnd()
        if reachesEnd {
            error("unexpected EOF in brackets", start: start(of: errorTok), end: start(of: errorTok), token: furthest)
            return
        }
        if bracketDepth > 0 {
            let n = nodes[Int(a)]
            error("invalid syntax. Perhaps you forgot a comma?", start: Int(n.start), end: Int(n.end), token: furthest)
        } else {
            syntaxError()
        }
    }

    func isSoftKeywordToken(_ t: Int) -> Bool {
        let s = Int(starts[t])
        let e = Int(ends[t])
        let n = e - s
        if n == 1 { return src[s] == UInt8(ascii: "_") }
        let text = UnsafeBufferPointer(rebasing: src[s..<e])
        return text.elementsEqual("match".utf8) || text.elementsEqual("case".utf8) || text.elementsEqual("type".utf8)
    }

    /// Parses an expression without keeping anything; true if it stops at the end of input
    /// inside brackets.
    mutating func speculativeExpressionReachesEnd() -> (Bool, Int) {
        let saved = (pos, lastEnd, nodes.count, extra.count, scratch.count, depth, bracketDepth, scratch2.count)
        speculating += 1
        _ = parseExpression()
        let reached = kind == .eofInBrackets
        let furthest = pos
        speculating -= 1
        pos = saved.0
        lastEnd = saved.1
        nodes.truncate(saved.2)
        extra.truncate(saved.3)
        scratch.truncate(saved.4)
        depth = saved.5
        bracketDepth = saved.6
        scratch2.truncate(saved.7)
        return (reached, furthest)
    }

    /// An expression statement followed by another expression: `print "x"` or a missing comma.
    mutating func legacyOrCommaError(_ first: Int32, startTok: Int) {
        if tag(first) == .name {
            let n = nodes[Int(first)]
            let s = Int(n.start)
            let e = Int(n.end)
            let text = UnsafeBufferPointer(rebasing: src[s..<e])
            if text.elementsEqual("print".utf8) || text.elementsEqual("exec".utf8) {
                let which = text.elementsEqual("print".utf8) ? "print" : "exec"
                let (reaches, furthest) = speculativeExpressionReachesEnd()
                if reaches {
                    error("unexpected EOF in brackets", start: tokStart, end: tokStart, token: furthest)
                } else {
                    error(
                        "Missing parentheses in call to '\(which)'. Did you mean \(which)(...)?", start: s, end: lastEnd
                    )
                }
                return
            }
        }
        forgotCommaError(first, startTok: startTok)
    }

    // MARK: Targets

    /// Checks an assignment / `for` / `del` target, reporting the first invalid part.
    mutating func checkTarget(_ t: Int32, _ context: TargetContext) {
        if stmtFailed { return }
        let n = nodes[Int(t)]
        switch n.tag {
        case .name, .attribute, .`subscript`, .invalidExpr:
            return
        case .tuple, .list:
            let base = Int(n.a)
            if base > 0 {
                let count = Int(extra[base])
                for k in 0..<count {
                    checkTarget(extra[base + 1 + k], context)
                    if stmtFailed { return }
                }
            }
        case .starred:
            if context == .del {
                errorAtNode("cannot delete starred", t)
                return
            }
            checkTarget(n.a, context)
        default:
            let what = exprName(t)
            switch context {
            case .del: errorAtNode("cannot delete \(what)", t)
            case .assign: errorAtNode("cannot assign to \(what) here. Maybe you meant '==' instead of '='?", t)
            case .forTarget: errorAtNode("cannot assign to \(what)", t)
            }
        }
    }

    /// CPython's `_PyPegen_get_expr_name`.
    func exprName(_ t: Int32) -> String {
        let n = nodes[Int(t)]
        switch n.tag {
        case .attribute: return "attribute"
        case .`subscript`: return "subscript"
        case .starred: return "starred"
        case .name: return "name"
        case .list: return "list"
        case .tuple: return "tuple"
        case .lambda: return "lambda"
        case .call: return "function call"
        case .boolOp, .binOp, .unaryOp: return "expression"
        case .generatorExp: return "generator expression"
        case .yield, .yieldFrom: return "yield expression"
        case .await: return "await expression"
        case .listComp: return "list comprehension"
        case .setComp: return "set comprehension"
        case .dictComp: return "dict comprehension"
        case .dict: return "dict literal"
        case .set: return "set display"
        case .joinedStr, .formattedValue: return "f-string expression"
        case .constant:
            switch ConstantTag(rawValue: n.flag) ?? ConstantTag.none {
            case .none: return "None"
            case .true: return "True"
            case .false: return "False"
            case .ellipsis: return "ellipsis"
            default: return "literal"
            }
        case .compare: return "comparison"
        case .ifExp: return "conditional expression"
        case .namedExpr: return "named expression"
        default: return "expression"
        }
    }
}
