/// One table: its columns in order, primary key, indexes and constraints.
public struct TableSchema: Hashable, Sendable {
    /// The table name, exactly as stored (case preserved).
    public var name: String
    /// The schema holding the table; nil for the connection's default schema
    /// (SQLite `main`, PostgreSQL `current_schema()`).
    public var schema: String?
    /// Columns in table order.
    public var columns: [ColumnSchema]
    /// The primary key, when the table has one.
    public var primaryKey: PrimaryKeySchema?
    /// Indexes that no constraint owns (those backing a primary key or a unique constraint
    /// are described by the constraint), sorted by name.
    public var indexes: [IndexSchema]
    /// Unique constraints, sorted by name then columns.
    public var uniqueConstraints: [UniqueConstraintSchema]
    /// Foreign keys, sorted by name then columns.
    public var foreignKeys: [ForeignKeySchema]

    /// Creates a table.
    public init(
        name: String, schema: String? = nil, columns: [ColumnSchema] = [], primaryKey: PrimaryKeySchema? = nil,
        indexes: [IndexSchema] = [], uniqueConstraints: [UniqueConstraintSchema] = [],
        foreignKeys: [ForeignKeySchema] = []
    ) {
        self.name = name
        self.schema = schema
        self.columns = columns
        self.primaryKey = primaryKey
        self.indexes = indexes
        self.uniqueConstraints = uniqueConstraints
        self.foreignKeys = foreignKeys
    }

    /// `name`, or `schema.name` outside the default schema: the key in ``DatabaseSchema/tables``.
    public var qualifiedName: String { Self.qualifiedName(name, schema: schema) }

    /// The column called `name`.
    public func column(_ name: String) -> ColumnSchema? {
        columns.first { $0.name == name }
    }

    /// `name`, or `schema.name` when `schema` is not nil.
    public static func qualifiedName(_ name: String, schema: String?) -> String {
        guard let schema else { return name }
        return schema + "." + name
    }
}
