import AlembicModel
import Lint
import TextCore

/// An immutable view of the analysed workspace: the project, its diagnostics by file, and
/// where each migration file sits. Every editor feature is a function of a snapshot and
/// byte offsets, so requests can run on a snapshot while the next edit is analysed.
public struct AnalysisSnapshot: Sendable {
    /// Where a migration file sits: the environment and the index in its load order.
    public struct FileRef: Hashable, Sendable {
        public var environment: Int
        public var file: Int
    }

    public let project: ProjectAnalysis
    /// Diagnostics by path. Every migration and configuration file of every environment has
    /// an entry (empty when clean), so that a file whose problems vanished can be cleared.
    public let diagnostics: [String: [Diagnostic]]
    /// Increases with every analysis.
    public let generation: Int
    /// Each migration path → the environments (and positions) holding it.
    public let fileRefs: [String: [FileRef]]
    /// The live databases read so far, by ``AlembicEnvironment/id`` (no entry: no database
    /// configured, or not read yet).
    public let databases: [String: DatabaseState]

    public init(project: ProjectAnalysis, diagnostics: [String: [Diagnostic]], generation: Int, databases: [String: DatabaseState] = [:]) {
        self.init(project: project, diagnostics: diagnostics, generation: generation, fileRefs: Self.fileRefs(project), databases: databases)
    }

    /// A snapshot whose `fileRefs` the caller already computed (``fileRefs(_:)``).
    public init(
        project: ProjectAnalysis, diagnostics: [String: [Diagnostic]], generation: Int, fileRefs: [String: [FileRef]],
        databases: [String: DatabaseState] = [:]
    ) {
        self.project = project
        self.diagnostics = diagnostics
        self.generation = generation
        self.fileRefs = fileRefs
        self.databases = databases
    }

    /// Where each migration file of `project` sits.
    public static func fileRefs(_ project: ProjectAnalysis) -> [String: [FileRef]] {
        var refs: [String: [FileRef]] = [:]
        for (e, environment) in project.environments.enumerated() {
            for (f, file) in environment.files.enumerated() { refs[file.path, default: []].append(FileRef(environment: e, file: f)) }
        }
        return refs
    }

    /// An empty workspace.
    public static let empty = AnalysisSnapshot(
        project: ProjectAnalysis(roots: [], environments: [], discoveryProblems: [], sources: [:]), diagnostics: [:], generation: 0)

    /// The bytes and line index the analysis used for `path`, if it read the file.
    public func source(_ path: String) -> SourceFile? { project.sources[path] }

    /// The first environment holding the migration file at `path`, with the file.
    public func migration(at path: String) -> (environment: EnvironmentAnalysis, file: MigrationFile)? {
        guard let ref = fileRefs[path]?.first else { return nil }
        let environment = project.environments[ref.environment]
        return (environment, environment.files[ref.file])
    }

    /// Every environment holding the migration file at `path`.
    public func environments(containing path: String) -> [EnvironmentAnalysis] {
        (fileRefs[path] ?? []).map { project.environments[$0.environment] }
    }

    /// The revision id or branch label literal under `offset` in `path`.
    public func mention(at path: String, offset: Int) -> RevisionMention? {
        guard let file = migration(at: path)?.file else { return nil }
        return file.mentions.first { $0.range.touches(offset) }
    }
}
