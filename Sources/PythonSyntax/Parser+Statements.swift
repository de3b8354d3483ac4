/// Statements: simple statements, compound statements and blocks.
extension Parser {
    /// Parses one statement line (or compound statement), appending its nodes to `scratch`.
    mutating func parseStatement() {
        stmtFailed = false
        let first = pos
        switch kind {
        case .kwDef, .kwIf, .kwClass, .kwWith, .kwFor, .kwTry, .kwWhile, .at:
            scratch.append(parseCompound())
        case .kwAsync where peek() == .kwDef || peek() == .kwWith || peek() == .kwFor:
            scratch.append(parseCompound())
        case .name where isSoftKeyword("match") && looksLikeMatch():
            scratch.append(parseMatch())
        case .indent:
            syntaxError()
            advance()
            // Recover: parse the unexpected block into the enclosing one.
            while kind != .dedent && kind != .endMarker {
                let before = pos
                parseStatement()
                if pos == before { recoverSkip() }
            }
            _ = eat(.dedent)
        default:
            parseSimpleStatements()
        }
        if stmtFailed && pos == first && kind != .endMarker { recoverSkip() }
    }

    /// `simple_stmt (';' simple_stmt)* [';'] NEWLINE`.
    mutating func parseSimpleStatements() {
        while true {
            let before = pos
            scratch.append(parseSimpleStatement())
            if stmtFailed {
                if pos == before {
                    scratch.truncate(scratch.count - 1)
                    return
                }
                break
            }
            if eat(.semi) {
                if kind == .newline { break }
                continue
            }
            break
        }
        if kind == .newline {
            if !stmtFailed {
                advance()
                return
            }
        } else if !stmtFailed {
            expressionFollowsError()
        }
        skipToLineEnd()
    }

    /// The error for an unexpected token after a complete statement or expression: CPython's
    /// "forgot a comma" / "Missing parentheses" rules, else "invalid syntax".
    mutating func expressionFollowsError() {
        if canStartExpression(kind) {
            let (reaches, furthest) = speculativeExpressionReachesEnd()
            if reaches {
                error("unexpected EOF in brackets", start: tokStart, end: tokStart, token: furthest)
                return
            }
        }
        syntaxError()
    }

    mutating func parseSimpleStatement() -> Int32 {
        let s = tokStart
        switch kind {
        case .kwPass:
            advance()
            return add(.pass, 0, s, lastEnd)
        case .kwBreak:
            advance()
            return add(.breakStmt, 0, s, lastEnd)
        case .kwContinue:
            advance()
            return add(.continueStmt, 0, s, lastEnd)
        case .kwReturn:
            advance()
            let value = canStartExpression(kind) ? parseStarExpressions() : -1
            return add(.returnStmt, 0, s, lastEnd, value)
        case .kwRaise:
            advance()
            var exc: Int32 = -1
            var cause: Int32 = -1
            if canStartExpression(kind) {
                exc = parseExpression()
                if eat(.kwFrom) { cause = parseExpression() }
            }
            return add(.raise, 0, s, lastEnd, exc, cause)
        case .kwGlobal, .kwNonlocal:
            let isGlobal = kind == .kwGlobal
            advance()
            let mark = scratch.count
            repeat {
                if kind != .name {
                    syntaxError()
                    break
                }
                scratch.append(add(.identifier, 0, tokStart, Int(ends[pos])))
                advance()
            } while eat(.comma)
            return add(isGlobal ? .global : .nonlocal, 0, s, lastEnd, makeList(mark))
        case .kwDel:
            advance()
            let mark = scratch.count
            repeat {
                if !canStartExpression(kind) { break }
                let t = parseBitOrOrStar()
                checkTarget(t, .del)
                scratch.append(t)
            } while eat(.comma)
            if scratch.count == mark { syntaxError() }
            return add(.delete, 0, s, lastEnd, makeList(mark))
        case .kwAssert:
            advance()
            let test = parseExpression()
            let msg = eat(.comma) ? parseExpression() : -1
            return add(.assert, 0, s, lastEnd, test, msg)
        case .kwImport:
            return parseImport()
        case .kwFrom:
            return parseFromImport()
        case .name where isSoftKeyword("type") && peek() == .name && (peek(2) == .equal || peek(2) == .lsqb):
            return parseTypeAlias()
        default:
            return parseExpressionStatement()
        }
    }

    mutating func parseTypeAlias() -> Int32 {
        let s = tokStart
        advance()
        let name = add(.name, 0, tokStart, Int(ends[pos]))
        advance()
        let params = kind == .lsqb ? parseTypeParams() : 0
        _ = expect(.equal)
        let value = parseExpression()
        return add(.typeAlias, 0, s, lastEnd, name, params, value)
    }

    /// `import a.b as c, d`.
    mutating func parseImport() -> Int32 {
        let s = tokStart
        advance()
        let mark = scratch.count
        repeat {
            let a = parseAlias(dotted: true)
            if a < 0 { break }
            scratch.append(a)
        } while eat(.comma)
        return add(.importStmt, 0, s, lastEnd, makeList(mark))
    }

    /// A dotted name (or a name) with an optional `as name`; -1 after an error.
    mutating func parseAlias(dotted: Bool) -> Int32 {
        guard kind == .name else {
            syntaxError()
            return -1
        }
        let s = tokStart
        advance()
        if dotted {
            while kind == .dot && peek() == .name {
                advance()
                advance()
            }
            if kind == .dot {
                advance()
                syntaxError()
                return -1
            }
        }
        let name = add(.identifier, 0, s, lastEnd)
        var asname: Int32 = -1
        if eat(.kwAs) {
            guard kind == .name else {
                syntaxError()
                return -1
            }
            asname = add(.identifier, 0, tokStart, Int(ends[pos]))
            advance()
        }
        return add(.alias, 0, s, lastEnd, name, asname)
    }

    /// `from ..a.b import (x as y, z)` / `from a import *`.
    mutating func parseFromImport() -> Int32 {
        let s = tokStart
        advance()
        var level: Int32 = 0
        while kind == .dot || kind == .ellipsis {
            level += kind == .dot ? 1 : 3
            advance()
        }
        var module: Int32 = -1
        if kind == .name {
            let ms = tokStart
            advance()
            while kind == .dot && peek() == .name {
                advance()
                advance()
            }
            module = add(.identifier, 0, ms, lastEnd)
            if kind == .dot {
                advance()
                syntaxError()
            }
        } else if level == 0 {
            syntaxError()
        }
        if !expect(.kwImport) {
            return add(.importFrom, 0, s, lastEnd, module, 0, level)
        }
        let mark = scratch.count
        if kind == .star {
            let star = add(.identifier, 0, tokStart, Int(ends[pos]))
            advance()
            scratch.append(add(.alias, 0, nodeStart(star), lastEnd, star, -1))
        } else if eat(.lpar) {
            bracketDepth += 1
            repeat {
                if kind == .rpar { break }
                let a = parseAlias(dotted: false)
                if a < 0 { break }
                scratch.append(a)
            } while eat(.comma)
            bracketDepth -= 1
            if scratch.count == mark && !stmtFailed { syntaxError() }
            _ = expect(.rpar)
        } else {
            repeat {
                let a = parseAlias(dotted: false)
                if a < 0 { break }
                scratch.append(a)
                if kind == .comma && peek() == .newline {
                    advance()
                    error("trailing comma not allowed without surrounding parentheses", start: tokStart, end: tokStart)
                    break
                }
            } while eat(.comma)
        }
        return add(.importFrom, 0, s, lastEnd, module, makeList(mark), level)
    }

    /// Expression statement, assignment, annotated or augmented assignment.
    mutating func parseExpressionStatement() -> Int32 {
        let s = tokStart
        let startTok = pos
        let first = kind == .kwYield ? parseYield() : parseStarExpressions()
        if stmtFailed { return add(.exprStmt, 0, s, lastEnd, first) }
        switch kind {
        case .equal:
            let mark = scratch.count
            var value = first
            while eat(.equal) {
                if tag(value) == .yield || tag(value) == .yieldFrom {
                    errorAtNode("assignment to yield expression not possible", value)
                } else {
                    checkTarget(value, .assign)
                }
                scratch.append(value)
                value = kind == .kwYield ? parseYield() : parseStarExpressions()
            }
            return add(.assign, 0, s, lastEnd, makeList(mark), value)
        case .colon:
            let simple: UInt8 = (tag(first) == .name && kinds[startTok] == .name) ? 1 : 0
            let isTarget = tag(first) == .name || tag(first) == .attribute || tag(first) == .`subscript`
            if !canStartExpression(peek()) {
                // CPython consumes the colon only after a single target.
                if isTarget { advance() }
                syntaxError()
                return add(.exprStmt, 0, s, lastEnd, first)
            }
            advance()
            switch tag(first) {
            case .name, .attribute, .`subscript`: break
            case .tuple: errorAtNode("only single target (not tuple) can be annotated", first)
            case .list: errorAtNode("only single target (not list) can be annotated", first)
            default: errorAtNode("illegal target for annotation", first)
            }
            let annotation = parseExpression()
            var value: Int32 = -1
            if eat(.equal) { value = kind == .kwYield ? parseYield() : parseStarExpressions() }
            return add(.annAssign, simple, s, lastEnd, first, annotation, value)
        default:
            if kind.isAugAssign {
                let op = Parser.augOperator(kind)
                switch tag(first) {
                case .name, .attribute, .`subscript`: break
                default:
                    errorAtNode("'\(exprName(first))' is an illegal expression for augmented assignment", first)
                }
                advance()
                let value = kind == .kwYield ? parseYield() : parseStarExpressions()
                return add(.augAssign, op.rawValue, s, lastEnd, first, value)
            }
            if kind != .newline && kind != .semi && canStartExpression(kind) {
                legacyOrCommaError(first, startTok: startTok)
            } else if kind == .colonEqual && tag(first) != .name {
                errorAtNode("cannot use assignment expressions with \(exprName(first))", first)
            }
            return add(.exprStmt, 0, s, lastEnd, first)
        }
    }

    static func augOperator(_ k: TokenKind) -> BinaryOperator {
        switch k {
        case .plusEqual: return .add
        case .minusEqual: return .sub
        case .starEqual: return .mult
        case .atEqual: return .matMult
        case .slashEqual: return .div
        case .percentEqual: return .mod
        case .doubleStarEqual: return .pow
        case .leftShiftEqual: return .lShift
        case .rightShiftEqual: return .rShift
        case .vbarEqual: return .bitOr
        case .circumflexEqual: return .bitXor
        case .amperEqual: return .bitAnd
        default: return .floorDiv
        }
    }

    // MARK: Compound statements

    mutating func parseCompound() -> Int32 {
        switch kind {
        case .at: return parseDecorated()
        case .kwDef: return parseFunctionDef(decorators: 0, start: tokStart, isAsync: false)
        case .kwClass: return parseClassDef(decorators: 0)
        case .kwIf: return parseIf()
        case .kwWhile: return parseWhile()
        case .kwFor: return parseFor(start: tokStart, isAsync: false)
        case .kwWith: return parseWith(start: tokStart, isAsync: false)
        case .kwTry: return parseTry()
        case .kwAsync:
            let s = tokStart
            advance()
            switch kind {
            case .kwDef: return parseFunctionDef(decorators: 0, start: s, isAsync: true)
            case .kwWith: return parseWith(start: s, isAsync: true)
            default: return parseFor(start: s, isAsync: true)
            }
        default:
            syntaxError()
            return add(.invalidStmt, 0, tokStart, tokStart)
        }
    }

    mutating func parseDecorated() -> Int32 {
        let mark = scratch.count
        while kind == .at {
            advance()
            scratch.append(parseNamedExpression())
            if stmtFailed { break }
            if kind != .newline {
                syntaxError()
                break
            }
            advance()
        }
        let decorators = makeList(mark)
        if stmtFailed {
            skipToLineEnd()
            return add(.invalidStmt, 0, lastEnd, lastEnd)
        }
        switch kind {
        case .kwDef: return parseFunctionDef(decorators: decorators, start: tokStart, isAsync: false)
        case .kwClass: return parseClassDef(decorators: decorators)
        case .kwAsync where peek() == .kwDef:
            let s = tokStart
            advance()
            return parseFunctionDef(decorators: decorators, start: s, isAsync: true)
        default:
            syntaxError()
            return add(.invalidStmt, 0, tokStart, tokStart)
        }
    }

    /// `':' block`, where `keyword` and `line` name the header for CPython's message.
    /// With `forced` (CPython's `&&':'` after `def`, `try`, `else`, `finally`), a missing
    /// colon is always "expected ':'"; otherwise only before the end of the line.
    mutating func parseBlock(_ keyword: String, headerStart: Int, forced: Bool = false) -> Int32 {
        if !eat(.colon) {
            if !stmtFailed {
                if forced || kind == .newline {
                    error("expected ':'", start: tokStart, end: Int(ends[pos]))
                } else {
                    expressionFollowsError()
                }
            }
            skipToLineEnd()
            if kind == .indent { return parseIndentedBlock() }
            return 0
        }
        if kind == .newline {
            advance()
            if kind == .indent { return parseIndentedBlock() }
            if !stmtFailed {
                if speculating > 0 {
                    // Nothing is recorded while speculating.
                } else if errors.count >= Parser.maxErrors {
                    stmtFailed = true
                } else {
                    unlocatedError("expected an indented block after \(keyword) on line \(lineNumber(headerStart))")
                }
            }
            return 0
        }
        if stmtFailed {
            skipToLineEnd()
            if kind == .indent { return parseIndentedBlock() }
            return 0
        }
        // A block on the header's line: simple statements.
        let mark = scratch.count
        parseSimpleStatements()
        return makeList(mark)
    }

    mutating func parseIndentedBlock() -> Int32 {
        advance()  // INDENT
        let mark = scratch.count
        while kind != .dedent && kind != .endMarker {
            let before = pos
            parseStatement()
            if pos == before { recoverSkip() }
        }
        _ = eat(.dedent)
        stmtFailed = false
        return makeList(mark)
    }

    /// 1-based line of a byte offset (only used for messages).
    mutating func lineNumber(_ offset: Int) -> Int { lines.line(of: offset, in: src) }

    mutating func parseIf() -> Int32 {
        let s = tokStart
        advance()
        let test = parseNamedExpression()
        let body = parseBlock("'if' statement", headerStart: s)
        let orelse = parseElse(ifStart: s)
        return add(.ifStmt, 0, s, lastEnd, test, body, orelse)
    }

    /// `elif ...` (as a nested if) or `else: block`, or nothing.
    mutating func parseElse(ifStart: Int) -> Int32 {
        // An `elif` chain, parsed iteratively and nested from the last clause outwards.
        var clauses: [(start: Int, test: Int32, body: Int32)] = []
        while kind == .kwElif {
            let s = tokStart
            advance()
            let test = parseNamedExpression()
            let body = parseBlock("'elif' statement", headerStart: s)
            clauses.append((s, test, body))
        }
        var orelse: Int32 = 0
        if kind == .kwElse {
            let s = tokStart
            advance()
            orelse = parseBlock("'else' statement", headerStart: s, forced: true)
        }
        for clause in clauses.reversed() {
            let mark = scratch.count
            scratch.append(add(.ifStmt, 0, clause.start, lastEnd, clause.test, clause.body, orelse))
            orelse = makeList(mark)
        }
        return orelse
    }

    mutating func parseWhile() -> Int32 {
        let s = tokStart
        advance()
        let test = parseNamedExpression()
        let body = parseBlock("'while' statement", headerStart: s)
        var orelse: Int32 = 0
        if kind == .kwElse {
            let es = tokStart
            advance()
            orelse = parseBlock("'else' statement", headerStart: es, forced: true)
        }
        return add(.whileStmt, 0, s, lastEnd, test, body, orelse)
    }

    mutating func parseFor(start s: Int, isAsync: Bool) -> Int32 {
        _ = expect(.kwFor)
        let target = parseStarTargets()
        if !stmtFailed && kind != .kwIn { syntaxError() }
        _ = eat(.kwIn)
        let iter = parseStarExpressions()
        let body = parseBlock("'for' statement", headerStart: s)
        var orelse: Int32 = 0
        if kind == .kwElse {
            let es = tokStart
            advance()
            orelse = parseBlock("'else' statement", headerStart: es, forced: true)
        }
        return add(.forStmt, isAsync ? 1 : 0, s, lastEnd, target, iter, body, orelse)
    }

    /// Targets of `for` and comprehensions: `star_targets` (a tuple when there are commas).
    mutating func parseStarTargets() -> Int32 {
        let s = tokStart
        let first = parseBitOrOrStar()
        checkTarget(first, .forTarget)
        if kind != .comma { return first }
        let mark = scratch.count
        scratch.append(first)
        while eat(.comma) {
            if !canStartExpression(kind) { break }
            let t = parseBitOrOrStar()
            checkTarget(t, .forTarget)
            scratch.append(t)
        }
        return add(.tuple, 0, s, lastEnd, makeList(mark))
    }

    mutating func parseWith(start s: Int, isAsync: Bool) -> Int32 {
        _ = expect(.kwWith)
        let mark = scratch.count
        if kind == .lpar && parenthesizedWithItems() {
            advance()
            bracketDepth += 1
            repeat {
                if kind == .rpar { break }
                scratch.append(parseWithItem())
            } while eat(.comma) && !stmtFailed
            bracketDepth -= 1
            _ = expect(.rpar)
        } else {
            repeat {
                scratch.append(parseWithItem())
            } while !stmtFailed && eat(.comma)
        }
        let items = makeList(mark)
        let body = parseBlock("'with' statement", headerStart: s)
        return add(.with, isAsync ? 1 : 0, s, lastEnd, items, body)
    }

    /// `with (` starts parenthesised items when the matching `)` is followed by `:`.
    func parenthesizedWithItems() -> Bool {
        var level = 0
        var j = pos
        while j < kinds.count {
            switch kinds[j] {
            case .lpar, .lsqb, .lbrace: level += 1
            case .rpar, .rsqb, .rbrace:
                level -= 1
                if level == 0 { return j + 1 < kinds.count && kinds[j + 1] == .colon }
            case .newline, .endMarker, .eofInBrackets: return true
            default: break
            }
            j += 1
        }
        return false
    }

    mutating func parseWithItem() -> Int32 {
        let s = tokStart
        let e = parseExpression()
        var vars: Int32 = -1
        if eat(.kwAs) {
            vars = parseStarTargetSingle()
        }
        return add(.withItem, 0, s, lastEnd, e, vars)
    }

    /// A single `star_target` (for `with ... as` and `except ... as`).
    mutating func parseStarTargetSingle() -> Int32 {
        let t = parseBitOrOrStar()
        checkTarget(t, .forTarget)
        return t
    }

    mutating func parseTry() -> Int32 {
        let s = tokStart
        advance()
        let body = parseBlock("'try' statement", headerStart: s, forced: true)
        let mark = scratch.count
        var isStar: UInt8 = 0
        while kind == .kwExcept {
            let hs = tokStart
            advance()
            if eat(.star) { isStar = 1 }
            var type: Int32 = -1
            var name: Int32 = -1
            if kind != .colon {
                let ts = tokStart
                type = parseExpression()
                if kind == .comma {
                    let mark2 = scratch.count
                    scratch.append(type)
                    while eat(.comma) {
                        if !canStartExpression(kind) { break }
                        scratch.append(parseExpression())
                    }
                    let tuple = add(.tuple, 0, ts, lastEnd, makeList(mark2))
                    if !stmtFailed && (kind == .colon || kind == .kwAs) {
                        error("multiple exception types must be parenthesized", start: ts, end: lastEnd)
                    }
                    type = tuple
                }
                if eat(.kwAs) {
                    if kind == .name {
                        name = add(.identifier, 0, tokStart, Int(ends[pos]))
                        advance()
                    } else {
                        syntaxError()
                    }
                }
            }
            let hbody = parseBlock(isStar == 1 ? "'except*' statement" : "'except' statement", headerStart: hs)
            scratch.append(add(.exceptHandler, 0, hs, lastEnd, type, name, hbody))
        }
        let handlers = makeList(mark)
        var orelse: Int32 = 0
        var finalbody: Int32 = 0
        if kind == .kwElse && handlers != 0 {
            let es = tokStart
            advance()
            orelse = parseBlock("'else' statement", headerStart: es, forced: true)
        }
        if kind == .kwFinally {
            let fs = tokStart
            advance()
            finalbody = parseBlock("'finally' statement", headerStart: fs, forced: true)
        }
        if handlers == 0 && finalbody == 0 && !stmtFailed {
            unlocatedError("expected 'except' or 'finally' block")
        }
        return add(.tryStmt, isStar, s, lastEnd, body, handlers, orelse, finalbody)
    }

    mutating func parseFunctionDef(decorators: Int32, start s: Int, isAsync: Bool) -> Int32 {
        _ = expect(.kwDef)
        guard kind == .name else {
            syntaxError()
            skipToLineEnd()
            return add(.invalidStmt, 0, s, lastEnd)
        }
        let name = add(.identifier, 0, tokStart, Int(ends[pos]))
        advance()
        let typeParams = kind == .lsqb ? parseTypeParams() : 0
        var params: Int32 = -1
        if kind == .lpar {
            advance()
            bracketDepth += 1
            params = parseParameters(closer: .rpar, annotations: true)
            bracketDepth -= 1
            _ = expect(.rpar)
        } else {
            error("expected '('", start: tokStart, end: Int(ends[pos]))
        }
        if params < 0 { params = add(.parameters, 0, lastEnd, lastEnd, 0, 0, -1, 0, -1) }
        var returns: Int32 = -1
        if !stmtFailed && kind == .rarrow {
            if canStartExpression(peek()) {
                advance()
                returns = parseExpression()
            } else {
                // `-> :` : CPython backtracks over the arrow and expects the colon there.
                error("expected ':'", start: tokStart, end: Int(ends[pos]))
            }
        }
        let body = parseBlock("function definition", headerStart: s, forced: true)
        return add(.functionDef, isAsync ? 1 : 0, s, lastEnd, name, params, body, decorators, returns, typeParams)
    }

    mutating func parseClassDef(decorators: Int32) -> Int32 {
        let s = tokStart
        advance()
        guard kind == .name else {
            syntaxError()
            skipToLineEnd()
            return add(.invalidStmt, 0, s, lastEnd)
        }
        let name = add(.identifier, 0, tokStart, Int(ends[pos]))
        advance()
        let typeParams = kind == .lsqb ? parseTypeParams() : 0
        var bases: Int32 = 0
        var keywords: Int32 = 0
        if kind == .lpar {
            (bases, keywords) = parseCallArguments()
        }
        let body = parseBlock("class definition", headerStart: s)
        return add(.classDef, 0, s, lastEnd, name, bases, keywords, body, decorators, typeParams)
    }

    /// `[T: bound = default, *Ts, **P]`.
    mutating func parseTypeParams() -> Int32 {
        advance()
        bracketDepth += 1
        let mark = scratch.count
        repeat {
            if kind == .rsqb { break }
            let s = tokStart
            var flag: TypeParam.Kind = .typeVar
            if eat(.star) { flag = .typeVarTuple } else if eat(.doubleStar) { flag = .paramSpec }
            guard kind == .name else {
                syntaxError()
                break
            }
            let name = add(.identifier, 0, tokStart, Int(ends[pos]))
            advance()
            var bound: Int32 = -1
            if flag == .typeVar && eat(.colon) { bound = parseExpression() }
            var def: Int32 = -1
            if eat(.equal) { def = flag == .typeVarTuple && kind == .star ? parseStarExpression() : parseExpression() }
            scratch.append(add(.typeParam, flag.rawValue, s, lastEnd, name, bound, def))
        } while eat(.comma)
        bracketDepth -= 1
        if scratch.count == mark && !stmtFailed { syntaxError() }
        _ = expect(.rsqb)
        return makeList(mark)
    }

    /// Parameters of `def` (closer `)`, with annotations) or `lambda` (closer `:`).
    mutating func parseParameters(closer: TokenKind, annotations: Bool) -> Int32 {
        let s = tokStart
        let markPos = scratch.count
        var posonly: Int32 = 0
        var args: Int32 = 0
        var vararg: Int32 = -1
        var kwarg: Int32 = -1
        var sawStar = false
        var sawDefault = false
        var kwonlyMark = -1
        // Reported once the whole list parsed (CPython's second-pass rule).
        var orderError: (Int, Int)?
        while kind != closer && !stmtFailed {
            if kind == .star {
                let starTok = pos
                advance()
                if sawStar {
                    syntaxError()
                    break
                }
                sawStar = true
                if kind == .comma || kind == closer {
                    if kind == closer || (kind == .comma && peek() == closer) {
                        error("named arguments must follow bare *", start: start(of: starTok), end: Int(ends[starTok]))
                        break
                    }
                } else {
                    vararg = parseParameter(annotations: annotations, starAnnotation: true)
                    if kind == .equal {
                        error("var-positional argument cannot have default value", start: tokStart, end: Int(ends[pos]))
                        break
                    }
                }
                args = makeList(markPos)
                kwonlyMark = scratch.count
            } else if kind == .doubleStar {
                advance()
                kwarg = parseParameter(annotations: annotations, starAnnotation: false)
                if kind == .equal {
                    error("var-keyword argument cannot have default value", start: tokStart, end: Int(ends[pos]))
                    break
                }
                if kind == .comma { advance() }
                if kind != closer {
                    error("arguments cannot follow var-keyword argument", start: tokStart, end: Int(ends[pos]))
                }
                break
            } else if kind == .slash {
                if sawStar || posonly != 0 {
                    syntaxError()
                    break
                }
                if scratch.count == markPos {
                    error("at least one argument must precede /", start: tokStart, end: Int(ends[pos]))
                    break
                }
                advance()
                posonly = makeList(markPos)
            } else if kind == .name {
                let nameTok = pos
                let p = parseParameter(annotations: annotations, starAnnotation: false)
                if nodes[Int(p)].c >= 0 {
                    if !sawStar { sawDefault = true }
                } else if sawDefault && !sawStar && orderError == nil {
                    orderError = (start(of: nameTok), Int(ends[nameTok]))
                }
                scratch.append(p)
            } else {
                syntaxError()
                break
            }
            if !eat(.comma) { break }
        }
        if let (es, ee) = orderError, !stmtFailed, kind == closer {
            error("parameter without a default follows parameter with a default", start: es, end: ee)
        }
        var kwonly: Int32 = 0
        if kwonlyMark >= 0 {
            kwonly = makeList(kwonlyMark)
        } else {
            args = makeList(markPos)
        }
        scratch.truncate(markPos)
        return add(.parameters, 0, s, max(s, lastEnd), posonly, args, vararg, kwonly, kwarg)
    }

    mutating func parseParameter(annotations: Bool, starAnnotation: Bool) -> Int32 {
        let s = tokStart
        guard kind == .name else {
            syntaxError()
            return add(.parameter, 0, s, s, add(.identifier, 0, s, s))
        }
        let name = add(.identifier, 0, s, Int(ends[pos]))
        advance()
        var annotation: Int32 = -1
        if annotations && eat(.colon) {
            annotation = starAnnotation && kind == .star ? parseStarExpression() : parseExpression()
        }
        var def: Int32 = -1
        if kind == .equal {
            advance()
            def = parseExpression()
        }
        let end = annotation >= 0 ? Int(nodes[Int(annotation)].end) : Int(nodes[Int(name)].end)
        return add(.parameter, 0, s, end, name, annotation, def)
    }
}
