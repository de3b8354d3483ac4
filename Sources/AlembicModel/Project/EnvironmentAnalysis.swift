import PythonSyntax
import TextCore

/// One Alembic environment, analysed: its configuration, its migration files in alembic's
/// load order with their facts, and the revision graph they form.
public struct EnvironmentAnalysis: Sendable {
    public var environment: AlembicEnvironment
    /// Migration files in load order.
    public var files: [MigrationFile]
    /// Problems listing the revision files (unreadable directories, symlink loops …).
    public var listingProblems: [ConfigProblem]
    /// The graph exactly as alembic builds it from the files it could load; queries throw
    /// alembic's error when alembic would fail. Used by `heads` and `history`; built on first
    /// use when it differs from ``lintGraph`` (a reference dangles).
    public var graph: RevisionGraph { exactGraph.graph }
    var exactGraph: ExactGraph
    /// The graph with every dangling reference removed, so that heads, bases and cycles can
    /// still be reported when other problems would stop alembic.
    public var lintGraph: RevisionGraph
    /// Index into ``files`` of the definition alembic uses for each revision id (the last
    /// loaded).
    public var fileIndexByRevision: [String: Int]
    /// Index into ``files`` of each file in the graph, in spec order (a spec's `origin`).
    public var specFiles: [Int]
    /// `env.py`, parsed (its syntax errors and comments), when the environment has one.
    public var envPy: PythonFileSummary?
    /// Branch label → index into ``files`` of the file declaring it (the last one).
    public var fileIndexByLabel: [String: Int]
    /// The specs of ``graph`` (dangling references included), in load order.
    var specs: [RevisionSpec] = []
    /// Positions in ``specs`` of the specs with a dangling reference.
    var danglingSpecs: Set<Int> = []
    /// Each file's docstring message, by file index (for the exact graph's messages).
    var docs: [String] = []
    /// What the project declares about its Alembic version (lock file, requirements,
    /// pyproject.toml), found from the configuration's directory up to the workspace root.
    public var alembicRequirement: DependencyRequirement? = nil
    /// The models env.py's `target_metadata` reaches, and the rest of the workspace's; nil
    /// when the project was loaded without indexing models.
    public var models: ModelAnalysis? = nil
    /// The ``SchemaTimeline``, once someone asked for it (``schemaTimeline(sources:)``).
    /// ``ProjectLoader/replace(in:fileAt:with:previousBytes:bytes:)`` starts a new one.
    public var schemaTimelineCache = SchemaTimelineCache()

    /// The database family of `sqlalchemy.url`, when it names a real one.
    public var dialect: SQLDialect? {
        environment.sqlalchemyURL.flatMap { SQLDialect(url: $0.value) }
    }

    /// The file that defines `revision` (the one alembic uses).
    public func file(for revision: String) -> MigrationFile? {
        fileIndexByRevision[revision].map { files[$0] }
    }

    /// The range of the `revision = …` value in the defining file, or the file's start.
    public func revisionLocation(_ revision: String) -> (path: String, range: ByteRange)? {
        guard let file = file(for: revision) else { return nil }
        return (file.path, file.revision.valueRange ?? .empty(at: 0))
    }
}

/// The parts of a Python file (other than a migration) the rules need.
public struct PythonFileSummary: Sendable {
    public var path: String
    public var syntaxErrors: [PythonSyntax.SyntaxError]
    public var comments: [(line: Int, text: String)]

    public init(path: String, syntaxErrors: [PythonSyntax.SyntaxError], comments: [(line: Int, text: String)]) {
        self.path = path
        self.syntaxErrors = syntaxErrors
        self.comments = comments
    }
}
