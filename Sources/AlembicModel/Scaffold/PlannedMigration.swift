/// A migration file to create: where and with what text. Nothing is written until
/// ``MigrationFileWriter/write(_:)``.
public struct PlannedMigration: Sendable, Hashable {
    /// The absolute path of the new file.
    public var path: String
    /// The file's text (written as UTF-8).
    public var contents: String
    /// The new revision id.
    public var revisionID: String
    /// The revisions it merges (its `down_revision`), in alembic's order.
    public var downRevisions: [String]
    /// Things the user should know: the template fell back to alembic's default, nothing
    /// really is merged, post-write hooks are not run …
    public var notes: [String]

    /// Creates a plan.
    public init(
        path: String, contents: String, revisionID: String, downRevisions: [String], notes: [String]
    ) {
        self.path = path
        self.contents = contents
        self.revisionID = revisionID
        self.downRevisions = downRevisions
        self.notes = notes
    }
}
