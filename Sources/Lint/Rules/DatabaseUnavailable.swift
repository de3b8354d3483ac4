import AlembicModel

/// ALM405: the configured database could not be read.
public enum DatabaseUnavailable: Rule {
    /// Reads the graph and the database state only (a new state re-runs graph rules).
    public static let scope = RuleScope.graph

    public static let metadata = RuleMetadata(
        code: "ALM405", name: "database-unavailable", severity: .warning,
        summary: "The configured database could not be read, so the live-database rules did not run.",
        documentation: """
        ## What it does
        Reports, once per environment, why the database named by the settings
        (`database-url`, `database-url-env`), `DATABASE_URL` or `sqlalchemy.url` could not be
        read: a wrong password, an unreachable host, a server that does not answer within
        the timeout, a missing SQLite file (never created), a file that is not a database.
        The message shows the URL with its password replaced by `***`.

        ## Why is this bad?
        Without the database, alembic-ls cannot say which revisions are applied or whether
        the live schema drifted; the other `ALM4xx` rules stay silent.

        ## Example
        ```ini
        sqlalchemy.url = postgresql://app:***@db.internal/app   # connection refused
        ```

        ## Use instead
        Point the `database-url` setting (or `DATABASE_URL`) at a reachable copy of the
        database, or ignore the rule when no database is available (`ignore = ["ALM405"]`).
        """)

    public static func check(_ context: LintContext) -> [Diagnostic] {
        guard case let .unavailable(url, reason)? = context.database, let location = context.databaseSettingsLocation else {
            return []
        }
        let detail = reason.hasPrefix(url) ? String(reason.dropFirst(url.count)).drop { $0 == ":" || $0 == " " } : Substring(reason)
        return [diagnostic("Cannot read the database \(url): \(detail)", at: location)]
    }
}
