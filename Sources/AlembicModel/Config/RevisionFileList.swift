/// The revision files of an environment in alembic's load order, with listing problems.
public struct RevisionFileList: Hashable, Sendable {
    /// Files in the order `ScriptDirectory._load_revisions` loads them.
    public var files: [RevisionFile]
    /// Problems met while listing (unreadable directories, files alembic would fail on or
    /// skip as loaded twice).
    public var problems: [ConfigProblem]
}
