import AlembicModel

/// Reads a PostgreSQL database through libpq in a read-only session
/// (`default_transaction_read_only=on`, a `statement_timeout`, a connect timeout) and one
/// `REPEATABLE READ READ ONLY` transaction: the tables (`relkind` `r`/`p`), columns, primary
/// keys, unique and foreign-key constraints and indexes of `current_schema()` and of
/// `version_table_schema`, from `pg_catalog`, with every name bound as a query parameter.
public struct PostgreSQLIntrospector: SchemaIntrospector {
    /// The connection parameters (from the URL); the read-only settings are added on connect.
    public var parameters: PostgreSQLConnectionParameters

    public init(parameters: PostgreSQLConnectionParameters) {
        self.parameters = parameters
    }

    public func introspect(_ request: IntrospectionRequest) -> Result<DatabaseSnapshot, DatabaseError> {
        do throws(DatabaseError) {
            return .success(try read(request))
        } catch {
            return .failure(DatabaseError(error.kind, "\(parameters.redactedURL): \(error.message)"))
        }
    }

    private func read(_ request: IntrospectionRequest) throws(DatabaseError) -> DatabaseSnapshot {
        let session = parameters.readOnlySession(timeoutMilliseconds: request.timeoutMilliseconds)
        let connection = try PostgreSQLConnection(session, timeoutMilliseconds: request.timeoutMilliseconds)
        _ = try connection.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY")
        let defaultSchema = try connection.query("SELECT coalesce(current_schema(), 'public')").first?.first.flatMap { $0 } ?? "public"
        let versionSchema = request.versionTableSchema ?? defaultSchema
        let schemas = [defaultSchema, versionSchema]

        var tables: [String: TableSchema] = [:]
        var order: [String] = []
        for row in try connection.query(Self.tablesSQL, schemas) {
            guard row.count == 3, let oid = row[0], let schema = row[1], let name = row[2] else { continue }
            tables[oid] = TableSchema(name: name, schema: schema == defaultSchema ? nil : schema)
            order.append(oid)
        }
        for row in try connection.query(Self.columnsSQL, schemas) {
            guard row.count == 7, let oid = row[0], let name = row[1], let type = row[2] else { continue }
            let family: ColumnTypeFamily = row[6] == "e" ? .other : .postgresql(row[5] ?? type)
            tables[oid]?.columns.append(ColumnSchema(
                name: name, type: type, family: family, nullable: row[3] != "t", defaultSQL: row[4]))
        }
        try readConstraints(connection, schemas, defaultSchema: defaultSchema, into: &tables)
        try readIndexes(connection, schemas, into: &tables)

        var rows: [String]?
        if try !connection.query(Self.versionTableSQL, [versionSchema, request.versionTable]).isEmpty {
            let name = try connection.escapeIdentifier(versionSchema) + "." + connection.escapeIdentifier(request.versionTable)
            rows = try connection.query("SELECT version_num FROM \(name)").compactMap { $0.first ?? nil }
        }
        _ = try connection.query("COMMIT")
        return DatabaseSnapshot(
            url: parameters.redactedURL, serverVersion: "PostgreSQL " + connection.serverVersion,
            defaultSchema: defaultSchema, schema: DatabaseSchema(order.compactMap { tables[$0] }),
            versionTableName: TableSchema.qualifiedName(request.versionTable, schema: request.versionTableSchema),
            versionRows: rows)
    }

    /// Primary keys, unique constraints and foreign keys, one row per constrained column.
    private func readConstraints(
        _ connection: PostgreSQLConnection, _ schemas: [String], defaultSchema: String, into tables: inout [String: TableSchema]
    ) throws(DatabaseError) {
        struct Key: Hashable { var table: String, kind: String, name: String }
        var columns: [Key: [String]] = [:]
        var referred: [Key: (schema: String, table: String, columns: [String])] = [:]
        var keys: [Key] = []
        for row in try connection.query(Self.constraintsSQL, schemas) {
            guard row.count == 7, let table = row[0], let kind = row[1], let name = row[2], let column = row[3] else { continue }
            let key = Key(table: table, kind: kind, name: name)
            if columns[key] == nil { keys.append(key) }
            columns[key, default: []].append(column)
            if kind == "f", let schema = row[4], let referredTable = row[5], let referredColumn = row[6] {
                var entry = referred[key] ?? (schema, referredTable, [])
                entry.columns.append(referredColumn)
                referred[key] = entry
            }
        }
        for key in keys {
            let keyColumns = columns[key] ?? []
            switch key.kind {
            case "p":
                tables[key.table]?.primaryKey = PrimaryKeySchema(name: key.name, columns: keyColumns)
            case "u":
                tables[key.table]?.uniqueConstraints.append(UniqueConstraintSchema(name: key.name, columns: keyColumns))
            default:
                guard let target = referred[key] else { continue }
                tables[key.table]?.foreignKeys.append(ForeignKeySchema(
                    name: key.name, columns: keyColumns, referredTable: target.table,
                    referredSchema: target.schema == defaultSchema ? nil : target.schema, referredColumns: target.columns))
            }
        }
    }

    /// Indexes that no constraint owns, one row per key column (nil for an expression).
    private func readIndexes(
        _ connection: PostgreSQLConnection, _ schemas: [String], into tables: inout [String: TableSchema]
    ) throws(DatabaseError) {
        var current: (table: String, index: IndexSchema)?
        for row in try connection.query(Self.indexesSQL, schemas) {
            guard row.count == 4, let table = row[0], let name = row[1] else { continue }
            if current?.table != table || current?.index.name != name {
                if let done = current { tables[done.table]?.indexes.append(done.index) }
                current = (table, IndexSchema(name: name, columns: [], unique: row[2] == "t"))
            }
            current?.index.columns.append(row[3])
        }
        if let done = current { tables[done.table]?.indexes.append(done.index) }
    }

    static let tablesSQL = """
        SELECT c.oid::text, n.nspname, c.relname
        FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
        WHERE c.relkind IN ('r', 'p') AND n.nspname IN ($1, $2)
        ORDER BY n.nspname, c.relname
        """

    /// Columns with their type, the type family's source (a domain's base type), nullability
    /// and default (none for generated columns), and the type's kind (`e` for an enum).
    static let columnsSQL = """
        SELECT a.attrelid::text, a.attname, pg_catalog.format_type(a.atttypid, a.atttypmod), a.attnotnull,
               CASE WHEN a.attgenerated = '' THEN pg_catalog.pg_get_expr(d.adbin, d.adrelid) END,
               CASE WHEN t.typtype = 'd' THEN pg_catalog.format_type(t.typbasetype, t.typtypmod) END,
               t.typtype
        FROM pg_catalog.pg_attribute a
        JOIN pg_catalog.pg_class c ON c.oid = a.attrelid
        JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
        JOIN pg_catalog.pg_type t ON t.oid = a.atttypid
        LEFT JOIN pg_catalog.pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
        WHERE c.relkind IN ('r', 'p') AND n.nspname IN ($1, $2) AND a.attnum > 0 AND NOT a.attisdropped
        ORDER BY a.attrelid, a.attnum
        """

    static let constraintsSQL = """
        SELECT con.conrelid::text, con.contype, con.conname, a.attname, rn.nspname, rc.relname, ra.attname
        FROM pg_catalog.pg_constraint con
        JOIN pg_catalog.pg_class c ON c.oid = con.conrelid
        JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
        CROSS JOIN LATERAL unnest(con.conkey) WITH ORDINALITY AS k(attnum, ord)
        JOIN pg_catalog.pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.attnum
        LEFT JOIN pg_catalog.pg_class rc ON rc.oid = con.confrelid
        LEFT JOIN pg_catalog.pg_namespace rn ON rn.oid = rc.relnamespace
        LEFT JOIN pg_catalog.pg_attribute ra ON ra.attrelid = con.confrelid AND ra.attnum = con.confkey[k.ord::int]
        WHERE con.contype IN ('p', 'u', 'f') AND c.relkind IN ('r', 'p') AND n.nspname IN ($1, $2)
        ORDER BY con.conrelid, con.contype, con.conname, k.ord
        """

    static let indexesSQL = """
        SELECT ix.indrelid::text, ic.relname, ix.indisunique, a.attname
        FROM pg_catalog.pg_index ix
        JOIN pg_catalog.pg_class ic ON ic.oid = ix.indexrelid
        JOIN pg_catalog.pg_class c ON c.oid = ix.indrelid
        JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
        CROSS JOIN LATERAL unnest(ix.indkey::int2[]) WITH ORDINALITY AS k(attnum, ord)
        LEFT JOIN pg_catalog.pg_attribute a ON a.attrelid = ix.indrelid AND a.attnum = k.attnum AND k.attnum > 0
        WHERE c.relkind IN ('r', 'p') AND n.nspname IN ($1, $2) AND NOT ix.indisprimary AND k.ord <= ix.indnkeyatts
          AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_constraint x
                          WHERE x.conindid = ix.indexrelid AND x.conrelid = ix.indrelid AND x.contype IN ('p', 'u', 'x'))
        ORDER BY ix.indrelid, ic.relname, k.ord
        """

    static let versionTableSQL = """
        SELECT 1 FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = $1 AND c.relname = $2 AND c.relkind IN ('r', 'p')
        """
}
