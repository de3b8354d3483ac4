/// Tokens of one file as parallel arrays (struct of arrays): no allocation per token.
struct TokenBuffer {
    var kinds: RawStorage<TokenKind>
    var starts: RawStorage<Int32>
    var ends: RawStorage<Int32>

    init(capacity: Int) {
        kinds = RawStorage(capacity: capacity)
        starts = RawStorage(capacity: capacity)
        ends = RawStorage(capacity: capacity)
    }

    var count: Int { kinds.count }

    @inline(__always)
    mutating func append(_ kind: TokenKind, _ start: Int, _ end: Int) {
        kinds.append(kind)
        starts.append(Int32(truncatingIfNeeded: start))
        ends.append(Int32(truncatingIfNeeded: end))
    }

    func free() {
        kinds.free()
        starts.free()
        ends.free()
    }
}

/// An error found by the lexer. `tokenIndex` is the number of tokens emitted before it, so the
/// parser knows how far CPython's lazy tokenizer would have got before raising it.
struct LexError {
    var message: String
    var start: Int
    var end: Int
    var tokenIndex: Int
    /// CPython sets only the tokenizer state for these (indentation, line continuation):
    /// they surface only if the parser reads that far, never from the check of the rest of
    /// the file after a parser error.
    var isStateError = false
}
