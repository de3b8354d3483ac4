import AlembicModel
import Foundation
#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Writes fixed source files safely: an existing file only when it still holds the bytes that
/// were analysed (atomically, keeping its permissions); a new file only when nothing exists at
/// its path (`O_EXCL`: never overwrites, also not a file that appeared meanwhile).
public enum SourceWriter {
    /// What a write did.
    public enum Outcome: Equatable, Sendable {
        case written
        /// The file on disk is no longer the analysed bytes (or, for a new file, exists).
        case changedOnDisk
        /// An I/O error, with its description.
        case failed(String)
    }

    /// Replaces the file at `path` with `bytes` if it still holds `expected`.
    public static func replace(_ path: String, expecting expected: [UInt8], with bytes: [UInt8]) -> Outcome {
        guard case let .bytes(current) = SourceReader.read(path), current == expected else { return .changedOnDisk }
        let permissions = (try? FileManager.default.attributesOfItem(atPath: path))?[.posixPermissions]
        do {
            try Data(bytes).write(to: URL(fileURLWithPath: path), options: .atomic)
        } catch {
            return .failed("\(error.localizedDescription)")
        }
        if let permissions { try? FileManager.default.setAttributes([.posixPermissions: permissions], ofItemAtPath: path) }
        return .written
    }

    /// Creates `path` with `contents`; fails when anything exists there. Missing parent
    /// directories are not created: a fix targets a folder that exists.
    public static func create(_ path: String, contents: [UInt8]) -> Outcome {
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard fd >= 0 else {
            let code = errno
            return code == EEXIST ? .changedOnDisk : .failed(String(cString: strerror(code)))
        }
        defer { close(fd) }
        var written = 0
        while written < contents.count {
            let n = contents.withUnsafeBytes { buffer in
                write(fd, buffer.baseAddress.map { $0 + written }, contents.count - written)
            }
            if n < 0 {
                if errno == EINTR { continue }
                let message = String(cString: strerror(errno))
                unlink(path)
                return .failed(message)
            }
            if n == 0 {
                unlink(path)
                return .failed("the write made no progress")
            }
            written += n
        }
        return .written
    }
}
