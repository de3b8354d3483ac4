import AlembicModel

/// ALM402: a revision the database has not applied yet.
public enum PendingMigration: Rule {
    /// Reads the graph and the database state only (a new state re-runs graph rules).
    public static let scope = RuleScope.graph

    public static let metadata = RuleMetadata(
        code: "ALM402", name: "pending-migration", severity: .information,
        summary: "The configured database has not applied this revision yet.",
        documentation: """
        ## What it does
        Reads the version table of the configured database, read-only, and marks each
        revision that is neither a version row nor an ancestor of one (including
        `depends_on` ancestors) on its `revision = …` line. When the database has no
        version table, every revision is pending.

        ## Why is this bad?
        It is information, not a problem: it shows what `alembic upgrade heads` would run
        against that database, so a migration can be tested against a real schema before
        it is deployed.

        ## Example
        ```python
        revision = "b2c3d4e5f6a7"   # pending on sqlite:///./data/db/app.db
        ```

        ## Use instead
        Run `alembic upgrade heads` when the migration is ready, or ignore the rule
        (`ignore = ["ALM402"]`) to hide the markers.
        """)

    public static func check(_ context: LintContext) -> [Diagnostic] {
        guard let status = context.databaseStatus, let snapshot = context.database?.snapshot else { return [] }
        let position = Dictionary(uniqueKeysWithValues: status.pending.enumerated().map { ($1, $0 + 1) })
        return status.pending.compactMap { id in
            guard let location = context.revisionLocation(id) else { return nil }
            // No total in the message: a graph edit would change every pending revision's text.
            let step = position[id].map { " (step \($0) of `alembic upgrade heads`)" } ?? ""
            return diagnostic("Revision '\(id)' is pending on \(snapshot.url)\(step)", at: location)
        }
    }
}
