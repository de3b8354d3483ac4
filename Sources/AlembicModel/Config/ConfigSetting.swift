/// A configuration value together with where it came from.
public struct ConfigSetting<Value: Hashable & Sendable>: Hashable, Sendable {
    /// The value as alembic reads it (after interpolation / formatting / conversion).
    public var value: Value
    /// The text as written in the file, when different from or not representable by `value`.
    public var raw: String?
    /// Where the value came from.
    public var source: ConfigSource

    /// Creates a setting.
    public init(value: Value, raw: String? = nil, source: ConfigSource) {
        self.value = value
        self.raw = raw
        self.source = source
    }
}
