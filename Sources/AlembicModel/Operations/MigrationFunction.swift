import PythonSyntax
import TextCore

/// A top-level `upgrade()` / `downgrade()` (or multi-database `upgrade_<name>()` /
/// `downgrade_<name>()`) function of a migration, and what its body amounts to.
public struct MigrationFunction: Hashable, Sendable {
    /// What the body does, read from its statements alone.
    public enum Body: Hashable, Sendable {
        /// Only `pass`, `...` and string literals (docstrings).
        case empty
        /// Only `raise` statements besides those of ``empty`` (an irreversible migration).
        case onlyRaises
        /// Anything else.
        case statements
    }

    /// `upgrade`, `downgrade`, `upgrade_engine1`, …
    public var name: String
    /// The function's name in its `def`.
    public var nameRange: ByteRange
    public var body: Body

    public init(name: String, nameRange: ByteRange, body: Body) {
        self.name = name
        self.nameRange = nameRange
        self.body = body
    }

    /// True for `upgrade` and `upgrade_<name>`.
    public var isUpgrade: Bool { name == "upgrade" || name.hasPrefix("upgrade_") }

    /// The name of the function that undoes this one (`upgrade_x` ↔ `downgrade_x`).
    public var counterpartName: String {
        if name.hasPrefix("upgrade") { return "downgrade" + name.dropFirst("upgrade".count) }
        return "upgrade" + name.dropFirst("downgrade".count)
    }

    /// The migration functions of `parsed`, in source order (a later `def` of the same name
    /// replaces an earlier one, as in Python).
    public static func all(in parsed: ParsedModule) -> [MigrationFunction] {
        var out: [MigrationFunction] = []
        for statement in parsed.body {
            guard case let .functionDef(function) = statement.kind else { continue }
            let name = function.name.name
            guard OperationExtractor.isMigrationFunction(name) else { continue }
            out.removeAll { $0.name == name }
            out.append(MigrationFunction(name: name, nameRange: function.nameRange, body: body(of: function.body)))
        }
        return out
    }

    private static func body(of statements: NodeList<Stmt>) -> Body {
        var raises = false
        for statement in statements {
            switch statement.kind {
            case .pass: continue
            case let .expr(value):
                switch value.kind {
                case .constant(.string), .constant(.ellipsis): continue
                default: return .statements
                }
            case .raise: raises = true
            default: return .statements
            }
        }
        return raises ? .onlyRaises : .empty
    }
}
