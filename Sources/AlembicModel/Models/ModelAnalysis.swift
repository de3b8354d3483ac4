/// What the models of one Alembic environment declare, read statically: env.py's
/// `target_metadata`, the modules env.py imports, every metadata object of the workspace with
/// its tables, the mapped classes, and where the schema is built bypassing the migrations.
public struct ModelAnalysis: Sendable {
    /// A workspace module.
    public struct ModuleReference: Hashable, Sendable {
        public var path: String
        public var name: String

        public init(path: String, name: String) {
            self.path = path
            self.name = name
        }
    }

    /// env.py's path.
    public var envPy: String?
    /// What env.py hands Alembic as `target_metadata`.
    public var target: TargetMetadata
    /// The module env.py imports the target metadata (or its base) from: where models are
    /// collected, and where a missing model import belongs.
    public var collectingModule: ModuleReference?
    /// The workspace modules env.py imports, transitively.
    public var chain: ImportChain
    /// Every metadata object of the indexed modules, with its tables.
    public var metadata: [ModelMetadata]
    /// Every mapped class of the indexed modules.
    public var classes: [MappedClass]
    /// Constructs the static reading did not understand.
    public var unknowns: [ModelUnknown]
    /// `create_all()` / `drop_all()` outside tests and migrations.
    public var bypasses: [SchemaBypass]
    /// The target metadata of every environment of the project (a second environment's
    /// metadata is not foreign).
    public var projectTargets: Set<MetadataIdentity> = []

    public init(
        envPy: String?, target: TargetMetadata, collectingModule: ModuleReference?, chain: ImportChain,
        metadata: [ModelMetadata], classes: [MappedClass], unknowns: [ModelUnknown], bypasses: [SchemaBypass]
    ) {
        self.envPy = envPy
        self.target = target
        self.collectingModule = collectingModule
        self.chain = chain
        self.metadata = metadata
        self.classes = classes
        self.unknowns = unknowns
        self.bypasses = bypasses
    }

    /// The metadata object `identity`.
    public func metadata(_ identity: MetadataIdentity) -> ModelMetadata? {
        metadata.first { $0.identity == identity }
    }

    /// The schema autogenerate compares with: the tables of every target metadata object,
    /// as far as env.py's imports declare them (a class in a module env.py never imports
    /// is not in it). Nil when `target_metadata` is not resolved.
    public var targetSchema: DatabaseSchema? {
        let targets = target.identities
        guard !targets.isEmpty else { return nil }
        var schema = DatabaseSchema()
        for identity in targets {
            guard let declared = metadata(identity) else { continue }
            for (name, table) in declared.schema.tables {
                guard let location = declared.tableLocations[name], chain.contains(location.path) || location.path == envPy else { continue }
                schema.tables[name] = table
            }
        }
        return schema
    }
}
