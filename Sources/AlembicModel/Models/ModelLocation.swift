import TextCore

/// Where something of the models is declared: a file and a byte range in it.
public struct ModelLocation: Hashable, Sendable {
    public var path: String
    public var range: ByteRange

    public init(path: String, range: ByteRange) {
        self.path = path
        self.range = range
    }
}
