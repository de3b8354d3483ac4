import Foundation

/// What to merge, with `alembic merge`'s options.
public struct MergeRequest: Sendable {
    /// The revisions to merge (`alembic merge REVISIONS…`); `["heads"]` merges every head.
    public var revisions: [String]
    /// `-m MESSAGE`; nil renders alembic's "empty message".
    public var message: String?
    /// `--rev-id`; nil generates one as `alembic.util.rev_id()` does (12 hex digits).
    public var revisionID: String?
    /// `--branch-label` values; empty for none.
    public var branchLabels: [String]
    /// The creation time; nil for now.
    public var date: Date?
    /// `--splice`: allow revisions that are not heads.
    public var splice: Bool
    /// The zone of `datetime.now()` when no `timezone` is configured (the machine's zone).
    public var localTimeZone: TimeZone

    /// Creates a request; the defaults are those of `alembic merge heads`.
    public init(
        revisions: [String] = ["heads"], message: String? = nil, revisionID: String? = nil, branchLabels: [String] = [],
        date: Date? = nil, splice: Bool = false, localTimeZone: TimeZone = .current
    ) {
        self.revisions = revisions
        self.message = message
        self.revisionID = revisionID
        self.branchLabels = branchLabels
        self.date = date
        self.splice = splice
        self.localTimeZone = localTimeZone
    }
}
