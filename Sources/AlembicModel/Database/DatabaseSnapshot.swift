/// What was read from a live database: its schema and its version table.
public struct DatabaseSnapshot: Hashable, Sendable {
    /// The database URL with its password replaced by `***`.
    public var url: String
    /// The server's version (`PostgreSQL 15.8`, `SQLite 3.40.1`).
    public var serverVersion: String
    /// The default schema's name (`main`, `public`).
    public var defaultSchema: String
    /// Tables of the default schema and of `version_table_schema`.
    public var schema: DatabaseSchema
    /// The version table's qualified name as looked up (`alembic_version`, `ops.alembic_version`).
    public var versionTableName: String
    /// The `version_num` values of the version table in row order; nil when the table does
    /// not exist (a database alembic never stamped).
    public var versionRows: [String]?

    /// Creates a snapshot.
    public init(
        url: String, serverVersion: String, defaultSchema: String, schema: DatabaseSchema,
        versionTableName: String, versionRows: [String]?
    ) {
        self.url = url
        self.serverVersion = serverVersion
        self.defaultSchema = defaultSchema
        self.schema = schema
        self.versionTableName = versionTableName
        self.versionRows = versionRows
    }
}
