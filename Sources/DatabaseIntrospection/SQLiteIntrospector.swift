import AlembicModel
import CSQLite
import Foundation

/// Reads a SQLite database file, opened read-only: tables (as SQLAlchemy lists them, without
/// `sqlite_*` internals), columns from `pragma_table_xinfo`, indexes and unique constraints
/// from `pragma_index_list` / `pragma_index_info`, foreign keys from
/// `pragma_foreign_key_list`, and the version table's rows. Table names are bound as
/// parameters of the table-valued pragmas, so any name (quotes, spaces, unicode) works.
///
/// SQLite keeps no names for constraints in its catalog: primary keys, unique constraints and
/// foreign keys have `name == nil`.
public struct SQLiteIntrospector: SchemaIntrospector {
    /// The database file (absolute), or a `file:` URI.
    public var path: String
    /// True when ``path`` is a `file:` URI.
    public var isURI: Bool
    /// The URL, for the snapshot and messages.
    public var redactedURL: String

    public init(path: String, isURI: Bool = false, redactedURL: String? = nil) {
        self.path = path
        self.isURI = isURI
        self.redactedURL = redactedURL ?? "sqlite:///" + path
    }

    public func introspect(_ request: IntrospectionRequest) -> Result<DatabaseSnapshot, DatabaseError> {
        do throws(DatabaseError) {
            return .success(try read(request))
        } catch {
            return .failure(error)
        }
    }

    private func read(_ request: IntrospectionRequest) throws(DatabaseError) -> DatabaseSnapshot {
        var isDirectory: ObjCBool = false
        if !isURI {
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                throw DatabaseError(.fileNotFound, "\(path): no such SQLite database file (alembic-ls never creates it)")
            }
            if isDirectory.boolValue { throw DatabaseError(.notADatabase, "\(path) is a directory, not a SQLite database") }
        }
        if let schema = request.versionTableSchema, schema != "main" {
            throw DatabaseError(.queryFailed, "version_table_schema '\(schema)' names an attached SQLite database, which alembic-ls does not attach")
        }
        let connection = try SQLiteConnection(path: path, isURI: isURI, timeoutMilliseconds: request.timeoutMilliseconds)
        let names = try connection.query(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite~_%' ESCAPE '~' ORDER BY name"
        ).compactMap { $0.first ?? nil }
        var tables: [TableSchema] = []
        for name in names {
            tables.append(try table(name, connection))
        }
        let versionTable = try connection.query(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name = ?1 COLLATE NOCASE", [request.versionTable]
        ).first?.first ?? nil
        var rows: [String]?
        if let versionTable {
            rows = try connection.query("SELECT version_num FROM \(SQLiteConnection.quoteIdentifier(versionTable))")
                .compactMap { $0.first ?? nil }
        }
        return DatabaseSnapshot(
            url: redactedURL, serverVersion: "SQLite " + String(cString: sqlite3_libversion()), defaultSchema: "main",
            schema: DatabaseSchema(tables), versionTableName: request.versionTable, versionRows: rows)
    }

    private func table(_ name: String, _ connection: SQLiteConnection) throws(DatabaseError) -> TableSchema {
        var columns: [ColumnSchema] = []
        var keyColumns: [(position: Int, name: String)] = []
        for row in try connection.query(
            #"SELECT name, type, "notnull", dflt_value, pk, hidden FROM pragma_table_xinfo(?1)"#, [name]
        ) {
            guard row.count == 6, let column = row[0] else { continue }
            let hidden = Int(row[5] ?? "0") ?? 0
            if hidden == 1 { continue }
            var type = row[1] ?? ""
            if hidden == 2 || hidden == 3 { type = Self.withoutGeneratedWords(type) }
            columns.append(ColumnSchema(
                name: column, type: type, family: .sqlite(type), nullable: (row[2] ?? "0") == "0", defaultSQL: row[3]))
            if let position = Int(row[4] ?? "0"), position > 0 { keyColumns.append((position, column)) }
        }
        let primaryKey = keyColumns.isEmpty
            ? nil : PrimaryKeySchema(columns: keyColumns.sorted { $0.position < $1.position }.map(\.name))

        var indexes: [IndexSchema] = []
        var uniques: [UniqueConstraintSchema] = []
        for row in try connection.query(#"SELECT name, "unique", origin FROM pragma_index_list(?1)"#, [name]) {
            guard row.count == 3, let index = row[0] else { continue }
            let indexColumns = try connection.query("SELECT cid, name FROM pragma_index_info(?1) ORDER BY seqno", [index])
                .map { row -> String? in row.count == 2 && row[0] != "-2" ? row[1] : nil }
            if row[2] == "u" {
                uniques.append(UniqueConstraintSchema(columns: indexColumns.compactMap { $0 }))
            } else if !index.hasPrefix("sqlite_autoindex") {
                indexes.append(IndexSchema(name: index, columns: indexColumns, unique: row[1] == "1"))
            }
        }

        var foreignKeys: [ForeignKeySchema] = []
        var current: (id: String, table: String, from: [String], to: [String?])?
        func flush() throws(DatabaseError) {
            guard let key = current else { return }
            var referred = key.to.compactMap { $0 }
            if referred.count != key.from.count {
                // `REFERENCES parent` without columns: the parent's primary key.
                referred = try connection.query(
                    "SELECT name FROM pragma_table_info(?1) WHERE pk > 0 ORDER BY pk", [key.table]
                ).compactMap { $0.first ?? nil }
            }
            foreignKeys.append(ForeignKeySchema(columns: key.from, referredTable: key.table, referredColumns: referred))
        }
        for row in try connection.query(
            #"SELECT id, "table", "from", "to" FROM pragma_foreign_key_list(?1) ORDER BY id, seq"#, [name]
        ) {
            guard row.count == 4, let id = row[0], let referred = row[1], let from = row[2] else { continue }
            if current?.id != id {
                try flush()
                current = (id, referred, [], [])
            }
            current?.from.append(from)
            current?.to.append(row[3])
        }
        try flush()

        return TableSchema(
            name: name, columns: columns, primaryKey: primaryKey,
            indexes: indexes.sorted { $0.name < $1.name },
            uniqueConstraints: uniques.sorted { $0.columns.lexicographicallyPrecedes($1.columns) },
            foreignKeys: foreignKeys.sorted { ($0.referredTable, $0.columns.joined(separator: ",")) < ($1.referredTable, $1.columns.joined(separator: ",")) })
    }

    /// The declared type of a generated column without `GENERATED ALWAYS` (SQLite reports
    /// `INTEGER GENERATED ALWAYS` as the type), as SQLAlchemy strips it.
    static func withoutGeneratedWords(_ type: String) -> String {
        type.split(separator: " ").filter { !["GENERATED", "ALWAYS"].contains($0.uppercased()) }.joined(separator: " ")
    }
}
