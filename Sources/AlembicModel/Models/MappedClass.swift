import TextCore

/// A declarative class mapped to a table (or adding columns to its parent's table, with
/// single-table inheritance).
public struct MappedClass: Hashable, Sendable {
    /// The class name.
    public var name: String
    /// The module's dotted name.
    public var module: String
    /// The class name's location.
    public var location: ModelLocation
    /// The metadata the class's table belongs to.
    public var metadata: MetadataIdentity
    /// The qualified name of its table; nil when it cannot be known statically.
    public var table: String?
    /// True with single-table inheritance: the class adds to its parent's table.
    public var isSingleTableSubclass: Bool

    public init(
        name: String, module: String, location: ModelLocation, metadata: MetadataIdentity, table: String?,
        isSingleTableSubclass: Bool = false
    ) {
        self.name = name
        self.module = module
        self.location = location
        self.metadata = metadata
        self.table = table
        self.isSingleTableSubclass = isSingleTableSubclass
    }
}
