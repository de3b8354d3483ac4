/// One revision file alembic would load, in load order.
public struct RevisionFile: Hashable, Sendable {
    /// The file's resolved real path: alembic loads `file_path.resolve()`, and this is
    /// what `Script.path` reports.
    public var path: String
    /// The path as found while walking the version location (may go through symlinks).
    public var listedPath: String
    /// The version location (absolute) the file was found under.
    public var versionLocation: String
    /// True for a `.pyc` / `.pyo` file loaded in `sourceless` mode.
    public var isSourceless: Bool

    /// Creates a revision file entry.
    public init(path: String, listedPath: String, versionLocation: String, isSourceless: Bool) {
        self.path = path
        self.listedPath = listedPath
        self.versionLocation = versionLocation
        self.isSourceless = isSourceless
    }
}
