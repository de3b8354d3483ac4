import AlembicModel
import Lint
import TestSupport

extension Fixture {
    /// Diagnostics of one rule with `database` as every environment's live database.
    func lint(_ code: String, database: DatabaseState) -> [Diagnostic] {
        let project = analyze()
        let databases = Dictionary(uniqueKeysWithValues: project.environments.map { ($0.environment.id, database) })
        return LintEngine.run(project, settings: LintSettings(select: [RuleSelector(code)]), projectRoot: root, databases: databases)
    }
}

/// A database snapshot with the given version rows (nil: no version table).
func databaseAt(_ rows: [String]?) -> DatabaseState {
    .available(DatabaseSnapshot(
        url: "sqlite:///app.db", serverVersion: "SQLite 3", defaultSchema: "main", schema: DatabaseSchema(),
        versionTableName: "alembic_version", versionRows: rows))
}
