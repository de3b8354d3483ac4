import TextCore

/// An editor buffer: its URI as the client spelled it, version and bytes.
public struct OpenDocument: Sendable {
    public var uri: String
    public var version: Int
    public var bytes: [UInt8]

    /// Applies one `didChange` content change; a range is converted with `encoding` and
    /// clamped to the text. Returns false when the change could not be applied.
    public mutating func apply(_ change: LSP.TextDocumentContentChangeEvent, encoding: PositionEncoding) -> Bool {
        guard let range = change.range else {
            bytes = Array(change.text.utf8)
            return true
        }
        let index = LineIndex(bytes)
        let start = index.offset(of: LineColumn(line: range.start.line, column: range.start.character), encoding: encoding)
        let end = index.offset(of: LineColumn(line: range.end.line, column: range.end.character), encoding: encoding)
        guard let applied = TextEdit.apply([TextEdit(range: ByteRange(start: min(start, end), end: max(start, end)), newText: change.text)], to: bytes)
        else { return false }
        bytes = applied
        return true
    }
}
