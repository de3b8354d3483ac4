import TextCore

/// One section of an ``IniFile``.
public struct IniSection: Hashable, Sendable {
    /// The name `configparser` uses for the defaults section.
    public static let defaultSectionName = "DEFAULT"

    /// The section name, case preserved.
    public var name: String
    /// The byte range of the name inside `[...]` (nil for an absent `[DEFAULT]`).
    public var nameRange: ByteRange?
    /// The entries in file order; a key set twice (an error for alembic) keeps the later value.
    public var entries: [IniEntry]

    /// Creates a section.
    public init(name: String, nameRange: ByteRange?, entries: [IniEntry]) {
        self.name = name
        self.nameRange = nameRange
        self.entries = entries
    }

    /// The entry for `key` (lowercased before lookup).
    public func entry(_ key: String) -> IniEntry? {
        let key = key.lowercased()
        return entries.last { $0.key == key }
    }
}
