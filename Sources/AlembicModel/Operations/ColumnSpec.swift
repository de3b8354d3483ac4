import TextCore

/// What an `add_column`'s `sa.Column(...)` says about NULLs and defaults: enough to tell
/// whether adding it to a table that has rows can fail.
public struct ColumnSpec: Hashable, Sendable {
    /// `nullable=` when it is a `True`/`False` literal; nil when absent or not a literal.
    public var nullable: Bool?
    /// `primary_key=True`.
    public var isPrimaryKey: Bool
    /// `server_default=` passed with anything but `None`.
    public var hasServerDefault: Bool
    /// The `nullable=False` keyword, else the `primary_key=True` one, when present.
    public var notNullRange: ByteRange?

    public init(nullable: Bool? = nil, isPrimaryKey: Bool = false, hasServerDefault: Bool = false, notNullRange: ByteRange? = nil) {
        self.nullable = nullable
        self.isPrimaryKey = isPrimaryKey
        self.hasServerDefault = hasServerDefault
        self.notNullRange = notNullRange
    }

    /// True when the column is created `NOT NULL`: `nullable=False`, or a primary key not
    /// declared `nullable=True` (SQLAlchemy's default for `nullable` is `not primary_key`).
    public var isNotNull: Bool { nullable == false || (isPrimaryKey && nullable != true) }
}
