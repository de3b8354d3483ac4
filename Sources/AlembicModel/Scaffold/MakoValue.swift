/// A Python value as a Mako template sees it: the arguments alembic passes to
/// `script.py.mako` (`up_revision`, `down_revision`, `create_date`, `config` …) and what the
/// template computes from them.
public indirect enum MakoValue: Sendable {
    case none
    /// Mako's `UNDEFINED`: a name neither passed nor defined. Falsy; printing it fails.
    case undefined
    case bool(Bool)
    case int(Int)
    case string(String)
    case tuple([MakoValue])
    case list([MakoValue])
    /// A `datetime.datetime`.
    case dateTime(PythonDateTime)
    /// alembic's `Config` object (`config.get_main_option(…)`).
    case config(MakoConfig)
    /// A callable: a Python builtin (`repr`, `str` …) or alembic's `format_as_comma`.
    case function(String)
    /// A module imported by a `<%! %>` block.
    case module(String)
    /// A method bound to its receiver (`config.get_main_option`, `"a".replace` …).
    case method(receiver: MakoValue, name: String)
    /// Mako's `context` object (`context.get(name, default)`).
    case context

    /// Python truthiness (`UNDEFINED` is falsy).
    public var isTruthy: Bool {
        switch self {
        case .none, .undefined: return false
        case .bool(let value): return value
        case .int(let value): return value != 0
        case .string(let value): return !value.isEmpty
        case .tuple(let values), .list(let values): return !values.isEmpty
        default: return true
        }
    }

    /// A tuple of strings, or None when empty, as `revision.tuple_rev_as_scalar` builds
    /// `down_revision`: one element gives the bare string.
    public static func scalarOrTuple(_ values: [String]) -> MakoValue {
        switch values.count {
        case 0: return .none
        case 1: return .string(values[0])
        default: return .tuple(values.map(MakoValue.string))
        }
    }

    /// Python's type name, for error messages.
    var typeName: String {
        switch self {
        case .none: return "NoneType"
        case .undefined: return "Undefined"
        case .bool: return "bool"
        case .int: return "int"
        case .string: return "str"
        case .tuple: return "tuple"
        case .list: return "list"
        case .dateTime: return "datetime.datetime"
        case .config: return "Config"
        case .function: return "builtin_function_or_method"
        case .module: return "module"
        case .method: return "method"
        case .context: return "Context"
        }
    }

    /// `str(value)`, or nil where Python's text would depend on memory addresses or raise.
    var pythonStr: String? {
        switch self {
        case .string(let value): return value
        case .dateTime(let value): return value.description
        default: return pythonRepr
        }
    }

    /// `repr(value)`, or nil where Python's text would depend on memory addresses or raise.
    var pythonRepr: String? {
        switch self {
        case .none: return "None"
        case .bool(let value): return value ? "True" : "False"
        case .int(let value): return String(value)
        case .string(let value): return PythonRepr.repr(value)
        case .tuple(let values):
            let parts = values.map(\.pythonRepr)
            guard !parts.contains(where: { $0 == nil }) else { return nil }
            let items = parts.compactMap { $0 }
            return items.count == 1 ? "(" + items[0] + ",)" : "(" + items.joined(separator: ", ") + ")"
        case .list(let values):
            let parts = values.map(\.pythonRepr)
            guard !parts.contains(where: { $0 == nil }) else { return nil }
            return "[" + parts.compactMap { $0 }.joined(separator: ", ") + "]"
        case .dateTime(let value): return value.reprDescription
        default: return nil
        }
    }

    /// Python `==` for the value types (callables and objects compare by identity: false).
    func pythonEquals(_ other: MakoValue) -> Bool {
        switch (self, other) {
        case (.none, .none), (.undefined, .undefined), (.context, .context): return true
        case (.bool(let a), .bool(let b)): return a == b
        case (.int(let a), .int(let b)): return a == b
        case (.bool(let a), .int(let b)), (.int(let b), .bool(let a)): return (a ? 1 : 0) == b
        case (.string(let a), .string(let b)): return a.unicodeScalars.elementsEqual(b.unicodeScalars)
        case (.tuple(let a), .tuple(let b)), (.list(let a), .list(let b)):
            return a.count == b.count && zip(a, b).allSatisfy { $0.pythonEquals($1) }
        case (.dateTime(let a), .dateTime(let b)): return a == b
        default: return false
        }
    }
}

/// The parts of alembic's `Config` a template can read: ini options by section.
public struct MakoConfig: Sendable, Hashable {
    /// `config.config_file_name`.
    public var fileName: String?
    /// `config.config_ini_section` (the `-n` name, default `alembic`).
    public var mainSection: String
    /// Interpolated option values by section name.
    public var sections: [String: [String: String]]

    /// Creates a configuration view.
    public init(fileName: String?, mainSection: String, sections: [String: [String: String]]) {
        self.fileName = fileName
        self.mainSection = mainSection
        self.sections = sections
    }
}
