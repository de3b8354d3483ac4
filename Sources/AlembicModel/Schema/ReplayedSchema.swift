/// The schema the migrations produce at one point of history: the tables, and how far the
/// replay can vouch for them. Versions share their unchanged tables (a ``PersistentMap``), so
/// keeping one per revision is cheap.
public struct ReplayedSchema: Sendable {
    /// Tables by lower-cased qualified name (SQLite and unquoted PostgreSQL names compare
    /// case-insensitively).
    var tables: PersistentMap<ReplayedTable>
    /// True when an operation the replay cannot follow may have changed any table (SQL text it
    /// cannot read, an operation on a table named at run time, a custom operation): absent
    /// tables and columns prove nothing.
    public internal(set) var isUncertain: Bool

    /// An empty schema (before the first revision).
    public init() {
        tables = PersistentMap()
        isUncertain = false
    }

    static func key(_ name: String, schema: String?) -> String {
        TableSchema.qualifiedName(name, schema: schema).lowercased()
    }

    /// The table `name` in `schema` (nil: the default schema), compared case-insensitively.
    public func table(_ name: String, schema: String? = nil) -> ReplayedTable? {
        tables[Self.key(name, schema: schema)]
    }

    /// The number of tables.
    public var tableCount: Int { tables.count }

    /// Every table, sorted by qualified name.
    public var allTables: [ReplayedTable] {
        tables.values.sorted { $0.table.qualifiedName < $1.table.qualifiedName }
    }

    /// The tables as plain ``DatabaseSchema`` values (indexes sorted by name, constraints by
    /// name then columns), to compare with a live database or a model schema.
    public var databaseSchema: DatabaseSchema {
        DatabaseSchema(allTables.map { Self.normalized($0.table) })
    }

    static func normalized(_ table: TableSchema) -> TableSchema {
        var out = table
        out.indexes.sort { $0.name < $1.name }
        out.uniqueConstraints.sort { ($0.name ?? "", $0.columns.joined(separator: ",")) < ($1.name ?? "", $1.columns.joined(separator: ",")) }
        out.foreignKeys.sort { ($0.name ?? "", $0.columns.joined(separator: ",")) < ($1.name ?? "", $1.columns.joined(separator: ",")) }
        return out
    }

    /// True when some table is uncertain (or the whole schema is).
    public var hasUncertainty: Bool {
        if isUncertain { return true }
        var any = false
        tables.forEach { _, table in if table.isUncertain { any = true } }
        return any
    }

    /// Sets (or replaces) a table.
    mutating func put(_ table: ReplayedTable) {
        tables.set(Self.key(table.table.name, schema: table.table.schema), table)
    }

    /// Removes a table; returns whether it existed.
    @discardableResult
    mutating func removeTable(_ name: String, schema: String?) -> Bool {
        tables.remove(Self.key(name, schema: schema))
    }

    /// Applies `change` to the table `name`, if it exists; returns whether it did.
    @discardableResult
    mutating func update(_ name: String, schema: String?, _ change: (inout ReplayedTable) -> Void) -> Bool {
        let key = Self.key(name, schema: schema)
        guard var table = tables[key] else { return false }
        change(&table)
        tables.set(key, table)
        return true
    }

    /// The table holding the index `name`, searching every table (for `drop_index` without a
    /// table name).
    func tableHoldingIndex(_ name: String) -> ReplayedTable? {
        var found: ReplayedTable?
        tables.forEach { _, table in if found == nil, table.index(name) != nil { found = table } }
        return found
    }
}
