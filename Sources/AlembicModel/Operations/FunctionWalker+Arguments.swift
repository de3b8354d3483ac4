import PythonSyntax
import TextCore

/// Reading an operation's bound arguments into a ``MigrationOperation``.
extension FunctionWalker {
    func fill(_ operation: inout MigrationOperation, _ bound: BoundArguments) {
        operation.schema = name(bound["schema"] ?? bound["source_schema"])
        switch operation.kind {
        case .createTable:
            operation.table = name(bound["table_name"])
            for argument in bound.variadic {
                if let column = columnDefinition(argument) {
                    if let columnName = column.name { operation.columns.append(columnName) }
                    operation.implicitObjects += column.implicit
                } else if let object = tableConstraint(argument) {
                    operation.implicitObjects.append(object)
                }
            }
        case .dropTable, .createTableComment, .dropTableComment:
            operation.table = name(bound["table_name"])
        case .renameTable:
            operation.table = name(bound["old_table_name"])
            operation.newName = name(bound["new_table_name"])
        case .addColumn:
            operation.table = name(bound["table_name"])
            if let argument = bound["column"], let column = columnDefinition(argument) {
                operation.column = column.name
                operation.implicitObjects = column.implicit
                operation.columnSpec = column.spec
            } else {
                operation.column = bound["column"].map { OperationName(value: nil, range: $0.range) }
            }
        case .dropColumn:
            operation.table = name(bound["table_name"])
            operation.column = name(bound["column_name"])
        case .alterColumn:
            operation.table = name(bound["table_name"])
            operation.column = name(bound["column_name"])
            operation.newName = name(bound["new_column_name"])
        case .createIndex:
            operation.table = name(bound["table_name"])
            operation.objectName = name(bound["index_name"])
            operation.columns = names(bound["columns"])
            operation.isUnique = bound["unique"].map(Self.isTrue) ?? false
        case .dropIndex:
            operation.table = name(bound["table_name"])
            operation.objectName = name(bound["index_name"])
        case .createUniqueConstraint, .createPrimaryKey:
            operation.table = name(bound["table_name"])
            operation.objectName = name(bound["constraint_name"])
            operation.columns = names(bound["columns"])
        case .createCheckConstraint, .createExcludeConstraint:
            operation.table = name(bound["table_name"])
            operation.objectName = name(bound["constraint_name"])
        case .createForeignKey:
            operation.table = name(bound["source_table"])
            operation.objectName = name(bound["constraint_name"])
            operation.referentTable = name(bound["referent_table"])
            operation.columns = names(bound["local_cols"])
        case .dropConstraint:
            operation.table = name(bound["table_name"])
            operation.objectName = name(bound["constraint_name"])
            operation.constraintType = bound["type_"].flatMap { analyzer.string($0, scope: scope) }
        case .bulkInsert:
            operation.table = bound["table"].map(tableOfClause)
        case .execute:
            operation.sql = bound["sqltext"].flatMap(sqlText)
        case .batchAlterTable, .other:
            break
        }
        for flag in [NativeExistenceFlag.Name.ifExists, .ifNotExists] {
            guard let keyword = bound.nativeFlag(flag) else { continue }
            operation.nativeFlag = NativeExistenceFlag(name: flag, value: Self.literalBool(keyword.value), range: keyword.range)
        }
    }

    /// The name an argument denotes; nil for an absent argument or `None`.
    func name(_ e: Expr?) -> OperationName? {
        guard let e else { return nil }
        if case .constant(.none) = e.kind { return nil }
        if case let .call(function, args, keywords) = e.kind, args.count == 1, keywords.isEmpty,
           let callee = function.dottedName, callee == "op.f" || callee == "f" {
            let inner = args[0]
            return OperationName(value: analyzer.string(inner, scope: scope), range: inner.range, isConventionExempt: true)
        }
        return OperationName(value: analyzer.string(e, scope: scope), range: e.range)
    }

    /// The names of a list or tuple argument (a lone string counts as one name).
    func names(_ e: Expr?) -> [OperationName] {
        guard let e else { return [] }
        switch e.kind {
        case let .list(elements), let .tuple(elements):
            return elements.compactMap { element in
                analyzer.string(element, scope: scope).map { OperationName(value: $0, range: element.range) }
            }
        case .constant(.string):
            return name(e).map { [$0] } ?? []
        default:
            return []
        }
    }

    /// The last component of a call's callee (`sa.Column` → `Column`), when the callee is a
    /// plain dotted name.
    static func calleeName(_ e: Expr) -> String? {
        guard case let .call(function, _, _) = e.kind else { return nil }
        switch function.kind {
        case let .name(identifier): return identifier.name
        case let .attribute(value, attr): return isDotted(value) ? attr.name : nil
        default: return nil
        }
    }

    private static func isDotted(_ e: Expr) -> Bool {
        var current = e
        while true {
            switch current.kind {
            case .name: return true
            case let .attribute(value, _): current = value
            default: return false
            }
        }
    }

    /// `sa.Column('name', type, sa.ForeignKey('t.id'), index=True, unique=True, nullable=False)`.
    func columnDefinition(_ e: Expr) -> (name: OperationName?, implicit: [ImplicitObject], spec: ColumnSpec)? {
        guard Self.calleeName(e) == "Column", case let .call(_, args, keywords) = e.kind else { return nil }
        var nameKeyword: Expr?
        var index: Keyword?
        var unique: Keyword?
        var spec = ColumnSpec()
        for keyword in keywords {
            guard let key = keyword.name?.name else { continue }
            switch key {
            case "name": nameKeyword = keyword.value
            case "index": if Self.isTrue(keyword.value) { index = keyword }
            case "unique": if Self.isTrue(keyword.value) { unique = keyword }
            case "nullable":
                spec.nullable = Self.literalBool(keyword.value)
                if spec.nullable == false { spec.notNullRange = keyword.range }
            case "primary_key":
                spec.isPrimaryKey = Self.isTrue(keyword.value)
                if spec.isPrimaryKey, spec.notNullRange == nil { spec.notNullRange = keyword.range }
            case "server_default":
                spec.hasServerDefault = !Self.isNone(keyword.value)
            default: break
            }
        }
        var columnName: OperationName?
        if let first = args.first, analyzer.string(first, scope: scope) != nil {
            columnName = name(first)
        } else if let nameKeyword {
            columnName = name(nameKeyword)
        }
        let columns = columnName?.value.map { [$0] } ?? []
        var implicit: [ImplicitObject] = []
        for argument in args where Self.calleeName(argument) == "ForeignKey" {
            guard case let .call(_, fkArgs, fkKeywords) = argument.kind else { continue }
            implicit.append(ImplicitObject(
                kind: .foreignKey, name: keywordName(fkKeywords, "name"), columns: columns,
                referent: fkArgs.first.flatMap { analyzer.string($0, scope: scope) }, range: argument.range))
        }
        if let index {
            implicit.append(ImplicitObject(kind: unique == nil ? .index : .uniqueIndex, name: nil, columns: columns, referent: nil, range: index.range))
        } else if let unique {
            implicit.append(ImplicitObject(kind: .uniqueConstraint, name: nil, columns: columns, referent: nil, range: unique.range))
        }
        return (columnName, implicit, spec)
    }

    /// `sa.Index`, `sa.UniqueConstraint`, `sa.ForeignKeyConstraint`, `sa.PrimaryKeyConstraint`,
    /// `sa.CheckConstraint` arguments of `create_table`.
    func tableConstraint(_ e: Expr) -> ImplicitObject? {
        guard let callee = Self.calleeName(e), case let .call(_, args, keywords) = e.kind else { return nil }
        let strings = args.compactMap { analyzer.string($0, scope: scope) }
        switch callee {
        case "Index":
            let unique = keywords.contains { $0.name?.name == "unique" && Self.isTrue($0.value) }
            return ImplicitObject(
                kind: unique ? .uniqueIndex : .index, name: args.first.flatMap(name), columns: Array(strings.dropFirst()),
                referent: nil, range: e.range)
        case "UniqueConstraint":
            return ImplicitObject(kind: .uniqueConstraint, name: keywordName(keywords, "name"), columns: strings, referent: nil, range: e.range)
        case "PrimaryKeyConstraint":
            return ImplicitObject(kind: .primaryKey, name: keywordName(keywords, "name"), columns: strings, referent: nil, range: e.range)
        case "CheckConstraint":
            return ImplicitObject(kind: .checkConstraint, name: keywordName(keywords, "name"), columns: [], referent: nil, range: e.range)
        case "ForeignKeyConstraint":
            let local = args.first.map { names($0).compactMap(\.value) } ?? []
            let remote = args.count > 1 ? names(args[1]).compactMap(\.value) : []
            return ImplicitObject(
                kind: .foreignKey, name: keywordName(keywords, "name"), columns: local,
                referent: remote.first.map { String($0.split(separator: ".").first ?? Substring($0)) }, range: e.range)
        default:
            return nil
        }
    }

    private func keywordName(_ keywords: NodeList<Keyword>, _ key: String) -> OperationName? {
        name(keywords.first { $0.name?.name == key }?.value)
    }

    /// The table of `bulk_insert`'s first argument: `sa.table('t', ...)`, or a variable bound
    /// to such a call or to `op.create_table('t', ...)`.
    func tableOfClause(_ e: Expr) -> OperationName {
        var current = e
        var currentScope = scope
        for _ in 0 ..< 8 {
            if case let .name(identifier) = current.kind, let bound = currentScope.lookup(identifier.name, before: current.range.start) {
                current = bound.value
                currentScope = bound.scope
                continue
            }
            break
        }
        if let callee = Self.calleeName(current), ["table", "Table", "create_table"].contains(callee),
           case let .call(_, args, _) = current.kind, let first = args.first,
           let value = analyzer.string(first, scope: currentScope) {
            return OperationName(value: value, range: e.range)
        }
        return OperationName(value: nil, range: e.range)
    }

    /// The SQL of `execute`'s argument: a literal, or `sa.text(literal)`.
    func sqlText(_ e: Expr) -> String? {
        if let text = analyzer.string(e, scope: scope) { return text }
        if Self.calleeName(e) == "text", case let .call(_, args, _) = e.kind, let first = args.first {
            return analyzer.string(first, scope: scope)
        }
        return nil
    }

    static func isTrue(_ e: Expr) -> Bool { literalBool(e) == true }

    static func isNone(_ e: Expr) -> Bool {
        if case .constant(.none) = e.kind { return true }
        return false
    }

    /// `True` → true; `False` and `None` → false; anything else → nil.
    static func literalBool(_ e: Expr) -> Bool? {
        switch e.kind {
        case .constant(.bool(let value)): value
        case .constant(.none): false
        default: nil
        }
    }
}
