/// A table as the migrations leave it: its ``TableSchema`` plus what a replay knows beyond
/// what a database would report (check constraint names, the revision that created it) and
/// how far the replay can vouch for it.
public struct ReplayedTable: Hashable, Sendable {
    /// The table's columns, keys, indexes and constraints, comparable with a live database's.
    public var table: TableSchema
    /// Names of the table's named check constraints (``TableSchema`` has no check constraints).
    public var checkConstraints: [String]
    /// True when something the replay cannot follow touched the table (`op.execute` SQL on it,
    /// a constraint dropped by a name the replay does not know, an unknown argument): its
    /// columns, indexes and constraints may differ from ``table``.
    public var isUncertain: Bool
    /// True when the table holds indexes named by the naming convention (`Column(index=True)`)
    /// or constraints without a name: an object dropped by a name the replay does not know may
    /// be one of them.
    public var hasConventionNames: Bool
    /// The revision whose `upgrade()` created the table; nil when it was created otherwise
    /// (SQL text, an unknown construct).
    public var createdIn: String?

    /// Creates a replayed table.
    public init(table: TableSchema, checkConstraints: [String] = [], isUncertain: Bool = false, hasConventionNames: Bool = false, createdIn: String? = nil) {
        self.table = table
        self.checkConstraints = checkConstraints
        self.isUncertain = isUncertain
        self.hasConventionNames = hasConventionNames
        self.createdIn = createdIn
    }

    /// The table's name.
    public var name: String { table.name }

    /// The index of the column called `name` (case-insensitive, as SQLite and unquoted
    /// PostgreSQL names compare).
    func columnIndex(_ name: String) -> Int? {
        if let exact = table.columns.firstIndex(where: { $0.name == name }) { return exact }
        let lowered = name.lowercased()
        return table.columns.firstIndex { $0.name.lowercased() == lowered }
    }

    /// The column called `name` (case-insensitive).
    public func column(_ name: String) -> ColumnSchema? {
        columnIndex(name).map { table.columns[$0] }
    }

    /// The index called `name` (case-insensitive).
    public func index(_ name: String) -> IndexSchema? {
        let lowered = name.lowercased()
        return table.indexes.first { $0.name.lowercased() == lowered }
    }

    /// True when a constraint (primary key, unique, foreign key or check) is called `name`.
    public func hasConstraint(_ name: String) -> Bool {
        let lowered = name.lowercased()
        func same(_ other: String?) -> Bool { other?.lowercased() == lowered }
        return same(table.primaryKey?.name) || table.uniqueConstraints.contains { same($0.name) }
            || table.foreignKeys.contains { same($0.name) } || checkConstraints.contains { same($0) }
    }
}
