/// An identifier argument as alembic's revision API accepts it: `None` (base), a string (an id,
/// partial id, branch label, symbol such as `head`, `label@x` or a relative form like `-1`),
/// or a tuple of strings.
public enum RevisionIdentifier: Sendable, Hashable {
    /// Python `None`.
    case none
    /// A single string.
    case string(String)
    /// A tuple of strings.
    case tuple([String])

    /// Python truthiness (`None`, `''`, `()` are false).
    var isTruthy: Bool {
        switch self {
        case .none: return false
        case .string(let value): return !value.isEmpty
        case .tuple(let values): return !values.isEmpty
        }
    }

    /// `util.to_tuple(x)` with `None` kept as nil.
    var asTuple: [String]? {
        switch self {
        case .none: return nil
        case .string(let value): return [value]
        case .tuple(let values): return values
        }
    }

    /// Python `str()` of the value as `%s` formats it.
    var pythonStr: String {
        switch self {
        case .none: return "None"
        case .string(let value): return value
        case .tuple(let values): return PythonRepr.tupleRepr(values)
        }
    }

    /// `x or "base"` formatted with `%s`.
    var orBase: String { isTruthy ? pythonStr : "base" }
}
