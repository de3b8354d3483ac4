/// A `down_revision` or `depends_on` value as a migration declares it.
///
/// Alembic normalises these with `tuple_rev_as_scalar(to_tuple(x))`: an empty tuple means
/// "none" (base), a one-element tuple becomes its single string, longer tuples stay tuples
/// (duplicates are kept). ``normalized`` applies exactly that rule; the declared form is kept
/// so that callers can still tell `"a"` from `("a",)`.
public enum RevisionReference: Sendable, Hashable {
    /// `None` (or nothing declared).
    case none
    /// A single string, e.g. `down_revision = "ae10"`. The empty string is *not* base.
    case single(String)
    /// A tuple or list of strings, in declared order.
    case tuple([String])

    /// The form alembic stores after `tuple_rev_as_scalar(to_tuple(x))`.
    public var normalized: RevisionReference {
        switch self {
        case .none, .single: return self
        case .tuple(let values):
            switch values.count {
            case 0: return .none
            case 1: return .single(values[0])
            default: return self
            }
        }
    }

    /// `util.to_tuple(x, default=())`: the referenced ids in order.
    public var ids: [String] {
        switch self {
        case .none: return []
        case .single(let value): return [value]
        case .tuple(let values): return values
        }
    }

    /// True when this is Python `None` (not merely empty).
    public var isNone: Bool {
        if case .none = self { return true }
        return false
    }

    /// Python truthiness of the value (`None`, `''` and `()` are false).
    public var isTruthy: Bool {
        switch self {
        case .none: return false
        case .single(let value): return !value.isEmpty
        case .tuple(let values): return !values.isEmpty
        }
    }

    /// Python `repr()` of the normalised value: `None`, `'a'` or `('a', 'b')`.
    var pythonRepr: String {
        switch self {
        case .none: return "None"
        case .single(let value): return PythonRepr.repr(value)
        case .tuple(let values): return PythonRepr.tupleRepr(values)
        }
    }
}
