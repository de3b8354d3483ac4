import PythonSyntax

/// The names a module binds at its top level, in the order Python binds them (the last
/// binding wins), and its `from x import *` imports.
struct ModuleScope {
    /// How a name is bound.
    enum Binding {
        /// `import a.b` binds `a` to module `a`; `import a.b as x` binds `x` to `a.b`.
        case module(String)
        /// `from module import name`.
        case imported(module: String, name: String)
        /// `name = value` or `name: T = value`.
        case value(Expr)
        /// `class name: …`.
        case classDef(ClassDef)
        /// `def name(): …` and other bindings the index does not follow.
        case opaque
    }

    let module: WorkspaceModule
    private(set) var bindings: [String: Binding] = [:]
    /// Modules of `from m import *`, in order.
    private(set) var starImports: [String] = []
    /// `__all__` when it is a literal list or tuple of strings.
    private(set) var exported: Set<String>?
    /// Every module imported at module level (absolute names), with the statement's range.
    private(set) var imports: [(module: String, names: [String], statement: Stmt)] = []

    init(_ module: WorkspaceModule, includeFunctionImports: Bool = false) {
        self.module = module
        for stmt in module.parsed.body { record(stmt, functionImports: includeFunctionImports) }
    }

    /// Resolves a relative import (`level` leading dots) against the module's package.
    func absolute(_ name: String?, level: Int) -> String? {
        if level == 0 { return name }
        guard let package = module.package else { return nil }
        var parts = package.split(separator: ".").map(String.init)
        if level - 1 > parts.count { return nil }
        parts.removeLast(level - 1)
        if let name { parts.append(contentsOf: name.split(separator: ".").map(String.init)) }
        return parts.isEmpty ? nil : parts.joined(separator: ".")
    }

    private mutating func record(_ stmt: Stmt, functionImports: Bool) {
        switch stmt.kind {
        case let .import(aliases):
            var names: [String] = []
            for alias in aliases {
                let name = alias.name.name
                names.append(name)
                if let asname = alias.asname {
                    bindings[asname.name] = .module(name)
                } else if let top = name.split(separator: ".").first {
                    bindings[String(top)] = .module(String(top))
                }
            }
            for name in names { imports.append((name, [], stmt)) }
        case let .importFrom(moduleName, aliases, level):
            guard let absolute = absolute(moduleName?.name, level: level) else { return }
            var names: [String] = []
            for alias in aliases {
                let name = alias.name.name
                if name == "*" {
                    starImports.append(absolute)
                } else {
                    names.append(name)
                    bindings[alias.asname?.name ?? name] = .imported(module: absolute, name: name)
                }
            }
            imports.append((absolute, names, stmt))
        case let .assign(targets, value):
            for target in targets {
                if let name = target.identifier {
                    bindings[name] = .value(value)
                    if name == "__all__" { exported = Self.strings(value) }
                } else {
                    for name in Self.names(in: target) { bindings[name] = .opaque }
                }
            }
        case let .annAssign(target, _, value, _):
            if let name = target.identifier { bindings[name] = value.map { .value($0) } ?? .opaque }
        case let .classDef(node):
            bindings[node.name.name] = .classDef(node)
        case let .functionDef(function):
            bindings[function.name.name] = .opaque
            if functionImports { for child in function.body { record(child, functionImports: true) } }
        case let .if(test, body, orelse):
            // `if TYPE_CHECKING:` imports never run.
            let typeChecking = test.dottedName.map { $0 == "TYPE_CHECKING" || $0.hasSuffix(".TYPE_CHECKING") } ?? false
            if !typeChecking { for child in body { record(child, functionImports: functionImports) } }
            for child in orelse { record(child, functionImports: functionImports) }
        case let .try(body, _, orelse, finalbody, _):
            for child in Array(body) + Array(orelse) + Array(finalbody) { record(child, functionImports: functionImports) }
        case let .with(_, body, _):
            for child in body { record(child, functionImports: functionImports) }
        default:
            break
        }
    }

    static func names(in target: Expr) -> [String] {
        switch target.kind {
        case let .name(id): [id.name]
        case let .tuple(elts), let .list(elts): elts.flatMap(names(in:))
        case let .starred(inner): names(in: inner)
        default: []
        }
    }

    static func strings(_ expr: Expr) -> Set<String>? {
        switch expr.kind {
        case let .list(elts), let .tuple(elts):
            var out = Set<String>()
            for elt in elts {
                guard let value = elt.stringValue else { return nil }
                out.insert(value)
            }
            return out
        default:
            return nil
        }
    }
}
