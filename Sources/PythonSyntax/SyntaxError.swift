import TextCore

/// A syntax error found while lexing or parsing: a message and the byte range it points at.
///
/// The first error of a ``ParsedModule`` starts exactly where CPython's `ast.parse` reports its
/// `SyntaxError` (same line, same column). Errors CPython reports without a location (null
/// bytes, unknown or conflicting encoding declarations) are placed at the start of the text
/// (offset 0, or 3 after a UTF-8 byte order mark).
public struct SyntaxError: Hashable, Sendable, CustomStringConvertible {
    public var message: String
    public var range: ByteRange

    public init(message: String, range: ByteRange) {
        self.message = message
        self.range = range
    }

    public var description: String { "\(range): \(message)" }
}
