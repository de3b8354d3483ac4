/// Replace the bytes of `range` with `newText`.
public struct TextEdit: Hashable, Sendable {
    public var range: ByteRange
    public var newText: String

    public init(range: ByteRange, newText: String) {
        self.range = range
        self.newText = newText
    }

    public static func insert(_ text: String, at offset: Int) -> TextEdit {
        TextEdit(range: .empty(at: offset), newText: text)
    }

    /// Applies edits (sorted by start, non-overlapping) to `bytes`. Returns nil when the edits
    /// overlap or fall outside the text.
    public static func apply(_ edits: [TextEdit], to bytes: [UInt8]) -> [UInt8]? {
        let sorted = edits.sorted { $0.range < $1.range }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var cursor = 0
        for edit in sorted {
            guard edit.range.start >= cursor, edit.range.end <= bytes.count else { return nil }
            out.append(contentsOf: bytes[cursor ..< edit.range.start])
            out.append(contentsOf: Array(edit.newText.utf8))
            cursor = edit.range.end
        }
        out.append(contentsOf: bytes[cursor...])
        return out
    }
}
