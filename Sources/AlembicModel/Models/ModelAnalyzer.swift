import Foundation
import PythonSyntax

/// Builds an environment's ``ModelAnalysis`` from env.py, the modules it imports and the
/// workspace's other model modules.
public enum ModelAnalyzer {
    /// Byte strings that make a Python file worth parsing for models.
    static let modelMarkers = ["__tablename__", "Mapped[", "Table(", "declarative_base", "DeclarativeBase", "db.Model", "registry("]
    /// Byte strings that make a file worth reading for `create_all()`.
    static let bypassMarkers = ["create_all", "drop_all"]

    /// Analyses one environment. `modelFiles` are the workspace's Python files with model
    /// markers (besides env.py's imports); `bypasses` the project's schema-bypass sites.
    public static func analyze(
        envPy: String?, modules: WorkspaceModules, modelFiles: [String], bypasses: [SchemaBypass]
    ) -> ModelAnalysis {
        let resolver = ModelResolver(modules: modules)
        var target = TargetMetadata.missing
        var collecting: ModelAnalysis.ModuleReference?
        var chain = ImportChain()
        if let envPy, let envModule = modules.module(atPath: envPy, name: "env") {
            let envScope = resolver.scope(of: envModule, includeFunctionImports: true)
            chain = ImportChain.follow(from: envScope, resolver: resolver)
            (target, collecting) = targetMetadata(envScope, resolver: resolver)
        }
        // Warm the parse cache in parallel, then index serially (the resolver is not shared).
        let paths = Array(Set(chain.modules.keys).union(modelFiles)).sorted()
        _ = ParallelMap.map(paths.indices, serialBelow: 8) { i in modules.module(atPath: paths[i]) != nil }
        let indexer = ModelIndexer(resolver: resolver)
        for path in paths { indexer.index(modulePath: path) }
        indexer.attachLooseIndexes()
        let built = ModelSchemaBuilder.build(drafts: indexer.drafts, indexer: indexer, metadataObjects: resolver.metadataObjects)
        return ModelAnalysis(
            envPy: envPy, target: target, collectingModule: collecting, chain: chain, metadata: built.metadata,
            classes: indexer.classes, unknowns: resolver.unknowns + built.unknowns, bypasses: bypasses)
    }

    /// `target_metadata = …` at env.py's top level (or in its functions), else the
    /// `target_metadata=` argument of `context.configure(...)`.
    static func targetMetadata(_ scope: ModuleScope, resolver: ModelResolver) -> (TargetMetadata, ModelAnalysis.ModuleReference?) {
        var value: Expr?
        if case let .value(expr)? = scope.bindings["target_metadata"] { value = expr }
        if value == nil {
            for stmt in scope.module.parsed.allStatements {
                for expr in stmt.childExpressions.flatMap(\.descendantsAndSelf) {
                    guard case let .call(_, _, keywords) = expr.kind,
                          let argument = keywords.first(where: { $0.name?.name == "target_metadata" })?.value,
                          argument.identifier != "target_metadata" else { continue }
                    value = argument
                }
            }
        }
        guard let value else {
            // `from app.db import target_metadata`.
            if case .imported? = scope.bindings["target_metadata"] {
                let location = ModelLocation(path: scope.module.path, range: .empty(at: 0))
                guard let identity = resolver.lookup("target_metadata", in: scope).metadataIdentity else {
                    return (.unresolved(location: location), nil)
                }
                return (.resolved([identity], location: location), nil)
            }
            return (.missing, nil)
        }
        let location = ModelLocation(path: scope.module.path, range: value.range)
        if case .constant(.none) = value.kind { return (.none(location: location), nil) }
        let items: [Expr]
        switch value.kind {
        case let .list(elts), let .tuple(elts): items = Array(elts)
        default: items = [value]
        }
        var identities: [MetadataIdentity] = []
        for item in items {
            guard let identity = resolver.evaluate(item, in: scope).metadataIdentity else { return (.unresolved(location: location), nil) }
            identities.append(identity)
        }
        return (.resolved(identities, location: location), collectingModule(items.first, scope: scope, resolver: resolver))
    }

    /// The module the root name of `Base.metadata` is imported from.
    static func collectingModule(_ expr: Expr?, scope: ModuleScope, resolver: ModelResolver) -> ModelAnalysis.ModuleReference? {
        guard var root = expr else { return nil }
        var attributes: [String] = []
        while case let .attribute(value, attr) = root.kind {
            attributes.insert(attr.name, at: 0)
            root = value
        }
        guard let name = root.identifier else { return nil }
        switch scope.bindings[name] {
        case let .imported(module, importedName)?:
            if let path = resolver.modules.path(ofModule: module + "." + importedName) {
                return ModelAnalysis.ModuleReference(path: path, name: module + "." + importedName)
            }
            return resolver.modules.path(ofModule: module).map { ModelAnalysis.ModuleReference(path: $0, name: module) }
        case let .module(module)?:
            // `import app.models` then `app.models.Base.metadata`: the longest module prefix.
            var dotted = module
            var best: ModelAnalysis.ModuleReference?
            if let path = resolver.modules.path(ofModule: dotted) { best = ModelAnalysis.ModuleReference(path: path, name: dotted) }
            for attribute in attributes {
                dotted += "." + attribute
                if let path = resolver.modules.path(ofModule: dotted) { best = ModelAnalysis.ModuleReference(path: path, name: dotted) }
            }
            return best
        default:
            return nil
        }
    }
}
