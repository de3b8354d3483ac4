/// POSIX path arithmetic with the exact semantics of Python's `pathlib.PurePosixPath`,
/// so that paths computed here compare equal to the ones alembic computes.
///
/// `pathlib` drops empty and `.` components and trailing slashes, keeps `..`, keeps a
/// leading `//` (exactly two slashes) and turns the empty path into `.`. It never
/// resolves symlinks or collapses `..` unless asked to (`resolve`).
public enum PythonPath {
    /// `str(PurePosixPath(path))`.
    public static func normalize(_ path: String) -> String {
        let (root, parts) = split(path)
        if root.isEmpty && parts.isEmpty { return "." }
        return root + parts.joined(separator: "/")
    }

    /// `PurePosixPath(path).is_absolute()`.
    public static func isAbsolute(_ path: String) -> Bool { path.utf8.first == UInt8(ascii: "/") }

    /// `str(Path(path).absolute())` with `cwd` as the working directory.
    public static func absolute(_ path: String, cwd: String) -> String {
        if isAbsolute(path) { return normalize(path) }
        let (_, parts) = split(path)
        if parts.isEmpty { return normalize(cwd) }
        return join(normalize(cwd), parts.joined(separator: "/"))
    }

    /// `str(PurePosixPath(base) / component)`.
    public static func join(_ base: String, _ component: String) -> String {
        if isAbsolute(component) { return normalize(component) }
        if component.isEmpty { return normalize(base) }
        return normalize(base + "/" + component)
    }

    /// `str(PurePosixPath(path).parent)`.
    public static func parent(_ path: String) -> String {
        let (root, parts) = split(path)
        if parts.isEmpty { return root.isEmpty ? "." : root }
        let rest = parts.dropLast()
        if root.isEmpty && rest.isEmpty { return "." }
        return root + rest.joined(separator: "/")
    }

    /// `PurePosixPath(path).name`.
    public static func name(_ path: String) -> String {
        split(path).parts.last ?? ""
    }

    /// `os.path.realpath(path)`: symlinks resolved where the path exists; a missing tail is
    /// appended after normalising `.` and `..` lexically, as Python does.
    public static func resolve(_ path: String, cwd: String) -> String {
        let absolutePath = absolute(path, cwd: cwd)
        if let real = FileSystemProbe.realPath(absolutePath) { return real }
        // Resolve the longest existing prefix, then apply the rest lexically.
        let (_, parts) = split(absolutePath)
        var resolved = "/"
        var index = 0
        while index < parts.count {
            let candidate = join(resolved, parts[index])
            guard let real = FileSystemProbe.realPath(candidate) else { break }
            resolved = real
            index += 1
        }
        var remaining = Array(parts[index...])
        var linkBudget = 40
        while !remaining.isEmpty {
            let part = remaining.removeFirst()
            if part == ".." {
                resolved = parent(resolved)
                continue
            }
            let candidate = join(resolved, part)
            if linkBudget > 0, FileSystemProbe.type(of: candidate, followSymlinks: false) == .symlink,
                let target = FileSystemProbe.readLink(candidate)
            {
                // A dangling link: continue from its target, as os.path.realpath does.
                linkBudget -= 1
                let (targetRoot, targetParts) = split(target)
                if !targetRoot.isEmpty { resolved = "/" }
                remaining = targetParts + remaining
                continue
            }
            resolved = candidate
        }
        return resolved
    }

    private static func split(_ path: String) -> (root: String, parts: [String]) {
        var root = ""
        if path.hasPrefix("//") && !path.hasPrefix("///") {
            root = "//"
        } else if path.hasPrefix("/") {
            root = "/"
        }
        let parts = path.split(separator: "/", omittingEmptySubsequences: true)
            .filter { $0 != "." }
            .map(String.init)
        return (root, parts)
    }
}
