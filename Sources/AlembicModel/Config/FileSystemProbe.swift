#if canImport(Darwin)
    import Darwin
#elseif canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#endif

/// Thin, non-throwing wrappers over POSIX file-system calls, used by discovery and listing.
///
/// Everything here reports failure as a value; nothing traps on odd paths.
enum FileSystemProbe {
    /// The type of a directory entry or path.
    enum EntryType: Sendable, Equatable {
        case file
        case directory
        case symlink
        case other
    }

    /// Identity of a directory, used to avoid visiting it twice.
    struct FileIdentity: Hashable, Sendable {
        var device: UInt64
        var inode: UInt64
    }

    /// Result of listing a directory.
    enum Listing {
        case entries([(name: String, type: EntryType)])
        case failed(errno: Int32)
    }

    /// `stat` (following symlinks) type, or nil when the path does not exist or cannot be stat'ed.
    static func type(of path: String, followSymlinks: Bool = true) -> EntryType? {
        var info = stat()
        let rc = followSymlinks ? stat(path, &info) : lstat(path, &info)
        guard rc == 0 else { return nil }
        return entryType(mode: info.st_mode)
    }

    /// True when something exists at `path` (following symlinks), like `os.path.exists`.
    static func exists(_ path: String) -> Bool { type(of: path) != nil }

    /// True when `path` is a directory (following symlinks).
    static func isDirectory(_ path: String) -> Bool { type(of: path) == .directory }

    /// True when `path` is a regular file (following symlinks).
    static func isFile(_ path: String) -> Bool { type(of: path) == .file }

    /// Device and inode of `path` (following symlinks).
    static func identity(of path: String) -> FileIdentity? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return FileIdentity(device: UInt64(truncatingIfNeeded: info.st_dev), inode: UInt64(truncatingIfNeeded: info.st_ino))
    }

    /// The canonical path with every symlink resolved, or nil when the path does not exist.
    static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    /// The target of a symbolic link, or nil.
    static func readLink(_ path: String) -> String? {
        var buffer = [CChar](repeating: 0, count: 4097)
        let count = readlink(path, &buffer, 4096)
        guard count >= 0 else { return nil }
        return String(decoding: buffer[0 ..< count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// The process's current working directory.
    static func currentDirectory() -> String {
        var buffer = [CChar](repeating: 0, count: 4097)
        guard getcwd(&buffer, 4096) != nil else { return "/" }
        return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// True when the effective user can read `path`.
    static func isReadable(_ path: String) -> Bool { access(path, R_OK) == 0 }

    /// True when the process runs as root, for which permission bits do not block reads.
    static var isRoot: Bool { geteuid() == 0 }

    /// Lists a directory's entries (without `.` and `..`), in directory order.
    static func list(_ path: String) -> Listing {
        guard let dir = opendir(path) else { return .failed(errno: errno) }
        defer { closedir(dir) }
        var result: [(name: String, type: EntryType)] = []
        while let entry = readdir(dir) {
            let name = withUnsafePointer(to: entry.pointee.d_name) { pointer in
                pointer.withMemoryRebound(to: CChar.self, capacity: 256) { String(cString: $0) }
            }
            if name == "." || name == ".." { continue }
            let type: EntryType
            switch Int32(entry.pointee.d_type) {
            case Int32(DT_REG): type = .file
            case Int32(DT_DIR): type = .directory
            case Int32(DT_LNK): type = .symlink
            case Int32(DT_UNKNOWN):
                type = Self.type(of: path + "/" + name, followSymlinks: false) ?? .other
            default: type = .other
            }
            result.append((name, type))
        }
        return .entries(result)
    }

    /// Reads at most `limit` bytes of a regular file; nil (with errno text) when it cannot.
    static func readFile(_ path: String, limit: Int = 4 << 20) -> Result<[UInt8], ReadError> {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { return .failure(ReadError(message: errorText(errno))) }
        defer { close(fd) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65536)
        while true {
            let count = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, 65536) }
            if count < 0 {
                if errno == EINTR { continue }
                return .failure(ReadError(message: errorText(errno)))
            }
            if count == 0 { break }
            bytes.append(contentsOf: chunk[0 ..< count])
            if bytes.count > limit {
                return .failure(ReadError(message: "file is larger than \(limit) bytes"))
            }
        }
        return .success(bytes)
    }

    /// A failed read.
    struct ReadError: Error, Sendable {
        var message: String
    }

    /// `strerror` text for an errno value.
    static func errorText(_ code: Int32) -> String {
        guard let text = strerror(code) else { return "error \(code)" }
        return String(cString: text)
    }

    private static func entryType(mode: mode_t) -> EntryType {
        switch mode & S_IFMT {
        case S_IFREG: .file
        case S_IFDIR: .directory
        case S_IFLNK: .symlink
        default: .other
        }
    }
}
