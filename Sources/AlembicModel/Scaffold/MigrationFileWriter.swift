import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Writes a ``PlannedMigration``: creates the missing directories, then the file with
/// `O_CREAT | O_EXCL`, so an existing file (even one that appeared after planning) is never
/// overwritten; a failed write removes the partial file.
public enum MigrationFileWriter {
    /// Writes `plan`; returns the directories it created, outermost first.
    public static func write(_ plan: PlannedMigration) -> Result<[String], MergeError> {
        var missing: [String] = []
        var directory = PythonPath.parent(plan.path)
        while !FileManager.default.fileExists(atPath: directory), directory != PythonPath.parent(directory) {
            missing.insert(directory, at: 0)
            directory = PythonPath.parent(directory)
        }
        for directory in missing where mkdir(directory, 0o777) != 0 && errno != EEXIST {
            return .failure(.writeFailed(path: directory, reason: String(cString: strerror(errno))))
        }
        let descriptor = open(plan.path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o666)
        guard descriptor >= 0 else {
            let code = errno
            if code == EEXIST { return .failure(.fileExists(plan.path)) }
            return .failure(.writeFailed(path: plan.path, reason: String(cString: strerror(code))))
        }
        let bytes = Array(plan.contents.utf8)
        var written = 0
        var failure: Int32?
        bytes.withUnsafeBytes { buffer in
            while written < buffer.count, let base = buffer.baseAddress {
                let count = systemWrite(descriptor, base + written, buffer.count - written)
                if count < 0 {
                    if errno == EINTR { continue }
                    failure = errno
                    return
                }
                written += count
            }
        }
        if close(descriptor) != 0, failure == nil { failure = errno }
        if let failure {
            unlink(plan.path)
            return .failure(.writeFailed(path: plan.path, reason: String(cString: strerror(failure))))
        }
        return .success(missing)
    }

    private static func systemWrite(_ descriptor: Int32, _ buffer: UnsafeRawPointer, _ count: Int) -> Int {
        #if canImport(Glibc)
            Glibc.write(descriptor, buffer, count)
        #elseif canImport(Musl)
            Musl.write(descriptor, buffer, count)
        #else
            Darwin.write(descriptor, buffer, count)
        #endif
    }
}
