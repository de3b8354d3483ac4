/// The kind of one token produced by ``Lexer``. Mirrors CPython's token types, with each
/// operator and keyword as its own case so the parser can switch on a single byte.
enum TokenKind: UInt8, Sendable {
    case endMarker, newline, indent, dedent, name, number, string
    case fstringStart, fstringMiddle, fstringEnd
    /// A character CPython's tokenizer passes to the parser as an error token (`$`, `?`, `` ` ``).
    case errorToken
    /// End of input reached inside open brackets.
    case eofInBrackets
    // Operators.
    case lpar, rpar, lsqb, rsqb, lbrace, rbrace, colon, comma, semi, dot, ellipsis
    case plus, minus, star, slash, doubleSlash, percent, at, doubleStar
    case vbar, amper, circumflex, tilde, leftShift, rightShift
    case less, greater, equal, eqEqual, notEqual, lessEqual, greaterEqual
    case plusEqual, minusEqual, starEqual, slashEqual, doubleSlashEqual, percentEqual, atEqual
    case doubleStarEqual, vbarEqual, amperEqual, circumflexEqual, leftShiftEqual, rightShiftEqual
    case rarrow, colonEqual, exclamation
    // Keywords.
    case kwFalse, kwNone, kwTrue, kwAnd, kwAs, kwAssert, kwAsync, kwAwait, kwBreak, kwClass
    case kwContinue, kwDef, kwDel, kwElif, kwElse, kwExcept, kwFinally, kwFor, kwFrom, kwGlobal
    case kwIf, kwImport, kwIn, kwIs, kwLambda, kwNonlocal, kwNot, kwOr, kwPass, kwRaise
    case kwReturn, kwTry, kwWhile, kwWith, kwYield

    /// True for the augmented assignment operators (`+=` ...).
    var isAugAssign: Bool { rawValue >= TokenKind.plusEqual.rawValue && rawValue <= TokenKind.rightShiftEqual.rawValue }

    /// Keyword kind for an ASCII identifier, or nil.
    static func keyword(_ p: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> TokenKind? {
        let n = end - start
        if n < 2 || n > 8 { return nil }
        @inline(__always) func eq(_ s: StaticString) -> Bool {
            if s.utf8CodeUnitCount != n { return false }
            let q = s.utf8Start
            for k in 0..<n where p[start + k] != q[k] { return false }
            return true
        }
        switch p[start] {
        case UInt8(ascii: "F"): return eq("False") ? .kwFalse : nil
        case UInt8(ascii: "N"): return eq("None") ? .kwNone : nil
        case UInt8(ascii: "T"): return eq("True") ? .kwTrue : nil
        case UInt8(ascii: "a"):
            if eq("and") { return .kwAnd }
            if eq("as") { return .kwAs }
            if eq("assert") { return .kwAssert }
            if eq("async") { return .kwAsync }
            if eq("await") { return .kwAwait }
            return nil
        case UInt8(ascii: "b"): return eq("break") ? .kwBreak : nil
        case UInt8(ascii: "c"):
            if eq("class") { return .kwClass }
            if eq("continue") { return .kwContinue }
            return nil
        case UInt8(ascii: "d"):
            if eq("def") { return .kwDef }
            if eq("del") { return .kwDel }
            return nil
        case UInt8(ascii: "e"):
            if eq("elif") { return .kwElif }
            if eq("else") { return .kwElse }
            if eq("except") { return .kwExcept }
            return nil
        case UInt8(ascii: "f"):
            if eq("finally") { return .kwFinally }
            if eq("for") { return .kwFor }
            if eq("from") { return .kwFrom }
            return nil
        case UInt8(ascii: "g"): return eq("global") ? .kwGlobal : nil
        case UInt8(ascii: "i"):
            if eq("if") { return .kwIf }
            if eq("import") { return .kwImport }
            if eq("in") { return .kwIn }
            if eq("is") { return .kwIs }
            return nil
        case UInt8(ascii: "l"): return eq("lambda") ? .kwLambda : nil
        case UInt8(ascii: "n"):
            if eq("nonlocal") { return .kwNonlocal }
            if eq("not") { return .kwNot }
            return nil
        case UInt8(ascii: "o"): return eq("or") ? .kwOr : nil
        case UInt8(ascii: "p"): return eq("pass") ? .kwPass : nil
        case UInt8(ascii: "r"):
            if eq("raise") { return .kwRaise }
            if eq("return") { return .kwReturn }
            return nil
        case UInt8(ascii: "t"): return eq("try") ? .kwTry : nil
        case UInt8(ascii: "w"):
            if eq("while") { return .kwWhile }
            if eq("with") { return .kwWith }
            return nil
        case UInt8(ascii: "y"): return eq("yield") ? .kwYield : nil
        default: return nil
        }
    }
}
