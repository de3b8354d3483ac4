import TextCore

/// Line-level facts about source bytes that edits preserving a file's layout need: where a
/// line starts and ends, its indentation, and the line break the file uses (`\n`, `\r\n`
/// or a lone `\r`, as Python's tokenizer accepts).
struct SourceLines {
    let bytes: [UInt8]

    private static let newline = UInt8(ascii: "\n")
    private static let carriageReturn = UInt8(ascii: "\r")

    /// The line break of the line holding `offset`, else the file's first one, else `\n`.
    func lineBreak(near offset: Int) -> String {
        let end = lineEnd(offset)
        if let found = breakAt(end) { return found }
        var i = 0
        while i < bytes.count {
            if let found = breakAt(i) { return found }
            i += 1
        }
        return "\n"
    }

    private func breakAt(_ i: Int) -> String? {
        guard i < bytes.count else { return nil }
        if bytes[i] == Self.carriageReturn { return i + 1 < bytes.count && bytes[i + 1] == Self.newline ? "\r\n" : "\r" }
        return bytes[i] == Self.newline ? "\n" : nil
    }

    /// The start of the line holding `offset`.
    func lineStart(_ offset: Int) -> Int {
        var i = min(max(offset, 0), bytes.count)
        while i > 0, bytes[i - 1] != Self.newline, bytes[i - 1] != Self.carriageReturn { i -= 1 }
        return i
    }

    /// The end of the line holding `offset`, line break excluded.
    func lineEnd(_ offset: Int) -> Int {
        var i = min(max(offset, 0), bytes.count)
        while i < bytes.count, bytes[i] != Self.newline, bytes[i] != Self.carriageReturn { i += 1 }
        return i
    }

    /// The start of the line after the one holding `offset`; nil on the last line.
    func nextLineStart(_ offset: Int) -> Int? {
        let end = lineEnd(offset)
        guard let lineBreak = breakAt(end) else { return nil }
        return end + lineBreak.utf8.count
    }

    /// The starts of the lines from the one holding `start` to the one holding `end`.
    func lineStarts(from start: Int, through end: Int) -> [Int] {
        var out = [lineStart(start)]
        var i = out[0]
        while i < min(end, bytes.count) {
            if bytes[i] == Self.newline || bytes[i] == Self.carriageReturn && (i + 1 >= bytes.count || bytes[i + 1] != Self.newline) {
                if i + 1 <= end { out.append(i + 1) }
            }
            i += 1
        }
        return out
    }

    /// The spaces and tabs starting at `offset`.
    func indentation(at offset: Int) -> String {
        var i = offset
        while i < bytes.count, bytes[i] == UInt8(ascii: " ") || bytes[i] == UInt8(ascii: "\t") { i += 1 }
        return String(decoding: bytes[offset ..< i], as: UTF8.self)
    }

    /// True when `range` holds only spaces, tabs and form feeds.
    func isBlank(_ range: Range<Int>) -> Bool {
        guard range.lowerBound >= 0, range.upperBound <= bytes.count else { return false }
        return bytes[range].allSatisfy { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") || $0 == 0x0C }
    }

    /// True when `range` holds only blanks, optionally followed by a comment.
    func isBlankOrComment(_ range: Range<Int>) -> Bool {
        guard range.lowerBound >= 0, range.upperBound <= bytes.count else { return false }
        var i = range.lowerBound
        while i < range.upperBound, bytes[i] == UInt8(ascii: " ") || bytes[i] == UInt8(ascii: "\t") || bytes[i] == 0x0C { i += 1 }
        return i == range.upperBound || bytes[i] == UInt8(ascii: "#")
    }

    /// The text of `range`.
    func text(_ range: ByteRange) -> String {
        let start = min(max(range.start, 0), bytes.count)
        let end = min(max(range.end, start), bytes.count)
        return String(decoding: bytes[start ..< end], as: UTF8.self)
    }
}
