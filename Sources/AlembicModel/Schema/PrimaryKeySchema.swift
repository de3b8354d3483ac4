/// A table's primary key.
public struct PrimaryKeySchema: Hashable, Sendable {
    /// The constraint name; nil when the database keeps none (SQLite unless declared with
    /// `CONSTRAINT name PRIMARY KEY`).
    public var name: String?
    /// The key's columns in key order.
    public var columns: [String]

    /// Creates a primary key.
    public init(name: String? = nil, columns: [String]) {
        self.name = name
        self.columns = columns
    }
}
