/// Resolves alembic's `package:path` resource locations (`coerce_resource_to_filename`)
/// without importing anything: the package is looked up as a directory (regular or
/// namespace package) or a module file under candidate `sys.path` roots.
public enum PackageResourceResolver {
    /// A resolved package directory.
    public struct Match: Hashable, Sendable {
        /// The directory `importlib.resources.files(package)` would return.
        public var directory: String
        /// True when found under a `prepend_sys_path` root (what alembic puts on `sys.path`);
        /// false when found by a workspace heuristic (assuming the project is installed).
        public var onSysPath: Bool
    }

    /// True when alembic treats `location` as a resource: not absolute and containing `:`.
    public static func isResource(_ location: String) -> Bool {
        !PythonPath.isAbsolute(location) && location.contains(":")
    }

    /// Finds `package` (dotted) under `sysPathRoots` first, then under `heuristicRoots`.
    public static func findPackage(_ package: String, sysPathRoots: [String], heuristicRoots: [String]) -> Match? {
        let components = package.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        guard !components.isEmpty, !components.contains(where: { $0.isEmpty || $0.contains("/") }) else {
            return nil
        }
        let relative = components.joined(separator: "/")
        for (roots, onSysPath) in [(sysPathRoots, true), (heuristicRoots, false)] {
            for root in roots {
                let directory = PythonPath.join(root, relative)
                if FileSystemProbe.isDirectory(directory) { return Match(directory: directory, onSysPath: onSysPath) }
                if FileSystemProbe.isFile(directory + ".py") {
                    // files() of a plain module is the directory that holds it.
                    return Match(directory: PythonPath.parent(directory), onSysPath: onSysPath)
                }
            }
        }
        return nil
    }

    /// Splits `package:a:b` into the package and the path components after it.
    static func split(_ location: String) -> (package: String, components: [String]) {
        let tokens = location.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
        return (tokens.first ?? "", Array(tokens.dropFirst()))
    }
}
