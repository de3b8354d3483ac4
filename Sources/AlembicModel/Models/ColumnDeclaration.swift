import PythonSyntax

/// One column as a model declares it (`Column(...)`, `mapped_column(...)`, or a bare
/// `Mapped[...]` annotation), before the table's constraints are assembled.
struct ColumnDeclaration {
    /// What a foreign key points at.
    enum Target {
        /// `"table.column"` or `"schema.table.column"`.
        case text(String)
        /// `User.id`.
        case classAttribute(ClassReference, String)
        /// `users.c.id`.
        case tableColumn(String, String)
    }

    var attribute: String
    var name: String
    /// The type as written (`String(255)`), or inferred from the annotation; nil when unknown.
    var type: String?
    var family: ColumnTypeFamily = .other
    var nullable = true
    /// True when `nullable=` is given: a `PrimaryKeyConstraint` then leaves it alone.
    var nullableIsExplicit = false
    var primaryKey = false
    var unique = false
    var index = false
    var foreignKeys: [(target: Target, name: String?)] = []
    var serverDefault: String?
    var location: ModelLocation

    /// Reads a `Column(...)`/`mapped_column(...)` call (`call` nil: a bare annotation).
    /// `annotation` is the `Mapped[...]` annotation, when there is one.
    static func read(
        attribute: String?, call: Expr?, annotation: Expr?, location: ModelLocation, scope: ModuleScope, resolver: ModelResolver
    ) -> ColumnDeclaration? {
        var column = ColumnDeclaration(attribute: attribute ?? "", name: attribute ?? "", location: location)
        let mapped = annotation.flatMap { mappedType($0, scope: scope, resolver: resolver) }
        if let mapped {
            if mapped.isRelationship { return nil }
            column.type = mapped.typeName
            column.family = mapped.typeName.flatMap(SQLAlchemyTypes.family(of:)) ?? .other
        }
        var explicitNullable: Bool?
        if let call, case let .call(_, args, keywords) = call.kind {
            for (position, arg) in args.enumerated() {
                if position == 0, let name = arg.stringValue {
                    column.name = name
                    continue
                }
                column.readPositional(arg, scope: scope, resolver: resolver)
            }
            for keyword in keywords {
                guard let key = keyword.name?.name else { continue }
                let value = keyword.value
                switch key {
                case "name": if let name = value.stringValue { column.name = name }
                case "type_": column.readType(value, scope: scope, resolver: resolver)
                case "primary_key": column.primaryKey = flag(value) ?? false
                case "unique": column.unique = flag(value) ?? false
                case "index": column.index = flag(value) ?? false
                case "nullable":
                    explicitNullable = flag(value)
                    if explicitNullable == nil, case .constant(.none) = value.kind {} else if explicitNullable == nil {
                        resolver.recordUnknown(scope.module.path, value, "nullable is not a literal True or False")
                    }
                case "server_default": column.serverDefault = serverDefault(value)
                default: break
                }
            }
        } else if mapped == nil {
            return nil
        }
        if column.name.isEmpty { return nil }
        if let explicitNullable {
            column.nullable = explicitNullable
            column.nullableIsExplicit = true
        } else if column.primaryKey {
            column.nullable = false
        } else if let mapped {
            column.nullable = mapped.optional
        } else {
            column.nullable = true
        }
        return column
    }

    private mutating func readPositional(_ arg: Expr, scope: ModuleScope, resolver: ModelResolver) {
        let function: Expr
        if case let .call(callee, _, _) = arg.kind { function = callee } else { function = arg }
        let value = resolver.evaluate(function, in: scope)
        if value.sqlalchemyName == "ForeignKey" {
            if let key = Self.foreignKey(arg, scope: scope, resolver: resolver) { foreignKeys.append(key) }
            return
        }
        if let name = value.sqlalchemyName, SQLAlchemyTypes.columnArguments.contains(name) { return }
        readType(arg, scope: scope, resolver: resolver)
    }

    /// A type argument (`String(50)`, `sa.Integer`, `Enum(MyEnum)`, a workspace `TypeDecorator`).
    private mutating func readType(_ arg: Expr, scope: ModuleScope, resolver: ModelResolver) {
        var function = arg
        var arguments = ""
        if case let .call(callee, _, _) = arg.kind {
            function = callee
            let text = arg.text
            if let open = text.firstIndex(of: "(") { arguments = String(text[open...]) }
        }
        let value = resolver.evaluate(function, in: scope)
        let name = value.sqlalchemyName ?? function.dottedName.flatMap { $0.split(separator: ".").last.map(String.init) } ?? function.text
        type = name + arguments
        family = value.sqlalchemyName.flatMap(SQLAlchemyTypes.family(of:)) ?? .other
    }

    /// `ForeignKey("users.id", name=...)`.
    static func foreignKey(_ call: Expr, scope: ModuleScope, resolver: ModelResolver) -> (target: Target, name: String?)? {
        guard case let .call(_, args, keywords) = call.kind, let first = args.first else { return nil }
        let name = keywords.first { $0.name?.name == "name" }?.value.stringValue
        if let text = first.stringValue { return (.text(text), name) }
        switch resolver.evaluate(first, in: scope) {
        case let .classAttribute(reference, attribute): return (.classAttribute(reference, attribute), name)
        case let .tableColumn(table, column): return (.tableColumn(table, column), name)
        default:
            resolver.recordUnknown(scope.module.path, first, "foreign key target is not a string, a class attribute or a table column")
            return nil
        }
    }

    static func flag(_ expr: Expr) -> Bool? {
        if case let .constant(.bool(value)) = expr.kind { return value }
        return nil
    }

    /// The server default as SQL text: a string literal quoted, `text("…")` its SQL, anything
    /// else (`func.now()`) its source text.
    static func serverDefault(_ expr: Expr) -> String? {
        if let text = expr.stringValue { return "'" + text.replacingOccurrences(of: "'", with: "''") + "'" }
        if case let .call(function, args, _) = expr.kind, function.dottedName?.hasSuffix("text") == true, let sql = args.first?.stringValue {
            return sql
        }
        return expr.text
    }

    /// The inside of `Mapped[...]`.
    struct MappedType {
        var typeName: String?
        var optional: Bool
        var isRelationship: Bool
    }

    /// Reads a `Mapped[X]` annotation (`Optional[X]`, `X | None`, string annotations). Nil when
    /// the annotation is not `Mapped[...]`.
    static func mappedType(_ annotation: Expr, scope: ModuleScope, resolver: ModelResolver) -> MappedType? {
        var annotation = annotation
        if let text = annotation.stringValue, let parsed = parseAnnotation(text) { annotation = parsed }
        guard case let .subscript(value, slice) = annotation.kind,
              let head = value.dottedName?.split(separator: ".").last, head == "Mapped" else { return nil }
        return inner(slice, scope: scope, resolver: resolver)
    }

    private static func inner(_ expr: Expr, scope: ModuleScope, resolver: ModelResolver) -> MappedType {
        var expr = expr
        if let text = expr.stringValue, let parsed = parseAnnotation(text) {
            // A string annotation is evaluated in the module: parse it, resolve names syntactically.
            expr = parsed
        }
        var optional = false
        var candidates: [Expr] = [expr]
        switch expr.kind {
        case let .binOp(left, .bitOr, right):
            candidates = flattenUnion(left) + flattenUnion(right)
        case let .subscript(head, slice) where head.dottedName?.split(separator: ".").last == "Optional":
            optional = true
            candidates = [slice]
        case let .subscript(head, slice) where head.dottedName?.split(separator: ".").last == "Union":
            if case let .tuple(elts) = slice.kind { candidates = Array(elts) } else { candidates = [slice] }
        default:
            break
        }
        var remaining: [Expr] = []
        for candidate in candidates {
            if case .constant(.none) = candidate.kind { optional = true } else if candidate.identifier == "None" {
                optional = true
            } else {
                remaining.append(candidate)
            }
        }
        guard remaining.count == 1, let only = remaining.first else {
            return MappedType(typeName: nil, optional: optional, isRelationship: false)
        }
        if case .subscript = only.kind { return MappedType(typeName: nil, optional: optional, isRelationship: true) }
        if only.stringValue != nil { return MappedType(typeName: nil, optional: optional, isRelationship: true) }
        let last = only.dottedName.flatMap { $0.split(separator: ".").last.map(String.init) }
        switch resolver.evaluate(only, in: scope) {
        case let .classDef(reference):
            let info = resolver.classInfo(reference)
            if info.isEnum { return MappedType(typeName: "Enum", optional: optional, isRelationship: false) }
            return MappedType(typeName: nil, optional: optional, isRelationship: info.metadata != nil)
        case let .external(qualified):
            if let name = qualified.split(separator: ".").last.map(String.init), let type = SQLAlchemyTypes.typeName(forAnnotation: name) {
                return MappedType(typeName: type, optional: optional, isRelationship: false)
            }
        default:
            break
        }
        if let last, let type = SQLAlchemyTypes.typeName(forAnnotation: last) {
            return MappedType(typeName: type, optional: optional, isRelationship: false)
        }
        return MappedType(typeName: nil, optional: optional, isRelationship: false)
    }

    private static func flattenUnion(_ expr: Expr) -> [Expr] {
        if case let .binOp(left, .bitOr, right) = expr.kind { return flattenUnion(left) + flattenUnion(right) }
        return [expr]
    }

    /// Parses the text of a string annotation as an expression.
    static func parseAnnotation(_ text: String) -> Expr? {
        let parsed = parseModule(Array(("(" + text + ")\n").utf8))
        guard parsed.errors.isEmpty, let first = parsed.body.first, case let .expr(expr) = first.kind else { return nil }
        return expr
    }
}
