import AlembicModel

/// What to read besides the default schema.
public struct IntrospectionRequest: Hashable, Sendable {
    /// The version table's name (`version_table`, default `alembic_version`).
    public var versionTable: String
    /// `version_table_schema`; nil for the default schema.
    public var versionTableSchema: String?
    /// The bound on each connection attempt and each query, in milliseconds.
    public var timeoutMilliseconds: Int

    public init(versionTable: String = "alembic_version", versionTableSchema: String? = nil, timeoutMilliseconds: Int = 5_000) {
        self.versionTable = versionTable
        self.versionTableSchema = versionTableSchema
        self.timeoutMilliseconds = timeoutMilliseconds
    }

    /// The request for an environment's configured `version_table` / `version_table_schema`.
    public init(environment: AlembicEnvironment, timeoutMilliseconds: Int = 5_000) {
        let table = environment.versionTable?.value.trimmingCharacters(in: .whitespaces)
        let schema = environment.versionTableSchema?.value.trimmingCharacters(in: .whitespaces)
        self.init(
            versionTable: table.flatMap { $0.isEmpty ? nil : $0 } ?? "alembic_version",
            versionTableSchema: schema.flatMap { $0.isEmpty ? nil : $0 },
            timeoutMilliseconds: timeoutMilliseconds)
    }
}

/// Reads a database's schema and version table, read-only, within the request's timeout.
/// Every failure is a ``DatabaseError`` value; C types never leave the implementation.
public protocol SchemaIntrospector: Sendable {
    /// The snapshot of the database, or why it could not be read.
    func introspect(_ request: IntrospectionRequest) -> Result<DatabaseSnapshot, DatabaseError>
}
