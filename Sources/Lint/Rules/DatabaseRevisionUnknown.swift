import AlembicModel

/// ALM401: the database's version table names a revision that is not in the tree.
public enum DatabaseRevisionUnknown: Rule {
    /// Reads the graph and the database state only (a new state re-runs graph rules).
    public static let scope = RuleScope.graph

    public static let metadata = RuleMetadata(
        code: "ALM401", name: "database-revision-unknown", severity: .error,
        summary: "The database's version table names a revision the migration tree does not have.",
        documentation: """
        ## What it does
        Reads the version table (`alembic_version`, or `version_table` in
        `version_table_schema`) of the configured database, read-only, and reports each row
        whose `version_num` is not a revision of the environment. The finding sits on
        `sqlalchemy.url` in alembic.ini (or at the start of the configuration file).

        ## Why is this bad?
        Every alembic command that looks at the database (`upgrade`, `downgrade`, `current`,
        `check`) stops with "Can't locate revision identified by '…'". It happens when the
        database was upgraded from another branch, or when a published revision was
        deleted or had its id changed.

        ## Example
        ```
        alembic_version: 3f2a9c1d7e55      # no migration file defines it
        ```

        ## Use instead
        Restore the missing migration file (check out the branch that added it), or, if the
        schema really matches a known revision, `alembic stamp <that revision>`.
        """)

    public static func check(_ context: LintContext) -> [Diagnostic] {
        guard let status = context.databaseStatus, let location = context.databaseSettingsLocation,
              let snapshot = context.database?.snapshot else { return [] }
        return status.unknown.map { id in
            diagnostic(
                "The database \(snapshot.url) is at revision '\(id)' (table \(snapshot.versionTableName)), which no migration file defines; alembic fails with \"Can't locate revision identified by '\(id)'\"",
                at: location)
        }
    }
}
