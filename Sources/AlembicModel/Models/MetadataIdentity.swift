/// One SQLAlchemy `MetaData` object of the workspace, identified by where it is created: the
/// `MetaData(...)` / `declarative_base()` / `registry()` call, or the `DeclarativeBase`
/// subclass that creates its own.
///
/// Equality and hashing use the place only; ``displayName`` is for messages.
public struct MetadataIdentity: Hashable, Sendable, CustomStringConvertible {
    /// The file creating the object.
    public var path: String
    /// Byte offset of the creating call or class statement.
    public var offset: Int
    /// How the code names it (`Base.metadata`, `metadata`, `db.metadata`).
    public var displayName: String

    public init(path: String, offset: Int, displayName: String) {
        self.path = path
        self.offset = offset
        self.displayName = displayName
    }

    public static func == (lhs: Self, rhs: Self) -> Bool { lhs.path == rhs.path && lhs.offset == rhs.offset }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(path)
        hasher.combine(offset)
    }

    public var description: String { displayName }
}
