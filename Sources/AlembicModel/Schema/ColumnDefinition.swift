import PythonSyntax

/// What a `sa.Column(...)` in `create_table` / `add_column` declares, read from its literal
/// arguments.
struct ColumnDefinition: Hashable, Sendable {
    struct ForeignKey: Hashable, Sendable {
        var name: String?
        var table: String
        var schema: String?
        var column: String
    }

    /// Nil when the name is not a literal.
    var name: String?
    /// The type expression as written (`sa.String(length=50)`); empty when absent.
    var typeText: String
    var family: ColumnTypeFamily
    /// `nullable=` when passed as a literal.
    var nullable: Bool?
    var primaryKey: Bool
    /// The server default as SQL text.
    var serverDefault: String?
    var index: Bool
    var unique: Bool
    var foreignKeys: [ForeignKey]
    /// True when an argument could not be read (`**kwargs`, a non-literal `nullable=`).
    var hasUnknownArguments: Bool

    /// The column as the schema holds it (a primary key column is `NOT NULL`).
    func schema(name: String) -> ColumnSchema {
        ColumnSchema(
            name: name, type: typeText, family: family, nullable: primaryKey ? false : (nullable ?? true),
            defaultSQL: serverDefault)
    }

    /// Reads `sa.Column(...)` (any callee ending in `Column`); nil for another expression.
    static func read(_ e: Expr) -> ColumnDefinition? {
        guard case let .call(function, args, keywords) = e.kind, let callee = function.dottedName,
              callee == "Column" || callee.hasSuffix(".Column") else { return nil }
        var definition = ColumnDefinition(
            name: nil, typeText: "", family: .other, nullable: nil, primaryKey: false, serverDefault: nil, index: false,
            unique: false, foreignKeys: [], hasUnknownArguments: false)
        var positional = Array(args)
        if let first = positional.first, let name = ExpressionReader.string(first) {
            definition.name = name
            positional.removeFirst()
        } else if let first = positional.first, ExpressionReader.typeName(first) == nil, ExpressionReader.calleeName(first) != "ForeignKey" {
            // A name the reader cannot fold (a constant): skip it, the type follows.
            positional.removeFirst()
        }
        for argument in positional {
            if case .starred = argument.kind { definition.hasUnknownArguments = true; continue }
            if ExpressionReader.calleeName(argument) == "ForeignKey" {
                if let fk = foreignKey(argument) { definition.foreignKeys.append(fk) } else { definition.hasUnknownArguments = true }
            } else if definition.typeText.isEmpty, let type = ExpressionReader.typeName(argument) {
                definition.typeText = argument.text
                definition.family = ColumnTypeFamily(sqlalchemyType: type)
            }
        }
        for keyword in keywords {
            guard let key = keyword.name?.name else { definition.hasUnknownArguments = true; continue }
            let value = keyword.value
            switch key {
            case "name": definition.name = ExpressionReader.string(value) ?? definition.name
            case "type_":
                if let type = ExpressionReader.typeName(value) {
                    definition.typeText = value.text
                    definition.family = ColumnTypeFamily(sqlalchemyType: type)
                }
            case "nullable":
                definition.nullable = ExpressionReader.bool(value)
                if definition.nullable == nil { definition.hasUnknownArguments = true }
            case "primary_key": definition.primaryKey = ExpressionReader.bool(value) ?? false
            case "index": definition.index = ExpressionReader.bool(value) ?? false
            case "unique": definition.unique = ExpressionReader.bool(value) ?? false
            case "server_default": definition.serverDefault = ExpressionReader.serverDefault(value)
            default: continue
            }
        }
        return definition
    }

    /// `sa.ForeignKey('table.column', name=...)` (or `'schema.table.column'`).
    static func foreignKey(_ e: Expr) -> ForeignKey? {
        guard case let .call(_, args, keywords) = e.kind, let target = args.first.flatMap(ExpressionReader.string) else { return nil }
        let parts = target.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        guard parts.count >= 2, let column = parts.last else { return nil }
        let table = parts[parts.count - 2]
        let schema = parts.count > 2 ? parts.dropLast(2).joined(separator: ".") : nil
        let name = keywords.first { $0.name?.name == "name" }.flatMap { ExpressionReader.string($0.value) }
        return ForeignKey(name: name, table: table, schema: schema, column: column)
    }
}
