/// A unique constraint (`UNIQUE (a, b)`), as opposed to a unique index.
public struct UniqueConstraintSchema: Hashable, Sendable {
    /// The constraint name; nil when the database keeps none (an unnamed SQLite constraint).
    public var name: String?
    /// The constrained columns in order.
    public var columns: [String]

    /// Creates a unique constraint.
    public init(name: String? = nil, columns: [String]) {
        self.name = name
        self.columns = columns
    }
}
