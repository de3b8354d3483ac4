/// An index on a table.
public struct IndexSchema: Hashable, Sendable {
    /// The index name.
    public var name: String
    /// The indexed columns in order; nil for an expression (`lower(email)`).
    public var columns: [String?]
    /// True for a unique index.
    public var unique: Bool

    /// Creates an index.
    public init(name: String, columns: [String?], unique: Bool) {
        self.name = name
        self.columns = columns
        self.unique = unique
    }
}
