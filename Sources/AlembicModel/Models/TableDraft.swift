import PythonSyntax

/// A table as its declaration lists it (columns and `__table_args__` / `Table(...)` items),
/// before naming conventions and foreign-key targets are applied.
struct TableDraft {
    enum Element {
        case index(name: String?, columns: [String?], unique: Bool, location: ModelLocation)
        case unique(name: String?, columns: [String])
        case primaryKey(name: String?, columns: [String])
        case foreignKey(name: String?, columns: [String], targets: [String])
    }

    var name: String
    var schema: String?
    var metadata: MetadataIdentity
    var location: ModelLocation
    var columns: [ColumnDeclaration] = []
    var elements: [Element] = []

    var qualifiedName: String { TableSchema.qualifiedName(name, schema: schema) }

    /// Reads a constraint or index construct (`Index(...)`, `UniqueConstraint(...)` …) of
    /// `__table_args__` or `Table(...)`; `attributes` maps class attribute names to column names.
    static func element(
        _ expr: Expr, attributes: [String: String], scope: ModuleScope, resolver: ModelResolver
    ) -> Element? {
        guard case let .call(function, args, keywords) = expr.kind else { return nil }
        let kind = resolver.evaluate(function, in: scope).sqlalchemyName
        func keyword(_ name: String) -> Expr? { keywords.first { $0.name?.name == name }?.value }
        let explicitName = keyword("name")?.stringValue
        func columnName(_ arg: Expr) -> String? {
            if let text = arg.stringValue { return text }
            if let name = arg.identifier, let column = attributes[name] { return column }
            switch resolver.evaluate(arg, in: scope) {
            case let .classAttribute(_, attribute): return attributes[attribute] ?? attribute
            case let .tableColumn(_, column): return column
            default: return nil
            }
        }
        switch kind {
        case "Index":
            guard let first = args.first else { return nil }
            let name = first.stringValue
            let unique = keyword("unique").flatMap(ColumnDeclaration.flag) ?? false
            return .index(name: name, columns: args.dropFirst().map(columnName), unique: unique,
                          location: ModelLocation(path: scope.module.path, range: expr.range))
        case "UniqueConstraint", "PrimaryKeyConstraint":
            let columns = args.compactMap(columnName)
            guard columns.count == args.count else {
                resolver.recordUnknown(scope.module.path, expr, "a constraint column that is not a name")
                return nil
            }
            return kind == "UniqueConstraint" ? .unique(name: explicitName, columns: columns) : .primaryKey(name: explicitName, columns: columns)
        case "ForeignKeyConstraint":
            guard args.count >= 2, let columns = Self.strings(args[0], columnName), let targets = Self.strings(args[1], { arg in
                if let text = arg.stringValue { return text }
                switch resolver.evaluate(arg, in: scope) {
                case let .tableColumn(table, column): return table + "." + column
                default: return nil
                }
            }) else {
                resolver.recordUnknown(scope.module.path, expr, "a ForeignKeyConstraint whose columns are not literal")
                return nil
            }
            return .foreignKey(name: explicitName, columns: columns, targets: targets)
        default:
            return nil
        }
    }

    private static func strings(_ expr: Expr, _ read: (Expr) -> String?) -> [String]? {
        guard case let .list(elts) = expr.kind else {
            if case let .tuple(elts) = expr.kind { return collect(elts, read) }
            return nil
        }
        return collect(elts, read)
    }

    private static func collect(_ elts: NodeList<Expr>, _ read: (Expr) -> String?) -> [String]? {
        var out: [String] = []
        for elt in elts {
            guard let value = read(elt) else { return nil }
            out.append(value)
        }
        return out
    }
}
