import TextCore

/// A file's bytes as the analyzer read them, with its line index (for output positions).
public struct SourceFile: Sendable {
    public var path: String
    public var bytes: [UInt8]
    public var lineIndex: LineIndex

    public init(path: String, bytes: [UInt8]) {
        self.path = path
        self.bytes = bytes
        self.lineIndex = LineIndex(bytes)
    }
}
