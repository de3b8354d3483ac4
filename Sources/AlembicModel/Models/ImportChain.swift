/// The workspace modules env.py imports, directly and transitively: what Python executes
/// before `target_metadata` is read, so every model class autogenerate can see.
///
/// `import a.b.c` runs `a`, `a.b` and `a.b.c`; `from a.b import c` runs `a`, `a.b` and the
/// submodule `a.b.c` when there is one; relative imports resolve against the importing
/// module's package; `from x import *` counts as importing `x`. Module-level imports count,
/// including those under `if`/`try`/`with` (not `if TYPE_CHECKING:`); in env.py imports
/// inside functions count too, since env.py calls its `run_migrations_*` functions.
public struct ImportChain: Hashable, Sendable {
    /// Path → dotted module name of every module reached (env.py excluded).
    public var modules: [String: String]

    public init(modules: [String: String] = [:]) {
        self.modules = modules
    }

    /// True when the module at `path` is executed by env.py's imports.
    public func contains(_ path: String) -> Bool { modules[path] != nil }

    /// Follows the imports of env.py's scope.
    static func follow(from envScope: ModuleScope, resolver: ModelResolver) -> ImportChain {
        var chain = ImportChain()
        var queue: [String] = []
        func enqueue(_ scope: ModuleScope) {
            for (module, names, _) in scope.imports {
                let parts = module.split(separator: ".").map(String.init)
                for end in parts.indices { queue.append(parts[0 ... end].joined(separator: ".")) }
                for name in names { queue.append(module + "." + name) }
            }
        }
        enqueue(envScope)
        var visited = Set<String>()
        var steps = 0
        while let name = queue.popLast(), steps < 100_000 {
            steps += 1
            guard visited.insert(name).inserted, let path = resolver.modules.path(ofModule: name), chain.modules[path] == nil,
                  let module = resolver.modules.module(atPath: path, name: name) else { continue }
            chain.modules[path] = name
            enqueue(resolver.scope(of: module))
        }
        return chain
    }
}
