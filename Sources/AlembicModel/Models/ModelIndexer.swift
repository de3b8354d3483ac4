import PythonSyntax

/// Reads the declarative classes and `Table(...)` statements of a set of workspace modules
/// into tables per metadata object.
final class ModelIndexer {
    let resolver: ModelResolver
    private(set) var drafts: [TableDraft] = []
    private(set) var classes: [MappedClass] = []
    /// Draft index of each mapped class's table (nil: not known).
    private var classTables: [ClassReference: Int?] = [:]
    /// Column declarations of each class body, memoized.
    private var declarations: [ClassReference: ClassBody] = [:]
    private var indexedModules: Set<String> = []
    /// Module-level `Index(...)` statements, attached once every table is known.
    private var looseIndexes: [(Expr, ModuleScope)] = []

    init(resolver: ModelResolver) {
        self.resolver = resolver
    }

    /// What a class body declares.
    struct ClassBody {
        var tableName: String?
        /// True when `__tablename__` is declared but not readable.
        var tableNameUnknown = false
        var tableArgs: Expr?
        var table: Expr?
        var columns: [ColumnDeclaration] = []
    }

    /// Indexes the module at `path` (once).
    func index(modulePath path: String) {
        guard indexedModules.insert(path).inserted, let scope = resolver.scope(path: path) else { return }
        visit(Array(scope.module.parsed.body), scope: scope)
    }

    private func visit(_ statements: [Stmt], scope: ModuleScope) {
        for stmt in statements {
            switch stmt.kind {
            case let .classDef(node):
                _ = table(of: ClassReference(path: scope.module.path, node: node))
            case let .assign(_, value), let .expr(value):
                tableStatement(value, scope: scope)
            case let .annAssign(_, _, value?, _):
                tableStatement(value, scope: scope)
            case let .if(_, body, orelse):
                visit(Array(body) + Array(orelse), scope: scope)
            case let .try(body, _, orelse, finalbody, _):
                visit(Array(body) + Array(orelse) + Array(finalbody), scope: scope)
            default:
                break
            }
        }
    }

    /// `Table("name", metadata, Column(...), …)` or a module-level `Index(...)`.
    private func tableStatement(_ value: Expr, scope: ModuleScope) {
        guard case let .call(function, args, keywords) = value.kind else { return }
        var metadata: MetadataIdentity?
        var items = Array(args.dropFirst())
        if case let .attribute(receiver, attr) = function.kind, attr.name == "Table",
           case let .flaskDatabase(id) = resolver.evaluate(receiver, in: scope) {
            metadata = id
        } else {
            let kind = resolver.evaluate(function, in: scope).sqlalchemyName
            if kind == "Index" {
                looseIndexes.append((value, scope))
                return
            }
            guard kind == "Table" else { return }
            guard let second = args.dropFirst().first else { return }
            metadata = resolver.evaluate(second, in: scope).metadataIdentity
            items = Array(args.dropFirst(2))
            if metadata == nil {
                resolver.recordUnknown(scope.module.path, second, "the metadata of this Table cannot be followed")
                return
            }
        }
        guard let metadata, let name = args.first?.stringValue else {
            resolver.recordUnknown(scope.module.path, value, "a Table whose name is not a literal")
            return
        }
        let location = ModelLocation(path: scope.module.path, range: args.first?.range ?? value.range)
        var draft = TableDraft(name: name, schema: keywords.first { $0.name?.name == "schema" }?.value.stringValue,
                               metadata: metadata, location: location)
        for item in items {
            guard case let .call(callee, _, _) = item.kind else { continue }
            let kind = resolver.evaluate(callee, in: scope).sqlalchemyName
            if kind == "Column" {
                if let column = ColumnDeclaration.read(
                    attribute: nil, call: item, annotation: nil,
                    location: ModelLocation(path: scope.module.path, range: item.range), scope: scope, resolver: resolver) {
                    var column = column
                    if case let .call(_, columnArgs, _) = item.kind, let first = columnArgs.first, first.stringValue != nil {
                        column.location = ModelLocation(path: scope.module.path, range: first.range)
                    }
                    draft.columns.append(column)
                }
            } else if let element = TableDraft.element(item, attributes: [:], scope: scope, resolver: resolver) {
                draft.elements.append(element)
            }
        }
        drafts.append(draft)
    }

    /// The draft index of a mapped class's table, indexing the class on first call.
    @discardableResult
    func table(of reference: ClassReference) -> Int? {
        if let known = classTables[reference] { return known }
        classTables[reference] = .some(nil)
        let result = indexClass(reference)
        classTables[reference] = result
        return result
    }

    private func indexClass(_ reference: ClassReference) -> Int? {
        let info = resolver.classInfo(reference)
        guard info.kind == .mapped, let metadata = info.metadata, let scope = resolver.scope(path: reference.path) else { return nil }
        let body = self.body(of: reference)
        let location = ModelLocation(path: reference.path, range: reference.node.name.range)
        let ancestors = unmappedAncestors(reference)
        let parent = mappedParent(reference)
        var tableName = body.tableName
        var unknownName = body.tableNameUnknown
        if tableName == nil, !unknownName, body.table == nil, parent == nil {
            for ancestor in ancestors {
                let ancestorBody = self.body(of: ancestor)
                if ancestorBody.tableNameUnknown { unknownName = true; break }
                if let name = ancestorBody.tableName { tableName = name; break }
            }
            if tableName == nil, !unknownName, info.flaskNaming { tableName = Self.snakeCase(reference.name) }
        }
        if unknownName {
            resolver.recordUnknown(reference.path, reference.node.name, "the table name of \(reference.name) is computed")
            classes.append(MappedClass(name: reference.name, module: scope.module.name, location: location, metadata: metadata, table: nil))
            return nil
        }
        // Columns: the class's own, then those of its mixins and abstract bases.
        var columns = body.columns
        var seen = Set(columns.map(\.attribute))
        for ancestor in ancestors {
            for column in self.body(of: ancestor).columns where seen.insert(column.attribute).inserted {
                columns.append(column)
            }
        }
        if let tableExpr = body.table {
            let before = drafts.count
            tableStatement(tableExpr, scope: scope)
            let index = drafts.count > before ? drafts.count - 1 : nil
            classes.append(MappedClass(name: reference.name, module: scope.module.name, location: location, metadata: metadata,
                                       table: index.map { drafts[$0].qualifiedName }))
            return index
        }
        guard let tableName else {
            if let parent, let parentIndex = table(of: parent) {
                // Single-table inheritance: the columns go to the parent's table.
                let inherited = Set(drafts[parentIndex].columns.map(\.name))
                drafts[parentIndex].columns += body.columns.filter { !inherited.contains($0.name) }
                classes.append(MappedClass(name: reference.name, module: scope.module.name, location: location, metadata: metadata,
                                           table: drafts[parentIndex].qualifiedName, isSingleTableSubclass: true))
                return parentIndex
            }
            resolver.recordUnknown(reference.path, reference.node.name, "\(reference.name) has no __tablename__")
            classes.append(MappedClass(name: reference.name, module: scope.module.name, location: location, metadata: metadata, table: nil))
            return nil
        }
        var draft = TableDraft(name: tableName, metadata: metadata, location: location, columns: columns)
        let attributes = Dictionary(columns.map { ($0.attribute, $0.name) }, uniquingKeysWith: { first, _ in first })
        let argsExpr = body.tableArgs ?? ancestors.lazy.compactMap { self.body(of: $0).tableArgs }.first
        if let argsExpr { readTableArgs(argsExpr, into: &draft, attributes: attributes, scope: scope) }
        drafts.append(draft)
        classes.append(MappedClass(name: reference.name, module: scope.module.name, location: location, metadata: metadata,
                                   table: draft.qualifiedName))
        return drafts.count - 1
    }

    private func readTableArgs(_ expr: Expr, into draft: inout TableDraft, attributes: [String: String], scope: ModuleScope) {
        var items: [Expr] = []
        switch expr.kind {
        case let .tuple(elts), let .list(elts): items = Array(elts)
        case .dict: items = [expr]
        default:
            resolver.recordUnknown(scope.module.path, expr, "__table_args__ is not a literal tuple or dict")
            return
        }
        for item in items {
            if case let .dict(keys, values) = item.kind {
                for (key, value) in zip(keys, values) where key?.stringValue == "schema" {
                    draft.schema = value.stringValue
                }
            } else if let element = TableDraft.element(item, attributes: attributes, scope: scope, resolver: resolver) {
                draft.elements.append(element)
            }
        }
    }

    /// The first mapped class among the bases (depth first), if any.
    private func mappedParent(_ reference: ClassReference, depth: Int = 0) -> ClassReference? {
        // Depth-limited: class statements can form cycles (`class A(B)`, `class B(A)`).
        guard depth < 32 else { return nil }
        for base in resolver.classInfo(reference).workspaceBases {
            if resolver.classInfo(base).kind == .mapped { return base }
            if let found = mappedParent(base, depth: depth + 1) { return found }
        }
        return nil
    }

    /// Bases whose columns are copied into the class's table: mixins, abstract classes and the
    /// declarative base's own body, in method resolution order (depth first), stopping at
    /// mapped classes.
    private func unmappedAncestors(_ reference: ClassReference) -> [ClassReference] {
        var out: [ClassReference] = []
        var seen: Set<ClassReference> = [reference]
        func walk(_ current: ClassReference, depth: Int) {
            guard depth < 32 else { return }
            for base in resolver.classInfo(current).workspaceBases where resolver.classInfo(base).kind != .mapped {
                guard seen.insert(base).inserted else { continue }
                out.append(base)
                walk(base, depth: depth + 1)
            }
        }
        walk(reference, depth: 0)
        return out
    }

    /// The declarations of a class body.
    func body(of reference: ClassReference) -> ClassBody {
        if let known = declarations[reference] { return known }
        var body = ClassBody()
        guard let scope = resolver.scope(path: reference.path) else { return body }
        for stmt in reference.node.body {
            switch stmt.kind {
            case let .assign(targets, value):
                guard targets.count == 1, let target = targets.first, let name = target.identifier else { continue }
                read(name, target: target, annotation: nil, value: value, into: &body, scope: scope)
            case let .annAssign(target, annotation, value, _):
                guard let name = target.identifier else { continue }
                read(name, target: target, annotation: annotation, value: value, into: &body, scope: scope)
            case let .functionDef(function):
                readDeclaredAttribute(function, into: &body, scope: scope)
            default:
                break
            }
        }
        declarations[reference] = body
        return body
    }

    private static let nonColumnConstructs: Set<String> = [
        "relationship", "synonym", "composite", "association_proxy", "query_expression", "dynamic_loader", "backref",
        "deferred", "column_property", "hybrid_property", "WriteOnlyMapped", "object_session",
    ]

    private func read(_ name: String, target: Expr, annotation: Expr?, value: Expr?, into body: inout ClassBody, scope: ModuleScope) {
        let path = scope.module.path
        switch name {
        case "__tablename__":
            if let value, let text = value.stringValue { body.tableName = text } else { body.tableNameUnknown = true }
            return
        case "__table_args__": body.tableArgs = value; return
        case "__table__": body.table = value; return
        case _ where name.hasPrefix("__") && name.hasSuffix("__"): return
        default: break
        }
        let location = ModelLocation(path: path, range: target.range)
        guard let value else {
            if let annotation, let column = ColumnDeclaration.read(
                attribute: name, call: nil, annotation: annotation, location: location, scope: scope, resolver: resolver) {
                if column.type == nil { resolver.recordUnknown(path, annotation, "the column type of \(name) is not known") }
                body.columns.append(column)
            }
            return
        }
        guard case let .call(function, args, _) = value.kind else { return }
        let kind = resolver.evaluate(function, in: scope).sqlalchemyName
        var call: Expr? = value
        if kind == "deferred" || kind == "column_property" {
            call = args.first.flatMap { arg in
                guard case let .call(inner, _, _) = arg.kind, resolver.evaluate(inner, in: scope).sqlalchemyName == "Column" else { return nil }
                return arg
            }
            if call == nil { return }
        } else if kind != "Column" && kind != "mapped_column" {
            let isMapped = annotation.flatMap { ColumnDeclaration.mappedType($0, scope: scope, resolver: resolver) } != nil
            if isMapped, !(kind.map(Self.nonColumnConstructs.contains) ?? false) {
                resolver.recordUnknown(path, value, "\(name) is Mapped but not built by mapped_column()")
            }
            return
        }
        // Only mapped_column() reads nullability and type from the annotation.
        if let column = ColumnDeclaration.read(
            attribute: name, call: call, annotation: kind == "mapped_column" ? annotation : nil,
            location: location, scope: scope, resolver: resolver) {
            body.columns.append(column)
        }
    }

    /// `@declared_attr def name(cls): return Column(...)`, and declared `__tablename__`.
    private func readDeclaredAttribute(_ function: FunctionDef, into body: inout ClassBody, scope: ModuleScope) {
        let declared = function.decorators.contains { decorator in
            var expr = decorator
            if case let .call(callee, _, _) = decorator.kind { expr = callee }
            return expr.dottedName?.contains("declared_attr") == true
        }
        guard declared else { return }
        let name = function.name.name
        let returned = function.body.lazy.compactMap { stmt -> Expr? in
            if case let .return(value?) = stmt.kind { return value }
            return nil
        }.first
        if name == "__tablename__" {
            body.tableNameUnknown = true
            return
        }
        if name == "__table_args__" {
            body.tableArgs = returned
            return
        }
        guard let returned, case let .call(callee, _, _) = returned.kind else {
            resolver.recordUnknown(scope.module.path, function.name, "declared_attr \(name) is not understood")
            return
        }
        let kind = resolver.evaluate(callee, in: scope).sqlalchemyName
        guard kind == "Column" || kind == "mapped_column" else { return }
        if let column = ColumnDeclaration.read(
            attribute: name, call: returned, annotation: function.returns,
            location: ModelLocation(path: scope.module.path, range: function.name.range), scope: scope, resolver: resolver) {
            body.columns.append(column)
        }
    }

    /// Attaches module-level `Index("ix", User.email)` statements to their tables.
    func attachLooseIndexes() {
        for (expr, scope) in looseIndexes {
            guard case let .call(_, args, _) = expr.kind else { continue }
            var tableIndex: Int?
            for arg in args.dropFirst() {
                switch resolver.evaluate(arg, in: scope) {
                case let .classAttribute(reference, _): tableIndex = table(of: reference)
                case let .tableColumn(table, _): tableIndex = drafts.lastIndex { $0.qualifiedName == table }
                default: continue
                }
                if tableIndex != nil { break }
            }
            guard let tableIndex else {
                resolver.recordUnknown(scope.module.path, expr, "the table of this Index cannot be followed")
                continue
            }
            var attributes: [String: String] = [:]
            for column in drafts[tableIndex].columns { attributes[column.attribute] = column.name }
            if let element = TableDraft.element(expr, attributes: attributes, scope: scope, resolver: resolver) {
                drafts[tableIndex].elements.append(element)
            }
        }
        looseIndexes = []
    }

    /// Flask-SQLAlchemy's default table name: `CamelCase` → `camel_case`.
    static func snakeCase(_ name: String) -> String {
        var out = ""
        let scalars = Array(name.unicodeScalars)
        for (i, scalar) in scalars.enumerated() {
            let upper = scalar.properties.isUppercase
            if upper, i > 0 {
                let previousLower = !scalars[i - 1].properties.isUppercase && scalars[i - 1] != "_"
                let nextLower = i + 1 < scalars.count && scalars[i + 1].properties.isLowercase
                if previousLower || (nextLower && scalars[i - 1].properties.isUppercase) { out += "_" }
            }
            out += String(scalar).lowercased()
        }
        return out
    }

    /// The column name of attribute `attribute` of a mapped class.
    func columnName(of reference: ClassReference, attribute: String, depth: Int = 0) -> String? {
        guard depth < 32 else { return nil }
        if let column = body(of: reference).columns.first(where: { $0.attribute == attribute }) { return column.name }
        for ancestor in unmappedAncestors(reference) {
            if let column = body(of: ancestor).columns.first(where: { $0.attribute == attribute }) { return column.name }
        }
        if let parent = mappedParent(reference) { return columnName(of: parent, attribute: attribute, depth: depth + 1) }
        return nil
    }
}
