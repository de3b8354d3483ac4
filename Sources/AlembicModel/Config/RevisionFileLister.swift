#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Lists revision files exactly as alembic 1.20's `ScriptDirectory._load_revisions` and
/// `Script._list_py_dir` / `Script._from_path` select and order them, without reading them.
///
/// Order: version locations as configured (missing ones skipped); in each, the file names
/// sorted by code point, then — only with `recursive_version_locations` — sub-directories
/// in sorted order, depth first. Symlinks to directories count as files (never walked).
/// Skipped names: anything not ending in `.py` (`.py`/`.pyc`/`.pyo` when sourceless), names
/// starting with `__init__` or `.#`, `__pycache__` directories; a file whose real path was
/// already listed is skipped (alembic warns "loaded twice").
public enum RevisionFileLister {
    /// Lists the revision files of `environment`.
    public static func list(_ environment: AlembicEnvironment) -> RevisionFileList {
        list(
            versionLocations: environment.effectiveVersionLocations,
            recursive: environment.recursiveVersionLocations.value,
            sourceless: environment.sourceless.value,
            cwd: environment.workingDirectory
        )
    }

    /// Lists the revision files under absolute `versionLocations`.
    public static func list(versionLocations: [String], recursive: Bool, sourceless: Bool, cwd: String) -> RevisionFileList {
        var files: [RevisionFile] = []
        var problems: [ConfigProblem] = []
        var seen: Set<String> = []
        // Real paths of listed directories, so a plain file costs no extra system call.
        var realDirectories: [String: String] = [:]
        let listings = versionLocations.filter(FileSystemProbe.exists).map {
            (location: $0, entries: listDirectory($0, recursive: recursive, sourceless: sourceless, problems: &problems))
        }
        // Regular files of one directory have distinct real paths: the "loaded twice" check is
        // only needed when several directories or symbolic links are involved.
        let mayRepeat = listings.count > 1 || recursive || listings.contains { $0.entries.contains { !$0.isRegularFile } }
        for (location, entries) in listings {
            for entry in entries {
                let listed = entry.path
                let real: String
                if entry.isRegularFile {
                    let directory = realDirectories[entry.directory] ?? PythonPath.resolve(entry.directory, cwd: cwd)
                    realDirectories[entry.directory] = directory
                    real = directory.hasSuffix("/") ? directory + entry.name : directory + "/" + entry.name
                } else {
                    real = PythonPath.resolve(listed, cwd: cwd)
                }
                if mayRepeat && seen.contains(real) {
                    problems.append(
                        ConfigProblem(
                            kind: .revisionFile, severity: .warning,
                            message: "file \(real) loaded twice; alembic ignores the second one "
                                + "(version_locations overlap)",
                            file: listed
                        )
                    )
                    continue
                }
                if mayRepeat { seen.insert(real) }
                let name = entry.isRegularFile ? entry.name : PythonPath.name(real)
                guard let suffix = matchedSuffix(name, sourceless: sourceless) else { continue }
                if suffix != .py {
                    let directory = PythonPath.parent(real)
                    let source = PythonPath.join(directory, String(name.dropLast()))
                    let compiled = PythonPath.join(directory, String(name.dropLast()) + "c")
                    // Prefer .py over .pyc, and .pyc over .pyo.
                    if FileSystemProbe.exists(source) || (suffix == .pyo && FileSystemProbe.exists(compiled)) {
                        continue
                    }
                }
                if !entry.isRegularFile && !FileSystemProbe.exists(real) {
                    problems.append(
                        ConfigProblem(
                            kind: .revisionFile, severity: .error,
                            message: "\(listed) points to \(real), which does not exist; alembic fails to load it",
                            file: listed
                        )
                    )
                    continue
                }
                files.append(
                    RevisionFile(path: real, listedPath: listed, versionLocation: location, isSourceless: suffix != .py)
                )
            }
        }
        return RevisionFileList(files: files, problems: problems)
    }

    private enum Suffix {
        case py, pyc, pyo
    }

    /// `_only_source_rev_file` / `_sourceless_rev_file`: `(?!\.\#|__init__)(.*\.py)(c|o)?$`.
    private static func matchedSuffix(_ name: String, sourceless: Bool) -> Suffix? {
        if name.hasPrefix(".#") || name.hasPrefix("__init__") || name.utf8.contains(0x0A) { return nil }
        if name.hasSuffix(".py") { return .py }
        guard sourceless else { return nil }
        if name.hasSuffix(".pyc") { return .pyc }
        if name.hasSuffix(".pyo") { return .pyo }
        return nil
    }

    /// One file found by ``listDirectory``: its directory, its name, and whether the directory
    /// entry is a regular file (not a symbolic link), which needs no resolution.
    private struct ListedEntry {
        var directory: String
        var name: String
        var isRegularFile: Bool
        /// `directory` is already normal and a directory entry's name has no `/`, `.` or `..`.
        var path: String { directory.hasSuffix("/") ? directory + name : directory + "/" + name }
    }

    /// `Script._list_py_dir`: a top-down walk of `root` (symlinked directories count as files).
    private static func listDirectory(
        _ root: String, recursive: Bool, sourceless: Bool, problems: inout [ConfigProblem]
    ) -> [ListedEntry] {
        var paths: [ListedEntry] = []
        var stack = [root]
        var visited: Set<FileSystemProbe.FileIdentity> = []
        while let directory = stack.popLast() {
            if let identity = FileSystemProbe.identity(of: directory) {
                if visited.contains(identity) { continue }
                visited.insert(identity)
            }
            let entries: [(name: String, type: FileSystemProbe.EntryType)]
            switch FileSystemProbe.list(directory) {
            case .entries(let listed):
                entries = listed
            case .failed(let code):
                problems.append(
                    ConfigProblem(
                        kind: .unreadable, severity: .warning,
                        message: "cannot list \(directory): \(FileSystemProbe.errorText(code)); alembic skips it silently",
                        file: directory
                    )
                )
                continue
            }
            var directories: [String] = []
            var files: [(name: String, regular: Bool)] = []
            for entry in entries {
                if entry.type == .directory {
                    directories.append(entry.name)
                } else {
                    files.append((entry.name, entry.type == .file))
                }
            }
            directories.sort(by: codePointOrder)
            let children = directories.reversed().map { PythonPath.join(directory, $0) }
            if PythonPath.name(directory).hasSuffix("__pycache__") {
                // alembic `continue`s before its `break`, so even a non-recursive walk goes on.
                stack += children
                continue
            }
            if files.allSatisfy({ Self.isASCII($0.name) }) {
                // For ASCII names Swift's own ordering is byte order, and much faster.
                files.sort { $0.name < $1.name }
            } else {
                files.sort { codePointOrder($0.name, $1.name) }
            }
            let fileNames = files.map(\.name)
            paths += files.map { ListedEntry(directory: directory, name: $0.name, isRegularFile: $0.regular) }
            if sourceless {
                let cache = PythonPath.join(directory, "__pycache__")
                if case .entries(let cached) = FileSystemProbe.list(cache) {
                    let stems = Set(fileNames.map { String($0.split(separator: ".", omittingEmptySubsequences: false).first ?? "") })
                    // alembic uses directory order here; sorted for determinism.
                    paths += cached.map(\.name)
                        .filter { !stems.contains(String($0.split(separator: ".", omittingEmptySubsequences: false).first ?? "")) }
                        .sorted(by: codePointOrder)
                        .map { ListedEntry(directory: cache, name: $0, isRegularFile: false) }
                }
            }
            if !recursive { break }
            stack += children
        }
        return paths
    }

    static func isASCII(_ text: String) -> Bool {
        text.utf8.allSatisfy { $0 < 0x80 }
    }

    /// Python's `str` ordering: by code point, which is UTF-8 byte order.
    static func codePointOrder(_ lhs: String, _ rhs: String) -> Bool {
        var lhs = lhs
        var rhs = rhs
        return lhs.withUTF8 { a in
            rhs.withUTF8 { b in
                let shared = min(a.count, b.count)
                if shared > 0, let pa = a.baseAddress, let pb = b.baseAddress {
                    let order = memcmp(pa, pb, shared)
                    if order != 0 { return order < 0 }
                }
                return a.count < b.count
            }
        }
    }
}
