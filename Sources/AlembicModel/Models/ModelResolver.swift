import PythonSyntax

/// Follows names and expressions across the workspace's modules to what they stand for
/// (``SymbolValue``), without executing anything: imports (absolute, relative, `*`, package
/// re-exports), assignments, the SQLAlchemy constructors that create metadata and bases, and
/// class statements. Cycles and unknown constructs give ``SymbolValue/unknown``.
final class ModelResolver {
    let modules: WorkspaceModules
    private var scopes: [String: ModuleScope] = [:]
    private var inProgress: Set<String> = []
    private var classInfos: [ClassReference: ClassInfo] = [:]
    private var classesInProgress: Set<ClassReference> = []
    /// Where each metadata object is created, with its naming convention.
    private(set) var metadataObjects: [MetadataIdentity: (location: ModelLocation, convention: [String: String]?)] = [:]
    /// Constructs seen but not understood.
    private(set) var unknowns: [ModelUnknown] = []
    private var depth = 0

    init(modules: WorkspaceModules) {
        self.modules = modules
    }

    /// The scope of a parsed module (cached by path).
    func scope(of module: WorkspaceModule, includeFunctionImports: Bool = false) -> ModuleScope {
        if !includeFunctionImports, let cached = scopes[module.path] { return cached }
        let scope = ModuleScope(module, includeFunctionImports: includeFunctionImports)
        if !includeFunctionImports { scopes[module.path] = scope }
        return scope
    }

    func scope(path: String) -> ModuleScope? {
        if let cached = scopes[path] { return cached }
        guard let module = modules.module(atPath: path) else { return nil }
        return scope(of: module)
    }

    func recordUnknown(_ path: String, _ node: some SyntaxNode, _ reason: String) {
        unknowns.append(ModelUnknown(location: ModelLocation(path: path, range: node.range), reason: reason))
    }

    // MARK: Names

    /// What `name` stands for at the top level of `scope`.
    func lookup(_ name: String, in scope: ModuleScope) -> SymbolValue {
        let key = scope.module.path + "\u{0}" + name
        guard depth < 64, !inProgress.contains(key) else { return .unknown }
        inProgress.insert(key)
        depth += 1
        defer {
            inProgress.remove(key)
            depth -= 1
        }
        if let binding = scope.bindings[name] {
            switch binding {
            case let .module(moduleName):
                return moduleValue(moduleName)
            case let .imported(module, importedName):
                return member(moduleValue(module), importedName, hint: importedName)
            case let .value(expr):
                return evaluate(expr, in: scope, hint: name)
            case let .classDef(node):
                return .classDef(ClassReference(path: scope.module.path, node: node))
            case .opaque:
                return .unknown
            }
        }
        for star in scope.starImports.reversed() {
            let value = moduleValue(star)
            if case let .module(path, _) = value, let imported = self.scope(path: path) {
                let visible = imported.exported.map { $0.contains(name) } ?? (!name.hasPrefix("_") && imported.bindings[name] != nil)
                if visible { return lookup(name, in: imported) }
            } else if case let .external(qualified) = value {
                return .external(qualified + "." + name)
            }
        }
        return .unknown
    }

    /// A module by dotted name: in the workspace, or external.
    func moduleValue(_ name: String) -> SymbolValue {
        if let path = modules.path(ofModule: name) { return .module(path: path, name: name) }
        return .external(name)
    }

    // MARK: Expressions

    /// What `expr` stands for in `scope`; `hint` names the binding being evaluated.
    func evaluate(_ expr: Expr, in scope: ModuleScope, hint: String? = nil) -> SymbolValue {
        switch expr.kind {
        case let .name(id):
            return lookup(id.name, in: scope)
        case let .attribute(value, attr):
            return member(evaluate(value, in: scope), attr.name, hint: hint)
        case let .call(function, _, _):
            return call(evaluate(function, in: scope), expr, in: scope, hint: hint)
        case let .subscript(value, slice):
            let base = evaluate(value, in: scope)
            if case let .tableColumns(table) = base, let column = slice.stringValue {
                return .tableColumn(table: table, column: column)
            }
            return .unknown
        default:
            return .unknown
        }
    }

    /// `value.attr`.
    func member(_ value: SymbolValue, _ attr: String, hint: String?) -> SymbolValue {
        switch value {
        case let .module(path, name):
            if let scope = scope(path: path) {
                let found = lookup(attr, in: scope)
                if case .unknown = found, scope.bindings[attr] == nil, modules.path(ofModule: name + "." + attr) != nil {
                    return moduleValue(name + "." + attr)
                }
                return found
            }
            return moduleValue(name + "." + attr)
        case let .external(qualified):
            return .external(qualified + "." + attr)
        case let .base(id, _):
            return attr == "metadata" ? .metadata(id) : .unknown
        case let .registry(id):
            return attr == "metadata" ? .metadata(id) : .unknown
        case let .flaskDatabase(id):
            switch attr {
            case "metadata": return .metadata(id)
            case "Model": return .base(id, flaskNaming: true)
            default: return .external("sqlalchemy." + attr)
            }
        case let .classDef(reference):
            if attr == "metadata", let id = classInfo(reference).metadata { return .metadata(id) }
            return .classAttribute(reference, attr)
        case let .table(_, name):
            return attr == "c" || attr == "columns" ? .tableColumns(name) : .unknown
        case let .tableColumns(table):
            return .tableColumn(table: table, column: attr)
        case let .instance(qualified):
            return .instance(qualified + "." + attr)
        default:
            return .unknown
        }
    }

    /// `function(...)` at `callExpr`.
    func call(_ function: SymbolValue, _ callExpr: Expr, in scope: ModuleScope, hint: String?) -> SymbolValue {
        guard case let .call(functionExpr, args, keywords) = callExpr.kind else { return .unknown }
        let path = scope.module.path
        func identity(_ suffix: String) -> MetadataIdentity {
            MetadataIdentity(path: path, offset: callExpr.range.start, displayName: (hint ?? "metadata") + suffix)
        }
        func keyword(_ name: String) -> Expr? { keywords.first { $0.name?.name == name }?.value }
        func metadataArgument() -> MetadataIdentity? {
            keyword("metadata").flatMap { evaluate($0, in: scope).metadataIdentity }
        }
        if case let .attribute(receiver, method) = functionExpr.kind, method.name == "generate_base",
           case let .registry(id) = evaluate(receiver, in: scope) {
            return .base(id, flaskNaming: false)
        }
        if case let .external(qualified) = function, qualified.hasPrefix("flask_sqlalchemy."), qualified.hasSuffix(".SQLAlchemy") {
            let id = metadataArgument() ?? identity(".metadata")
            register(id, at: callExpr, path: path, convention: nil)
            return .flaskDatabase(id)
        }
        switch function.sqlalchemyName {
        case "MetaData":
            let id = identity("")
            register(id, at: callExpr, path: path, convention: namingConvention(keyword("naming_convention"), in: scope, at: callExpr))
            return .metadata(id)
        case "declarative_base":
            let id = metadataArgument() ?? identity(".metadata")
            register(id, at: callExpr, path: path, convention: nil)
            return .base(id, flaskNaming: false)
        case "registry":
            let id = metadataArgument() ?? identity(".metadata")
            register(id, at: callExpr, path: path, convention: nil)
            return .registry(id)
        case "Table":
            guard let name = args.first?.stringValue else { return .unknown }
            let metadata = args.dropFirst().first.flatMap { evaluate($0, in: scope).metadataIdentity }
            let schema = keyword("schema")?.stringValue
            return .table(metadata, TableSchema.qualifiedName(name, schema: schema))
        case .some:
            return .instance(function.sqlalchemyName ?? "")
        case nil:
            if case let .external(qualified) = function { return .instance(qualified) }
            return .unknown
        }
    }

    /// Records a metadata object's creation site (the first sighting wins).
    func register(_ id: MetadataIdentity, at node: some SyntaxNode, path: String, convention: [String: String]?) {
        if metadataObjects[id] == nil {
            metadataObjects[id] = (ModelLocation(path: path, range: node.range), convention)
        }
    }

    /// `naming_convention={...}`: string keys and string templates.
    func namingConvention(_ expr: Expr?, in scope: ModuleScope, at node: Expr) -> [String: String]? {
        guard let expr else { return nil }
        var value = expr
        if let name = expr.identifier, case let .value(bound)? = scope.bindings[name] { value = bound }
        guard case let .dict(keys, values) = value.kind else {
            recordUnknown(scope.module.path, expr, "naming_convention is not a literal dict")
            return nil
        }
        var out: [String: String] = [:]
        for (key, item) in zip(keys, values) {
            guard let key, let name = key.stringValue ?? Self.constraintKey(key.dottedName), let template = item.stringValue else {
                recordUnknown(scope.module.path, item, "naming_convention entry is not a string key and template")
                continue
            }
            out[name] = template
        }
        return out
    }

    /// Convention keys written as classes (`Index: "…"`).
    static func constraintKey(_ dotted: String?) -> String? {
        switch dotted.flatMap({ $0.split(separator: ".").last }) {
        case "Index": "ix"
        case "UniqueConstraint": "uq"
        case "ForeignKeyConstraint": "fk"
        case "PrimaryKeyConstraint": "pk"
        case "CheckConstraint": "ck"
        default: nil
        }
    }

    // MARK: Classes

    /// What a workspace class is to SQLAlchemy (memoized; cycles give a plain class).
    func classInfo(_ reference: ClassReference) -> ClassInfo {
        if let known = classInfos[reference] { return known }
        guard !classesInProgress.contains(reference), let scope = scope(path: reference.path) else { return ClassInfo(kind: .plain) }
        classesInProgress.insert(reference)
        defer { classesInProgress.remove(reference) }
        let info = ClassInfo.analyze(reference, scope: scope, resolver: self)
        classInfos[reference] = info
        return info
    }
}
