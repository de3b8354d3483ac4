/// The database family a SQLAlchemy URL names (`postgresql+psycopg://…` → ``postgresql``).
/// Decides which DDL an operation emits: SQLite, for one, rejects `IF [NOT] EXISTS` on
/// `ADD COLUMN`/`DROP COLUMN`.
public enum SQLDialect: String, Hashable, Sendable, CaseIterable {
    case sqlite, postgresql, mysql, mariadb, oracle, mssql

    /// The dialect of a SQLAlchemy URL; nil for a placeholder (`driver://…` in alembic's
    /// template), an interpolation, or a dialect this tool does not know.
    public init?(url: String) {
        let text = url.trimmingPythonSpace()
        guard let colon = text.range(of: "://") else { return nil }
        var name = text[..<colon.lowerBound]
        if let plus = name.firstIndex(of: "+") { name = name[..<plus] }
        switch name.lowercased() {
        case "sqlite": self = .sqlite
        case "postgresql", "postgres", "pgsql": self = .postgresql
        case "mysql": self = .mysql
        case "mariadb": self = .mariadb
        case "oracle": self = .oracle
        case "mssql": self = .mssql
        default: return nil
        }
    }

    /// A dialect name as written in settings (`dialect = "postgresql"`).
    public init?(name: String) {
        self.init(url: name.lowercased() + "://")
    }
}
