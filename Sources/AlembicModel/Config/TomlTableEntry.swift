/// One key/value pair of a ``TomlConfigValue/table(_:)``.
public struct TomlTableEntry: Hashable, Sendable {
    /// The key.
    public var key: String
    /// The value.
    public var value: TomlConfigValue

    /// Creates an entry.
    public init(key: String, value: TomlConfigValue) {
        self.key = key
        self.value = value
    }
}
