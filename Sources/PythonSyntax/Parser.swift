import TextCore

/// Recursive-descent parser over the token buffer, building the ``SyntaxTree`` arena.
///
/// It never fails: on an unexpected token it records an error (only the first one of each
/// statement, to avoid cascades), returns what it has, and the statement loop resynchronises
/// at the next NEWLINE. Every loop consumes a token or stops; nesting is capped at
/// ``Parser/maxDepth`` levels.
struct Parser {
    let kinds: UnsafeBufferPointer<TokenKind>
    let starts: UnsafeBufferPointer<Int32>
    let ends: UnsafeBufferPointer<Int32>
    let src: UnsafeBufferPointer<UInt8>
    let stringIssues: [Int32: String]

    var pos = 0
    var lastEnd = 0
    var nodes: RawStorage<RawNode>
    var extra: RawStorage<Int32>
    var scratch: RawStorage<Int32>
    /// A second list stack, for lists built alongside `scratch` (call keywords, dict keys).
    var scratch2: RawStorage<Int32>
    var errors: [ParseError] = []
    /// An error was already recorded for the current statement.
    var stmtFailed = false
    var depth = 0
    /// Bracket nesting of the parse position (for CPython's "forgot a comma" rule).
    var bracketDepth = 0
    /// While > 0, errors are not recorded (speculative parsing).
    var speculating = 0
    var lines = LineCounter()

    static let maxDepth = 500
    static let maxErrors = 1000

    /// An error with the furthest token the parser had examined when finding it.
    struct ParseError {
        var message: String
        var start: Int
        var end: Int
        var token: Int
        /// CPython reports "unexpected indent/unindent" without tokenizing further, so a
        /// later tokenizer error does not replace it.
        var isIndentation = false
    }

    /// Releases the list stacks (the arena itself passes to the ``SyntaxTree``).
    func freeScratch() {
        scratch.free()
        scratch2.free()
    }

    init(
        kinds: UnsafeBufferPointer<TokenKind>, starts: UnsafeBufferPointer<Int32>, ends: UnsafeBufferPointer<Int32>,
        src: UnsafeBufferPointer<UInt8>, stringIssues: [Int32: String]
    ) {
        self.kinds = kinds
        self.starts = starts
        self.ends = ends
        self.src = src
        self.stringIssues = stringIssues
        nodes = RawStorage(capacity: kinds.count)
        extra = RawStorage(capacity: kinds.count / 2 + 16)
        extra.append(0)
        scratch = RawStorage(capacity: 256)
        scratch2 = RawStorage(capacity: 64)
    }

    // MARK: Tokens

    @inline(__always) var kind: TokenKind { kinds[pos] }

    @inline(__always) func peek(_ k: Int = 1) -> TokenKind {
        let j = pos + k
        return j < kinds.count ? kinds[j] : .endMarker
    }

    @inline(__always) var tokStart: Int { Int(starts[pos]) }

    @inline(__always) mutating func advance() {
        let k = kinds[pos]
        if k == .endMarker || k == .eofInBrackets { return }
        if k != .newline && k != .indent && k != .dedent { lastEnd = Int(ends[pos]) }
        pos += 1
    }

    @inline(__always) mutating func eat(_ k: TokenKind) -> Bool {
        if kinds[pos] == k {
            advance()
            return true
        }
        return false
    }

    /// True if the current token is the soft keyword `word`.
    func isSoftKeyword(_ word: StaticString, at k: Int = 0) -> Bool {
        let j = pos + k
        guard j < kinds.count, kinds[j] == .name else { return false }
        let s = Int(starts[j])
        let e = Int(ends[j])
        if e - s != word.utf8CodeUnitCount { return false }
        let w = word.utf8Start
        for x in 0..<(e - s) where src[s + x] != w[x] { return false }
        return true
    }

    func tokenText(_ j: Int) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: src[Int(starts[j])..<Int(ends[j])]), as: UTF8.self)
    }

    // MARK: Errors

    mutating func error(_ message: String, start: Int, end: Int, token: Int? = nil, isIndentation: Bool = false) {
        if speculating > 0 { return }
        if stmtFailed { return }
        stmtFailed = true
        if errors.count < Parser.maxErrors {
            errors.append(
                ParseError(message: message, start: start, end: end, token: token ?? pos, isIndentation: isIndentation))
        }
    }

    /// An error CPython raises without a location: it points at the last token read, and at
    /// the end of the last line when that token is the end of the file.
    mutating func unlocatedError(_ message: String) {
        if kind == .endMarker || (kind == .dedent && pos + 1 < kinds.count && starts[pos] == starts[kinds.count - 1]) {
            error(message, start: Int(ends[pos]), end: Int(ends[pos]))
        } else {
            error(message, start: tokStart, end: Int(ends[pos]))
        }
    }

    /// The generic error at the current token (CPython's "invalid syntax" at the last token).
    mutating func syntaxError(_ message: String = "invalid syntax") {
        switch kind {
        case .indent: error("unexpected indent", start: tokStart, end: Int(ends[pos]), isIndentation: true)
        case .dedent: error("unexpected unindent", start: tokStart, end: tokStart, isIndentation: true)
        default: error(message, start: tokStart, end: Int(ends[pos]))
        }
    }

    mutating func errorAtNode(_ message: String, _ node: Int32) {
        let n = nodes[Int(node)]
        error(message, start: Int(n.start), end: Int(n.end))
    }

    mutating func expect(_ k: TokenKind, _ message: String = "invalid syntax") -> Bool {
        if eat(k) { return true }
        syntaxError(message)
        return false
    }

    // MARK: Arena

    @inline(__always)
    mutating func add(
        _ tag: NodeTag, _ flag: UInt8 = 0, _ start: Int, _ end: Int,
        _ a: Int32 = -1, _ b: Int32 = -1, _ c: Int32 = -1, _ d: Int32 = -1,
        _ e: Int32 = -1, _ f: Int32 = -1
    ) -> Int32 {
        let index = Int32(truncatingIfNeeded: nodes.count)
        nodes.append(
            RawNode(
                tag: tag, flag: flag, start: Int32(truncatingIfNeeded: start),
                end: Int32(truncatingIfNeeded: max(start, end)), a: a, b: b, c: c, d: d, e: e, f: f))
        return index
    }

    /// Turns `scratch[mark...]` into a list in `extra` (0 when empty) and pops it.
    @inline(__always)
    mutating func makeList(_ mark: Int) -> Int32 {
        let count = scratch.count - mark
        if count <= 0 { return 0 }
        let index = Int32(truncatingIfNeeded: extra.count)
        extra.append(Int32(truncatingIfNeeded: count))
        extra.append(from: UnsafeBufferPointer(start: scratch.base + mark, count: count))
        scratch.truncate(mark)
        return index
    }

    /// `makeList` for `scratch2`.
    @inline(__always)
    mutating func makeList2(_ mark: Int) -> Int32 {
        let count = scratch2.count - mark
        if count <= 0 { return 0 }
        let index = Int32(truncatingIfNeeded: extra.count)
        extra.append(Int32(truncatingIfNeeded: count))
        extra.append(from: UnsafeBufferPointer(start: scratch2.base + mark, count: count))
        scratch2.truncate(mark)
        return index
    }

    @inline(__always) func tag(_ node: Int32) -> NodeTag { nodes[Int(node)].tag }
    @inline(__always) func nodeStart(_ node: Int32) -> Int { Int(nodes[Int(node)].start) }

    /// Start offset of the token `t`.
    @inline(__always) func start(of t: Int) -> Int { Int(starts[t]) }

    mutating func invalidExpr() -> Int32 { add(.invalidExpr, 0, tokStart, tokStart) }

    // MARK: Module

    mutating func parseModule() -> Int32 {
        let mark = scratch.count
        while kind != .endMarker {
            let before = pos
            parseStatement()
            if pos == before { recoverSkip() }
        }
        return makeList(mark)
    }

    /// Skips an unparsable token (error already recorded or recorded here).
    mutating func recoverSkip() {
        stmtFailed = false
        switch kind {
        case .endMarker: return
        case .eofInBrackets:
            syntaxError()
            pos += 1
        case .indent:
            syntaxError()
            // Parse the unexpected block as if it belonged to the enclosing one.
            pos += 1
        case .dedent, .newline:
            syntaxError()
            pos += 1
        default:
            syntaxError()
            let s = tokStart
            skipToLineEnd()
            scratch.append(add(.invalidStmt, 0, s, max(s, lastEnd)))
        }
    }

    /// Skips to just after the next NEWLINE (statement boundary).
    mutating func skipToLineEnd() {
        while true {
            switch kind {
            case .endMarker: return
            case .eofInBrackets:
                pos += 1
                return
            case .newline:
                pos += 1
                return
            default:
                advance()
            }
        }
    }
}
