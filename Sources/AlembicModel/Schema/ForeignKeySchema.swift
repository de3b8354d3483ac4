/// A foreign key constraint.
public struct ForeignKeySchema: Hashable, Sendable {
    /// The constraint name; nil when the database keeps none (SQLite unless declared with
    /// `CONSTRAINT name FOREIGN KEY`).
    public var name: String?
    /// The referring columns, in order.
    public var columns: [String]
    /// The referred table's name.
    public var referredTable: String
    /// The referred table's schema; nil for the default schema.
    public var referredSchema: String?
    /// The referred columns, paired with ``columns``.
    public var referredColumns: [String]

    /// Creates a foreign key.
    public init(name: String? = nil, columns: [String], referredTable: String, referredSchema: String? = nil, referredColumns: [String]) {
        self.name = name
        self.columns = columns
        self.referredTable = referredTable
        self.referredSchema = referredSchema
        self.referredColumns = referredColumns
    }
}
