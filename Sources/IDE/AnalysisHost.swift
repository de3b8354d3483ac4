import AlembicModel
import Foundation
import Lint
import TextCore

/// The mutable side of the analysis: workspace roots, open buffers (which win over disk),
/// settings, and the cached per-file facts. Changes are recorded cheaply and applied by
/// ``update()``, which re-parses only the files that changed and rebuilds the graphs of
/// their environments from cached facts.
///
/// Not thread-safe: one owner (the server's ordered consumer) drives it; readers use the
/// immutable ``AnalysisSnapshot`` it produces.
public final class AnalysisHost {
    /// How a file changed on disk (LSP `FileChangeType`).
    public enum DiskChange: Sendable {
        case created, changed, deleted
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
    private var environmentDiagnostics: [[Diagnostic]] = []
    private var discoveryDiagnostics: [Diagnostic] = []
    private var settings = LintSettings()
    /// The live databases by environment id, and the environments to re-lint for them.
    private var databases: [String: DatabaseState] = [:]
    private var databaseRelint: Set<Int> = []
    private var settingsRoot = ""
    private var generation = 0
    /// Where each migration file sits (environment, index), refreshed on reload.
    private var fileRefs: [String: [AnalysisSnapshot.FileRef]] = [:]
    /// An empty diagnostic set for every file of every environment, refreshed on reload.
    private var cleanSets: [String: [Diagnostic]] = [:]

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

    /// Applies the recorded changes and returns the new snapshot.
    @discardableResult
    public func update() -> AnalysisSnapshot {
        guard hasPendingWork else { return snapshot }
        // Drop this side's reference to the previous snapshot so that, once no request holds
        // it, the facts and sources are updated in place instead of copied.
        snapshot = .empty
        var changedEnvironments = Set<Int>()
        if needsReload {
            reload()
            changedEnvironments = Set(project.environments.indices)
        }
        changedEnvironments.formUnion(databaseRelint.filter { $0 < project.environments.count })
        databaseRelint.removeAll()
        for path in dirty {
            for ref in fileRefs[path] ?? [] {
                let file = reextract(path, environment: ref.environment)
                ProjectLoader.replace(in: &project.environments[ref.environment], fileAt: ref.file, with: file)
                changedEnvironments.insert(ref.environment)
            }
        }
        dirty.removeAll()
        for index in changedEnvironments.sorted() { environmentDiagnostics[index] = lint(environment: index) }
        generation += 1
        snapshot = AnalysisSnapshot(
            project: project, diagnostics: diagnosticsByPath(), generation: generation, fileRefs: fileRefs, databases: databases)
        return snapshot
    }

    private func reload() {
        needsReload = false
        project = roots.isEmpty
            ? ProjectAnalysis(roots: [], environments: [], discoveryProblems: [], sources: [:])
            : ProjectLoader.load(roots: roots, cwd: roots[0])
        modules = project.environments.map { ProjectLoader.modules(for: $0.environment, searchRoots: project.roots) }
        fileRefs = AnalysisSnapshot.fileRefs(project)
        cleanSets = [:]
        for environment in project.environments {
            for file in environment.files { cleanSets[file.path] = [] }
            if let config = environment.environment.configFile { cleanSets[config] = [] }
            if let config = environment.environment.pyprojectFile { cleanSets[config] = [] }
        }
        loadSettings()
        environmentDiagnostics = Array(repeating: [], count: project.environments.count)
        discoveryDiagnostics = LintEngine.run(
            ProjectAnalysis(roots: project.roots, environments: [], discoveryProblems: project.discoveryProblems, sources: project.sources),
            settings: settings, projectRoot: settingsRoot)
        // Open buffers win over disk.
        for path in overlays.keys where fileRefs[path] != nil && project.sources[path]?.bytes != overlays[path] {
            dirty.insert(path)
        }
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

    private func lint(environment index: Int) -> [Diagnostic] {
        let single = ProjectAnalysis(
            roots: project.roots, environments: [project.environments[index]], discoveryProblems: [], sources: project.sources)
        return LintEngine.run(single, settings: settings, projectRoot: settingsRoot, databases: databases)
    }

    private func diagnosticsByPath() -> [String: [Diagnostic]] {
        var out = cleanSets
        var seen = Set<Diagnostic>()
        for diagnostic in environmentDiagnostics.joined() + discoveryDiagnostics where seen.insert(diagnostic).inserted {
            out[diagnostic.location.path, default: []].append(diagnostic)
        }
        return out
    }
}
