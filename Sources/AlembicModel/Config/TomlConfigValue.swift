/// A `[tool.alembic]` value, copied out of TOMLKit into a plain `Sendable` value.
public enum TomlConfigValue: Hashable, Sendable {
    case string(String)
    case bool(Bool)
    case int(Int)
    case double(Double)
    case array([TomlConfigValue])
    /// A table, keys in the order TOMLKit reports them.
    case table([TomlTableEntry])
    /// A date, time or date-time (alembic rejects these); the payload is the TOML text.
    case other(String)

    /// The Python type name alembic would see (`str`, `bool`, `int`, `float`, `list`, `dict`, ...).
    public var pythonTypeName: String {
        switch self {
        case .string: "str"
        case .bool: "bool"
        case .int: "int"
        case .double: "float"
        case .array: "list"
        case .table: "dict"
        case .other: "datetime"
        }
    }

    /// The string payload, if this is a string.
    public var stringValue: String? {
        if case .string(let value) = self { return value }
        return nil
    }
}
