/// Tokens of one file as parallel arrays (struct of arrays): no allocation per token.
struct TokenBuffer {
    var kinds: [TokenKind] = []
    var starts: [Int32] = []
    var ends: [Int32] = []

    init(capacity: Int) {
        kinds.reserveCapacity(capacity)
        starts.reserveCapacity(capacity)
        ends.reserveCapacity(capacity)
    }

    var count: Int { kinds.count }

    @inline(__always)
    mutating func append(_ kind: TokenKind, _ start: Int, _ end: Int) {
        kinds.append(kind)
        starts.append(Int32(truncatingIfNeeded: start))
        ends.append(Int32(truncatingIfNeeded: end))
    }
}

/// An error found by the lexer. `tokenIndex` is the number of tokens emitted before it, so the
/// parser knows how far CPython's lazy tokenizer would have got before raising it.
struct LexError {
    var message: String
    var start: Int
    var end: Int
    var tokenIndex: Int
}
