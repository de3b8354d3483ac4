/// The tables of a database (or of a schema replayed from migrations), as plain values.
///
/// Neutral by design: the live database (`DatabaseIntrospection`) and a replay of the
/// migrations produce the same values, so they compare with `==`.
public struct DatabaseSchema: Hashable, Sendable {
    /// Tables by ``TableSchema/qualifiedName``: the bare name in the default schema,
    /// `schema.name` elsewhere.
    public var tables: [String: TableSchema]

    /// Creates a schema from its tables.
    public init(tables: [String: TableSchema] = [:]) {
        self.tables = tables
    }

    /// Creates a schema from a list of tables, keyed by their qualified names (a later table
    /// with the same name replaces an earlier one).
    public init(_ tables: [TableSchema]) {
        var byName: [String: TableSchema] = [:]
        for table in tables { byName[table.qualifiedName] = table }
        self.tables = byName
    }

    /// The table `name` in `schema` (nil: the default schema).
    public func table(_ name: String, schema: String? = nil) -> TableSchema? {
        tables[TableSchema.qualifiedName(name, schema: schema)]
    }
}
