import Foundation

/// What a database URL points at, ready to open.
public enum DatabaseTarget: Hashable, Sendable {
    /// A SQLite file (absolute path), or a `file:` URI when the URL says `uri=true`.
    case sqlite(path: String, isURI: Bool)
    /// A PostgreSQL server.
    case postgresql(PostgreSQLConnectionParameters)

    /// The target of `url`, SQLite paths resolved against `baseDirectory` as SQLAlchemy
    /// resolves them against the working directory.
    public static func resolve(_ url: SQLAlchemyURL, baseDirectory: String) -> Result<DatabaseTarget, DatabaseError> {
        switch url.dialect {
        case "sqlite":
            let database = url.database ?? ""
            if database.isEmpty || database == ":memory:" {
                return .failure(DatabaseError(.inMemory, "\(url.redacted) is an in-memory database: there is nothing to read"))
            }
            if url.queryValues("uri").last.map({ ["true", "1"].contains($0.lowercased()) }) == true {
                return .success(.sqlite(path: database, isURI: true))
            }
            let path = database.hasPrefix("/") ? database : (baseDirectory as NSString).appendingPathComponent(database)
            return .success(.sqlite(path: (path as NSString).standardizingPath, isURI: false))
        case "postgresql", "postgres", "pgsql":
            return .success(.postgresql(PostgreSQLConnectionParameters(url)))
        default:
            return .failure(DatabaseError(
                .unsupportedDialect, "\(url.redacted): alembic-ls reads SQLite and PostgreSQL databases, not '\(url.dialect)'"))
        }
    }
}
