/// A `script_location` or one version location, resolved to a path.
public struct ResolvedLocation: Hashable, Sendable {
    /// How the configured string became a path.
    public enum Resolution: Hashable, Sendable {
        /// An absolute path (for example through `%(here)s`).
        case absolute
        /// A relative path, resolved against ``AlembicEnvironment/workingDirectory``; alembic
        /// resolves it against the directory it runs in, so it only works from there.
        case relativeToWorkingDirectory
        /// A `package:path` resource whose package was found at `packageDirectory`;
        /// `onSysPath` is false when it was found by a workspace heuristic (for example a
        /// `src/` layout assumed installed) rather than through `prepend_sys_path`.
        case packageResource(package: String, packageDirectory: String, onSysPath: Bool)
        /// A `package:path` resource whose package was not found in the workspace.
        case unresolvedPackageResource(package: String)
    }

    /// The string alembic received (after interpolation and splitting).
    public var configured: String
    /// The absolute path alembic would use (`pathlib` style, symlinks not resolved); nil for
    /// an unresolved package resource.
    public var path: String?
    /// How the path was obtained.
    public var resolution: Resolution
    /// True when the path exists.
    public var exists: Bool
    /// Where the string came from.
    public var source: ConfigSource

    /// Creates a resolved location.
    public init(configured: String, path: String?, resolution: Resolution, exists: Bool, source: ConfigSource) {
        self.configured = configured
        self.path = path
        self.resolution = resolution
        self.exists = exists
        self.source = source
    }
}
