import PythonSyntax

/// Reads the literal parts of operation arguments for the schema replay: strings (also inside
/// `op.f(...)`), booleans, lists of names, type expressions and server defaults.
enum ExpressionReader {
    /// A string literal, or `op.f('name')` / `f('name')` around one.
    static func string(_ e: Expr) -> String? {
        if let value = e.stringValue { return value }
        if case let .call(function, args, keywords) = e.kind, args.count == 1, keywords.isEmpty,
           let callee = function.dottedName, callee == "op.f" || callee == "f" || callee.hasSuffix(".conv") || callee == "conv" {
            return args[0].stringValue
        }
        return nil
    }

    /// `True` / `False`; nil for anything else.
    static func bool(_ e: Expr) -> Bool? {
        if case .constant(.bool(let value)) = e.kind { return value }
        return nil
    }

    /// The strings of a list or tuple (nil entries for elements that are not literals); a lone
    /// string is a one-element list.
    static func strings(_ e: Expr) -> [String?]? {
        switch e.kind {
        case let .list(elements), let .tuple(elements): return elements.map(string)
        case .constant(.string): return [string(e)]
        default: return nil
        }
    }

    /// The last component of a call's callee (`sa.Column(...)` → `Column`).
    static func calleeName(_ e: Expr) -> String? {
        guard case let .call(function, _, _) = e.kind, let dotted = function.dottedName else { return nil }
        return dotted.split(separator: ".").last.map(String.init)
    }

    /// Callables that appear among a column's arguments and are not types.
    private static let notTypes: Set<String> = [
        "Column", "ForeignKey", "Index", "UniqueConstraint", "PrimaryKeyConstraint", "ForeignKeyConstraint",
        "CheckConstraint", "Sequence", "Identity", "Computed", "text", "literal_column", "FetchedValue",
        "DefaultClause",
    ]

    /// The dotted class name of a type expression (`sa.String(50)` → `sa.String`,
    /// `sa.Integer` → `sa.Integer`, `postgresql.ARRAY(sa.Integer)` → `postgresql.ARRAY`); nil
    /// when `e` is not a capitalised name or a call of one.
    static func typeName(_ e: Expr) -> String? {
        var target = e
        if case let .call(function, _, _) = e.kind { target = function }
        guard let dotted = target.dottedName, let last = dotted.split(separator: ".").last,
              let first = last.utf8.first, first >= UInt8(ascii: "A"), first <= UInt8(ascii: "Z"),
              !notTypes.contains(String(last)) else { return nil }
        return dotted
    }

    /// `server_default=` as SQL text: a string literal is quoted (`'draft'`), `sa.text('now()')`
    /// gives its SQL, anything else its source text.
    static func serverDefault(_ e: Expr) -> String? {
        if case .constant(.none) = e.kind { return nil }
        if let value = e.stringValue { return "'" + value.replacingOccurrences(of: "'", with: "''") + "'" }
        if let callee = calleeName(e), callee == "text" || callee == "literal_column",
           case let .call(_, args, _) = e.kind, let sql = args.first?.stringValue {
            return sql
        }
        return e.text
    }
}
