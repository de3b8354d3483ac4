import AlembicModel
import Foundation
import Lint
import TextCore

/// The mutable side of the analysis: workspace roots, open buffers (which win over disk),
/// settings, and the cached per-file facts and findings. Changes are recorded cheaply and
/// applied by ``update()``, whose cost follows the change, not the tree:
///
/// - a changed file is re-parsed alone; its file rules (``RuleScope/file``) re-run for it alone;
/// - the graphs and the graph rules (``RuleScope/graph``) re-run only when the file's graph
///   facts changed (``ProjectLoader/hasSameGraphFacts(_:_:as:_:)``), never for an edit inside
///   `upgrade()`;
/// - environment rules (``RuleScope/environment``) re-run for the file's environments;
/// - suppressions are re-applied only to the files whose raw findings or text changed.
///
/// Not thread-safe: one owner (the server's ordered consumer) drives it; readers use the
/// immutable ``AnalysisSnapshot`` it produces.
public final class AnalysisHost {
    /// How a file changed on disk (LSP `FileChangeType`).
    public enum DiskChange: Sendable {
        case created, changed, deleted
    }

    /// The enabled rules by scope.
    private struct ScopedRules {
        var file: [any FileRule.Type] = []
        var graph: [any Rule.Type] = []
        var environment: [any Rule.Type] = []
        var all: [any Rule.Type] = []

        init() {}

        init(_ settings: LintSettings) {
            all = LintEngine.enabledRules(settings)
            for rule in all {
                if rule.scope == .file, let fileRule = rule as? any FileRule.Type {
                    file.append(fileRule)
                } else if rule.scope == .graph {
                    graph.append(rule)
                } else {
                    environment.append(rule)
                }
            }
        }
    }

    public private(set) var roots: [String]
    public private(set) var snapshot: AnalysisSnapshot = .empty
    /// Settings sent by the client; they replace the workspace's `[tool.alembic-ls]` keys.
    public private(set) var clientSettings: LintSettings?
    private var overlays: [String: [UInt8]] = [:]
    private var dirty: Set<String> = []
    private var needsReload = true
    private var project = ProjectAnalysis(roots: [], environments: [], discoveryProblems: [], sources: [:])
    private var modules: [WorkspaceModules] = []
    private var settings = LintSettings()
    /// The live databases by environment id, and the environments to re-lint for them.
    private var databases: [String: DatabaseState] = [:]
    private var databaseRelint: Set<Int> = []
    private var settingsRoot = ""
    private var rules = ScopedRules()
    private var filter = SuppressionFilter(settings: LintSettings(), projectRoot: "", enabled: [], comparesWithBase: false)
    private var generation = 0
    /// Where each migration file sits (environment, index), refreshed on reload.
    private var fileRefs: [String: [AnalysisSnapshot.FileRef]] = [:]
    /// Every migration and configuration file of every environment: each has a diagnostic
    /// entry (empty when clean), refreshed on reload.
    private var knownPaths: Set<String> = []
    /// env.py path → the environment whose `envPy` it is.
    private var envPyOwners: [String: Int] = [:]
    /// Raw findings (before suppressions) of the file rules, by environment and file index.
    private var fileFindings: [[[Diagnostic]]] = []
    /// Raw findings of the graph rules and of the file rules outside the migration files,
    /// by environment and path.
    private var graphFindings: [[String: [Diagnostic]]] = []
    /// Raw findings of the environment rules, by environment and path.
    private var environmentFindings: [[String: [Diagnostic]]] = []
    /// Raw findings of workspace discovery, by path.
    private var discoveryFindings: [String: [Diagnostic]] = [:]
    /// The reported diagnostics by path (the snapshot's).
    private var diagnostics: [String: [Diagnostic]] = [:]
    /// Paths whose diagnostics changed since ``takeChangedPaths()`` was last called.
    private var changedPaths: Set<String> = []

    public init(roots: [String]) {
        self.roots = roots
    }

    /// True when ``update()`` has work to do.
    public var hasPendingWork: Bool { needsReload || !dirty.isEmpty || !databaseRelint.isEmpty }

    /// The database keys of the workspace's `[tool.alembic-ls]` (editor settings never
    /// replace them here: the server merges its own, key by key).
    public var databaseSettings: DatabaseSettings { settings.database }

    /// Replaces the workspace roots; the next update re-discovers everything.
    public func setRoots(_ roots: [String]) {
        self.roots = roots
        needsReload = true
    }

    /// Sets client settings (nil: only the workspace's files).
    public func setClientSettings(_ settings: LintSettings?) {
        clientSettings = settings
        needsReload = true
    }

    /// Sets the live databases by ``AlembicEnvironment/id`` (an absent id: no database);
    /// the environments whose state changed are re-linted at the next update.
    public func setDatabaseStates(_ states: [String: DatabaseState]) {
        guard states != databases else { return }
        let changed = Set(states.keys).union(databases.keys).filter { states[$0] != databases[$0] }
        databases = states
        databaseRelint.formUnion(project.environments.indices.filter { changed.contains(project.environments[$0].environment.id) })
    }

    /// Forces a full re-discovery at the next update.
    public func requestReload() { needsReload = true }

    /// Records an editor buffer for `path` (nil when closed: the disk's bytes count again).
    public func setOverlay(_ path: String, bytes: [UInt8]?) {
        if let bytes {
            if overlays[path] == bytes { return }
            overlays[path] = bytes
        } else {
            guard overlays.removeValue(forKey: path) != nil else { return }
        }
        if fileRefs[path] != nil { dirty.insert(path) }
    }

    /// Records a change on disk. Creating or deleting a Python file, or touching a
    /// configuration file, re-discovers the workspace; a changed migration is re-parsed.
    public func diskChanged(_ path: String, _ change: DiskChange) {
        if Self.isConfiguration(path) { needsReload = true; return }
        switch change {
        case .created, .deleted:
            if path.hasSuffix(".py") || fileRefs[path] != nil { needsReload = true }
        case .changed:
            if fileRefs[path] != nil, overlays[path] == nil { dirty.insert(path) }
        }
    }

    /// Re-lists the revision files of every environment and re-discovers the workspace when
    /// the set of files changed (for clients that do not watch files: on open and save).
    public func rescanIfListingChanged() {
        for environment in project.environments {
            let listed = RevisionFileLister.list(environment.environment).files.map(\.path)
            if listed != environment.files.map(\.path) { needsReload = true; return }
        }
    }

    /// Whether the host knows `path` as a migration file.
    public func isMigration(_ path: String) -> Bool { fileRefs[path] != nil }

    /// Whether `path` is a file whose change re-discovers the workspace (configuration, env.py).
    public static func isConfiguration(_ path: String) -> Bool {
        let name = (path as NSString).lastPathComponent
        return name == "pyproject.toml" || name == "alembic-ls.toml" || name.hasSuffix(".ini") || name == "env.py"
    }

    /// The paths whose diagnostics changed (or lost their entry) in the updates since the
    /// last call; the server publishes these, and no other set, after an update.
    public func takeChangedPaths() -> Set<String> {
        defer { changedPaths = [] }
        return changedPaths
    }

    /// Applies the recorded changes and returns the new snapshot.
    @discardableResult
    public func update() -> AnalysisSnapshot {
        guard hasPendingWork else { return snapshot }
        // Drop this side's reference to the previous snapshot so that, once no request holds
        // it, the facts, sources and diagnostics are updated in place instead of copied.
        snapshot = .empty
        let full = needsReload
        if full { reload() }
        var graphChanged = Set<Int>(), environmentChanged = Set<Int>()
        var edited: [(path: String, ref: AnalysisSnapshot.FileRef)] = []
        // Environments whose live database changed re-run their environment rules (ALM4xx).
        // The database rules read the graph and the database state: a new state re-runs the
        // graph-scope rules (and the environment-scope ones, which may read anything).
        if !full {
            let relint = databaseRelint.filter { $0 < project.environments.count }
            graphChanged.formUnion(relint)
            environmentChanged.formUnion(relint)
        }
        databaseRelint.removeAll()
        for path in dirty {
            let previousBytes = project.sources[path]?.bytes
            for ref in fileRefs[path] ?? [] {
                let file = reextract(path, environment: ref.environment)
                if ProjectLoader.replace(
                    in: &project.environments[ref.environment], fileAt: ref.file, with: file,
                    previousBytes: previousBytes, bytes: project.sources[path]?.bytes) {
                    graphChanged.insert(ref.environment)
                }
                environmentChanged.insert(ref.environment)
                edited.append((path, ref))
            }
        }
        dirty.removeAll()
        if full {
            relintAll()
        } else {
            var touched = Set(edited.map(\.path))
            for (_, ref) in edited {
                fileFindings[ref.environment][ref.file] = lint(fileAt: ref)
            }
            for index in graphChanged.sorted() {
                let context = self.context(index)
                // File rules whose findings read the graph (an option such as "only heads")
                // re-check every file of the environment when the graph changed.
                if rules.file.contains(where: { $0.readsGraph(context) }) {
                    let files = context.environment.files
                    for i in files.indices {
                        let found = LintEngine.findings(of: rules.file, file: files[i], in: context)
                        if found != fileFindings[index][i] {
                            touched.insert(files[i].path)
                            fileFindings[index][i] = found
                        }
                    }
                }
                let found = Self.byPath(
                    LintEngine.findings(of: rules.graph, in: context) + LintEngine.findingsOutsideFiles(of: rules.file, in: context))
                Self.differences(graphFindings[index], found, into: &touched)
                graphFindings[index] = found
            }
            for index in environmentChanged.sorted() where !rules.environment.isEmpty {
                let found = Self.byPath(LintEngine.findings(of: rules.environment, in: context(index)))
                Self.differences(environmentFindings[index], found, into: &touched)
                environmentFindings[index] = found
            }
            for path in touched { refilter(path) }
        }
        generation += 1
        snapshot = AnalysisSnapshot(
            project: project, diagnostics: diagnostics, generation: generation, fileRefs: fileRefs, databases: databases)
        return snapshot
    }

    private func reload() {
        needsReload = false
        project = roots.isEmpty
            ? ProjectAnalysis(roots: [], environments: [], discoveryProblems: [], sources: [:])
            : ProjectLoader.load(roots: roots, cwd: roots[0])
        modules = project.environments.map { ProjectLoader.modules(for: $0.environment, searchRoots: project.roots) }
        fileRefs = AnalysisSnapshot.fileRefs(project)
        knownPaths = []
        envPyOwners = [:]
        for (index, environment) in project.environments.enumerated() {
            for file in environment.files { knownPaths.insert(file.path) }
            if let config = environment.environment.configFile { knownPaths.insert(config) }
            if let config = environment.environment.pyprojectFile { knownPaths.insert(config) }
            if let env = environment.envPy, envPyOwners[env.path] == nil { envPyOwners[env.path] = index }
        }
        loadSettings()
        rules = ScopedRules(settings)
        filter = SuppressionFilter(settings: settings, projectRoot: settingsRoot, enabled: rules.all, comparesWithBase: false)
        // Open buffers win over disk.
        for path in overlays.keys where fileRefs[path] != nil && project.sources[path]?.bytes != overlays[path] {
            dirty.insert(path)
        }
    }

    /// Runs every rule over every environment and rebuilds every diagnostic set.
    private func relintAll() {
        fileFindings = []
        graphFindings = []
        environmentFindings = []
        for index in project.environments.indices {
            let context = self.context(index)
            let files = context.environment.files
            let fileRules = rules.file
            fileFindings.append(ParallelMap.map(files.indices) { LintEngine.findings(of: fileRules, file: files[$0], in: context) })
            graphFindings.append(Self.byPath(
                LintEngine.findings(of: rules.graph, in: context) + LintEngine.findingsOutsideFiles(of: rules.file, in: context)))
            environmentFindings.append(Self.byPath(LintEngine.findings(of: rules.environment, in: context)))
        }
        discoveryFindings = Self.byPath(LintEngine.discoveryDiagnostics(project, enabled: rules.all))
        let previous = diagnostics
        diagnostics = [:]
        var paths = knownPaths.union(envPyOwners.keys).union(discoveryFindings.keys)
        for found in graphFindings + environmentFindings { paths.formUnion(found.keys) }
        for path in paths { refilter(path, recordingChange: false) }
        for (path, old) in previous where diagnostics[path] != old { changedPaths.insert(path) }
        for path in diagnostics.keys where previous[path] == nil { changedPaths.insert(path) }
    }

    /// The context the rules of environment `index` see.
    private func context(_ index: Int) -> LintContext {
        LintContext(
            environment: project.environments[index], project: project,
            database: databases[project.environments[index].environment.id], ruleOptions: settings.ruleOptions,
            alembicVersionSetting: settings.alembicVersion, dialectSetting: settings.dialect)
    }

    /// The raw findings of the file rules for one migration file.
    private func lint(fileAt ref: AnalysisSnapshot.FileRef) -> [Diagnostic] {
        let context = self.context(ref.environment)
        return LintEngine.findings(of: rules.file, file: context.environment.files[ref.file], in: context)
    }

    /// Recomputes the reported diagnostics of `path` from the cached raw findings located
    /// there and the file's suppressions.
    private func refilter(_ path: String, recordingChange: Bool = true) {
        var raw: [Diagnostic] = []
        for ref in fileRefs[path] ?? [] {
            raw += fileFindings[ref.environment][ref.file].filter { $0.location.path == path }
        }
        for index in project.environments.indices {
            raw += graphFindings[index][path] ?? []
            raw += environmentFindings[index][path] ?? []
        }
        raw += discoveryFindings[path] ?? []
        let suppressions: Suppressions?
        if let ref = fileRefs[path]?.first {
            suppressions = LintEngine.suppressions(of: project.environments[ref.environment].files[ref.file])
        } else if let owner = envPyOwners[path], let env = project.environments[owner].envPy {
            suppressions = LintEngine.suppressions(of: env)
        } else {
            suppressions = nil
        }
        let reported = filter.apply(path: path, raw: raw, suppressions: suppressions, source: project.sources[path])
        let entry: [Diagnostic]? = reported.isEmpty && !knownPaths.contains(path) ? nil : reported
        if recordingChange, diagnostics[path] != entry { changedPaths.insert(path) }
        diagnostics[path] = entry
    }

    /// Findings grouped by the path they are located in, in their order.
    private static func byPath(_ found: [Diagnostic]) -> [String: [Diagnostic]] {
        var out: [String: [Diagnostic]] = [:]
        for diagnostic in found { out[diagnostic.location.path, default: []].append(diagnostic) }
        return out
    }

    /// Adds to `paths` every path whose findings differ between `old` and `new`.
    private static func differences(_ old: [String: [Diagnostic]], _ new: [String: [Diagnostic]], into paths: inout Set<String>) {
        for (path, found) in old where new[path] != found { paths.insert(path) }
        for path in new.keys where old[path] == nil { paths.insert(path) }
    }

    private func loadSettings() {
        settingsRoot = roots.first ?? ""
        var loaded = LintSettings()
        if let root = roots.first, let file = SettingsLoader.discover(from: root), case let .success(result) = SettingsLoader.load(file: file) {
            loaded = result.settings
            settingsRoot = result.root
        }
        settings = clientSettings ?? loaded
        settings.database = loaded.database
    }

    /// The facts of `path` from its open buffer, else from disk.
    private func reextract(_ path: String, environment: Int) -> MigrationFile {
        let bytes: [UInt8]
        if let overlay = overlays[path] {
            bytes = overlay
        } else {
            switch SourceReader.read(path) {
            case let .bytes(read): bytes = read
            case let .failed(error):
                var file = MigrationFile(path: path)
                file.readError = error
                project.sources[path] = nil
                return file
            }
        }
        project.sources[path] = SourceFile(path: path, bytes: bytes)
        return ProjectLoader.extractMigration(path: path, bytes: bytes, resolver: modules[environment].resolver)
    }
}
