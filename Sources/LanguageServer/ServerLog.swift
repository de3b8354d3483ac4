import Foundation

/// Thread-safe log lines to stderr or a file; never to stdout, which carries the protocol.
public final class ServerLog: @unchecked Sendable {
    private let lock = NSLock()
    private let handle: FileHandle

    /// Logs to `path` (appending), or to stderr when nil or unopenable.
    public init(path: String?) {
        if let path, FileManager.default.fileExists(atPath: path) || FileManager.default.createFile(atPath: path, contents: nil),
           let handle = FileHandle(forWritingAtPath: path) {
            handle.seekToEndOfFile()
            self.handle = handle
        } else {
            self.handle = FileHandle.standardError
        }
    }

    public func log(_ message: String) {
        lock.lock()
        defer { lock.unlock() }
        handle.write(Data("[alembic-ls] \(message)\n".utf8))
    }
}
