import Foundation
import PythonSyntax
import TextCore

/// Loads a workspace: discovers its Alembic environments, reads and parses every migration
/// file once, extracts the facts alembic reads and builds each environment's revision graph.
/// Nothing is executed.
public enum ProjectLoader {
    /// Discovers and analyses every environment under `roots` (directories or files);
    /// `indexModels` also reads the SQLAlchemy models (``indexModels(_:)``), which only the
    /// model rules need.
    public static func load(
        roots: [String], cwd: String = FileManager.default.currentDirectoryPath, indexModels: Bool = true
    ) -> ProjectAnalysis {
        let absoluteRoots = roots.map { PythonPath.absolute($0, cwd: cwd) }.map(projectDirectory(for:))
        let discovery = WorkspaceDiscovery.discover(roots: absoluteRoots, cwd: cwd)
        var sources: [String: SourceFile] = [:]
        for config in discovery.configFiles {
            if case let .bytes(bytes) = SourceReader.read(config) { sources[config] = SourceFile(path: config, bytes: bytes) }
        }
        var environments: [EnvironmentAnalysis] = []
        for environment in discovery.environments {
            let analysis = analyze(environment, searchRoots: absoluteRoots, sources: &sources)
            environments.append(analysis)
        }
        var project = ProjectAnalysis(
            roots: absoluteRoots, environments: environments, discoveryProblems: discovery.problems, sources: sources)
        if indexModels { Self.indexModels(&project) }
        return project
    }

    /// Analyses one environment: lists its revision files in load order, reads and parses
    /// them (in parallel), extracts their facts and builds the graphs.
    public static func analyze(
        _ environment: AlembicEnvironment, searchRoots: [String], sources: inout [String: SourceFile]
    ) -> EnvironmentAnalysis {
        let listing = RevisionFileLister.list(environment)
        let modules = modules(for: environment, searchRoots: searchRoots)

        let paths = listing.files.map(\.path)
        let sourceless = listing.files.map(\.isSourceless)
        let results = ParallelMap.map(paths.indices) { i -> (MigrationFile, [UInt8]?) in
            loadMigration(path: paths[i], sourceless: sourceless[i], resolver: modules.resolver)
        }
        var files: [MigrationFile] = []
        files.reserveCapacity(results.count)
        for (file, bytes) in results {
            if let bytes { sources[file.path] = SourceFile(path: file.path, bytes: bytes) }
            files.append(file)
        }
        var analysis = build(environment: environment, files: files, listingProblems: listing.problems)
        analysis.alembicRequirement = alembicRequirement(for: environment, searchRoots: searchRoots)
        if let envPath = environment.envPy, envPath.hasSuffix(".py"), case let .bytes(bytes) = SourceReader.read(envPath),
           SourceReader.decodingProblem(bytes) == nil {
            let parsed = parseModule(bytes)
            sources[envPath] = SourceFile(path: envPath, bytes: bytes)
            analysis.envPy = PythonFileSummary(path: envPath, syntaxErrors: parsed.errors, comments: parsed.commentLines())
        }
        return analysis
    }

    /// The project's declaration of Alembic nearest to the environment's configuration (or
    /// script directory), searched up to the workspace root that contains it.
    static func alembicRequirement(for environment: AlembicEnvironment, searchRoots: [String]) -> DependencyRequirement? {
        let anchor = environment.configFile ?? environment.pyprojectFile ?? environment.scriptDirectory
        guard let anchor else { return nil }
        let directory = anchor.hasSuffix(".ini") || anchor.hasSuffix(".toml") ? PythonPath.parent(anchor) : anchor
        let root = searchRoots.filter { directory == $0 || directory.hasPrefix($0 + "/") }.max { $0.count < $1.count }
        return DependencyScanner.requirement(for: "alembic", from: directory, upTo: root ?? directory)
    }

    /// A directory root stays; a file root becomes the closest ancestor directory holding an
    /// `alembic.ini` or `pyproject.toml` (below the repository's `.git`), so that checking one
    /// migration file finds its environment.
    static func projectDirectory(for root: String) -> String {
        let fm = FileManager.default
        var isDirectory: ObjCBool = false
        guard fm.fileExists(atPath: root, isDirectory: &isDirectory), !isDirectory.boolValue else { return root }
        var current = URL(fileURLWithPath: root).deletingLastPathComponent()
        let start = current.path
        for _ in 0 ..< 64 {
            for marker in ["alembic.ini", "pyproject.toml"] where fm.fileExists(atPath: current.appendingPathComponent(marker).path) {
                return current.path
            }
            if fm.fileExists(atPath: current.appendingPathComponent(".git").path) { return current.path }
            let parent = current.deletingLastPathComponent()
            if parent.path == current.path { break }
            current = parent
        }
        return start
    }

    /// The parent of the outermost directory with an `__init__.py` on the way up from `path`.
    static func packageRoot(containing path: String) -> String? {
        let fm = FileManager.default
        var current = URL(fileURLWithPath: path).standardizedFileURL
        var found: String?
        for _ in 0 ..< 32 {
            guard fm.fileExists(atPath: current.appendingPathComponent("__init__.py").path) else { break }
            let parent = current.deletingLastPathComponent()
            found = parent.path
            if parent.path == current.path { break }
            current = parent
        }
        return found
    }

    /// Reads, parses and extracts one migration file.
    static func loadMigration(path: String, sourceless: Bool, resolver: ImportedConstantResolver?) -> (MigrationFile, [UInt8]?) {
        var file = MigrationFile(path: path)
        if sourceless {
            file.readError = ReadError(message: "a compiled (sourceless) revision file cannot be analysed", range: .empty(at: 0))
            return (file, nil)
        }
        switch SourceReader.read(path) {
        case let .failed(error):
            file.readError = error
            return (file, nil)
        case let .bytes(bytes):
            if let problem = SourceReader.decodingProblem(bytes) {
                file.readError = problem
                return (file, bytes)
            }
            let parsed = parseModule(bytes)
            var extracted = MigrationFactsExtractor.extract(path: path, parsed: parsed, resolver: resolver)
            extracted.readError = nil
            return (extracted, bytes)
        }
    }

    /// Builds the graphs of an environment from its files' facts.
    public static func build(environment: AlembicEnvironment, files: [MigrationFile], listingProblems: [ConfigProblem]) -> EnvironmentAnalysis {
        var specs: [RevisionSpec] = []
        var specFiles: [Int] = []
        var fileIndexByRevision: [String: Int] = [:]
        var fileIndexByLabel: [String: Int] = [:]
        for (index, file) in files.enumerated() {
            guard file.isReadable, let id = file.revisionID else { continue }
            // A file alembic cannot load (no down_revision, unfoldable values) still takes part,
            // as a base, so that its descendants are not reported as orphans.
            let down = file.downRevision.value.map(Self.reference) ?? .none
            let depends = file.dependsOn.value.map(Self.reference) ?? .none
            let labels = file.branchLabels.value?.map(\.value) ?? []
            specs.append(RevisionSpec(revision: id, downRevision: down, branchLabels: labels, dependsOn: depends, origin: index))
            specFiles.append(index)
            fileIndexByRevision[id] = index
            for label in labels { fileIndexByLabel[label] = index }
        }
        let docs = files.map { $0.docstring?.message ?? "" }
        let dangling = Set(specs.indices.filter { dangles(specs[$0], ids: fileIndexByRevision, labels: fileIndexByLabel) })
        var analysis = EnvironmentAnalysis(
            environment: environment, files: files, listingProblems: listingProblems,
            exactGraph: ExactGraph(built: RevisionGraph([])), lintGraph: RevisionGraph([]),
            fileIndexByRevision: fileIndexByRevision, specFiles: specFiles, envPy: nil, fileIndexByLabel: fileIndexByLabel)
        analysis.specs = specs
        analysis.danglingSpecs = dangling
        analysis.docs = docs
        buildGraphs(&analysis)
        return analysis
    }

    /// Whether `spec` names a parent id, or a dependency id or label, that does not exist.
    static func dangles(_ spec: RevisionSpec, ids: [String: Int], labels: [String: Int]) -> Bool {
        spec.downRevision.ids.contains { ids[$0] == nil }
            || spec.dependsOn.ids.contains { ids[$0] == nil && labels[$0] == nil }
    }

    /// Builds `analysis`'s graphs from its specs. The lint graph drops references to ids that
    /// do not exist, so one dangling parent does not hide every other finding. Only when
    /// something dangles do the two graphs differ; the exact one is then built on first use
    /// (only `heads` and `history` need it).
    static func buildGraphs(_ analysis: inout EnvironmentAnalysis) {
        let specs = analysis.specs
        if analysis.danglingSpecs.isEmpty {
            // Nothing dangles, so no "referenced from" text is ever rendered.
            analysis.lintGraph = RevisionGraph(specs)
            analysis.exactGraph = ExactGraph(built: analysis.lintGraph)
            return
        }
        let ids = analysis.fileIndexByRevision, labels = analysis.fileIndexByLabel
        var lintSpecs = specs
        for position in analysis.danglingSpecs {
            lintSpecs[position].downRevision = Self.filtered(specs[position].downRevision) { ids[$0] != nil }
            lintSpecs[position].dependsOn = Self.filtered(specs[position].dependsOn) { ids[$0] != nil || labels[$0] != nil }
        }
        analysis.lintGraph = RevisionGraph(lintSpecs)
        analysis.exactGraph = ExactGraph(specs: specs, docs: analysis.docs)
    }

    static func reference(_ declared: DeclaredRevisions) -> RevisionReference {
        switch declared {
        case .none: .none
        case let .single(item): .single(item.value)
        case let .multiple(items): .tuple(items.map(\.value))
        }
    }

    static func filtered(_ reference: RevisionReference, keep: (String) -> Bool) -> RevisionReference {
        switch reference {
        case .none: return .none
        case let .single(id): return keep(id) ? reference : .none
        case let .tuple(ids): return RevisionReference.tuple(ids.filter(keep)).normalized
        }
    }
}
