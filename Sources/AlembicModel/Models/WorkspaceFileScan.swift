/// The files of a workspace the model index looks into besides env.py's imports: Python files
/// that may declare models or call `create_all()`, and CI configuration and shell scripts.
///
/// The walk skips what workspace discovery skips (VCS, virtualenvs, caches, build output)
/// and every other hidden directory except `.github` and `.gitlab`; it stops after
/// ``maxFiles`` files.
public struct WorkspaceFileScan: Sendable {
    /// `.py` files, sorted.
    public var pythonFiles: [String] = []
    /// `.github/workflows/*.yml`, `.gitlab-ci.yml`, `*.sh`, `Makefile`, sorted.
    public var ciFiles: [String] = []

    static let maxFiles = 50_000

    /// Walks `roots` (directories), leaving out `excludedDirectories` (version locations).
    public static func scan(roots: [String], excludedDirectories: Set<String>) -> WorkspaceFileScan {
        var scan = WorkspaceFileScan()
        var visited = Set<FileSystemProbe.FileIdentity>()
        var stack: [(path: String, depth: Int)] = roots.reversed().map { ($0, 0) }
        var files = 0
        let skipped = WorkspaceDiscovery.Options.defaultSkippedDirectoryNames
        while let (path, depth) = stack.popLast(), files < maxFiles {
            guard let identity = FileSystemProbe.identity(of: path), visited.insert(identity).inserted,
                  case let .entries(entries) = FileSystemProbe.list(path) else { continue }
            if depth > 0, entries.contains(where: { $0.name == "pyvenv.cfg" }) { continue }
            let inWorkflows = path.hasSuffix("/.github/workflows")
            var subdirectories: [String] = []
            for entry in entries {
                let full = PythonPath.join(path, entry.name)
                var type = entry.type
                if type == .symlink || type == .other { type = FileSystemProbe.type(of: full) ?? .other }
                switch type {
                case .directory:
                    let hidden = entry.name.hasPrefix(".") && entry.name != ".github" && entry.name != ".gitlab"
                    if !hidden, !skipped.contains(entry.name), !entry.name.hasSuffix(".egg-info"), !excludedDirectories.contains(full),
                       depth < 32 {
                        subdirectories.append(full)
                    }
                case .file:
                    files += 1
                    if entry.name.hasSuffix(".py") {
                        scan.pythonFiles.append(full)
                    } else if (inWorkflows && (entry.name.hasSuffix(".yml") || entry.name.hasSuffix(".yaml")))
                        || entry.name == ".gitlab-ci.yml" || entry.name.hasSuffix(".sh") || entry.name == "Makefile" {
                        scan.ciFiles.append(full)
                    }
                default:
                    break
                }
            }
            for directory in subdirectories.sorted().reversed() { stack.append((directory, depth + 1)) }
        }
        scan.pythonFiles.sort()
        scan.ciFiles.sort()
        return scan
    }

    /// True for a file the test suite owns (`tests/`, `test_*.py`, `*_test.py`, `conftest.py`):
    /// building the schema from the models there is normal.
    public static func isTestFile(_ path: String) -> Bool {
        let parts = path.split(separator: "/")
        let name = parts.last.map(String.init) ?? ""
        if name == "conftest.py" || name.hasPrefix("test_") || name.hasSuffix("_test.py") || name.hasSuffix("_tests.py") { return true }
        return parts.dropLast().contains { $0 == "tests" || $0 == "test" || $0 == "testing" }
    }
}
