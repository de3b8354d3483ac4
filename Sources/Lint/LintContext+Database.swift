import AlembicModel
import TextCore

extension LintContext {
    /// Where database findings go: the `sqlalchemy.url` value when the configuration has
    /// one, else the start of alembic.ini (or pyproject.toml, or env.py).
    var databaseSettingsLocation: Location? {
        let env = environment.environment
        if let source = env.sqlalchemyURL?.source, let file = source.file {
            return Location(path: file, range: source.range ?? .empty(at: 0))
        }
        guard let file = env.configFile ?? env.pyprojectFile ?? env.envPy else { return nil }
        return Location(path: file, range: .empty(at: 0))
    }

    /// The database's status against this environment's revisions, when the database was read.
    var databaseStatus: DatabaseStatus? {
        guard let snapshot = database?.snapshot else { return nil }
        return DatabaseStatusCache.shared.status(versionRows: snapshot.versionRows, graph: environment.lintGraph)
    }
}
