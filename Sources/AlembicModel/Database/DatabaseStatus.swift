/// Which revisions a database has applied, from its version table rows and the revision
/// graph: a revision is applied when it is a version row or an ancestor of one (including
/// `depends_on` ancestors, which `alembic upgrade` applies first); every other revision is
/// pending. Rows naming no revision of the graph are ``unknown``.
public struct DatabaseStatus: Hashable, Sendable {
    /// Version rows that name a revision of the graph, in row order (`alembic current`).
    public var current: [String]
    /// Version rows that name no revision of the graph (alembic fails with "Can't locate
    /// revision identified by …").
    public var unknown: [String]
    /// Applied revisions, newest first (the order of `alembic history`).
    public var applied: [String]
    /// Pending revisions, in the order `alembic upgrade heads` would apply them when the
    /// graph allows computing it, newest-first history order reversed otherwise.
    public var pending: [String]
    /// True when the database has no version table (nothing applied).
    public var unstamped: Bool

    /// Creates a status.
    public init(current: [String], unknown: [String], applied: [String], pending: [String], unstamped: Bool) {
        self.current = current
        self.unknown = unknown
        self.applied = applied
        self.pending = pending
        self.unstamped = unstamped
    }

    /// The status of `graph` against the version rows (`nil`: no version table).
    public static func compute(versionRows: [String]?, graph: RevisionGraph) -> DatabaseStatus {
        let rows = versionRows ?? []
        var current: [String] = []
        var unknown: [String] = []
        for row in rows {
            if graph.revisionInfo(row) != nil {
                if !current.contains(row) { current.append(row) }
            } else if !unknown.contains(row) {
                unknown.append(row)
            }
        }
        let appliedSet = Set((try? graph.ancestors(of: current)) ?? current)
        let history = (try? graph.iterateRevisions(
            upper: .string("heads"), lower: .string("base"), inclusive: true, assertRelativeLength: false))
            ?? graph.revisionIDs.reversed()
        let applied = history.filter { appliedSet.contains($0) }
        let pendingNewestFirst = history.filter { !appliedSet.contains($0) }
        let pending: [String]
        if let order = try? graph.iterateUpgrade(from: .tuple(current), to: .string("heads")),
           Set(order) == Set(pendingNewestFirst) {
            pending = order
        } else {
            pending = pendingNewestFirst.reversed()
        }
        return DatabaseStatus(current: current, unknown: unknown, applied: applied, pending: pending, unstamped: versionRows == nil)
    }

    /// Whether `revision` is applied (false for pending and unknown ids).
    public func isApplied(_ revision: String) -> Bool {
        applied.contains(revision)
    }
}
