import Foundation
import TextCore

/// A file's bytes as the analyzer read them. Its line index is built on first use and then
/// shared by every copy: most files never need one (only files with findings or `# noqa`).
public struct SourceFile: Sendable {
    public let path: String
    public let bytes: [UInt8]
    private let cache = LineIndexCache()

    public init(path: String, bytes: [UInt8]) {
        self.path = path
        self.bytes = bytes
    }

    /// Line starts of ``bytes``, for output positions.
    public var lineIndex: LineIndex { cache.index(for: bytes) }
}

/// Holds one lazily built ``LineIndex``; safe to use from several threads.
private final class LineIndexCache: @unchecked Sendable {
    private let lock = NSLock()
    private var value: LineIndex?

    func index(for bytes: [UInt8]) -> LineIndex {
        lock.lock()
        defer { lock.unlock() }
        if let value { return value }
        let built = LineIndex(bytes)
        value = built
        return built
    }
}
