/// One column of a table.
public struct ColumnSchema: Hashable, Sendable {
    /// The column name, exactly as stored.
    public var name: String
    /// The type as the database spells it (SQLite: the declared type, possibly empty;
    /// PostgreSQL: `format_type`, e.g. `character varying(50)`).
    public var type: String
    /// The type's family, comparable across databases and with SQLAlchemy types.
    public var family: ColumnTypeFamily
    /// True unless the column is `NOT NULL`.
    public var nullable: Bool
    /// The server default as SQL text (`'draft'`, `0`, `now()`), nil when none.
    public var defaultSQL: String?

    /// Creates a column.
    public init(name: String, type: String, family: ColumnTypeFamily, nullable: Bool, defaultSQL: String? = nil) {
        self.name = name
        self.type = type
        self.family = family
        self.nullable = nullable
        self.defaultSQL = defaultSQL
    }
}
