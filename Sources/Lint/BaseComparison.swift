import AlembicModel
import PythonSyntax

/// Facts shared by the rules that compare the working tree with `check --base REF`.
struct BaseComparison {
    let context: LintContext
    let base: BaseRevisions

    /// Revision id → parents (down revisions and dependencies) in the graph the merge will
    /// produce: the ref's tip, overridden by the working tree.
    var mergedParents: [String: [String]] {
        var parents: [String: [String]] = [:]
        for file in base.tip.analysis.files {
            if let id = file.revisionID { parents[id] = Self.parents(of: file) }
        }
        for file in context.environment.files {
            if let id = file.revisionID { parents[id] = Self.parents(of: file) }
        }
        return parents
    }

    static func parents(of file: MigrationFile) -> [String] {
        (file.downRevision.value?.ids ?? []) + (file.dependsOn.value?.ids ?? [])
    }

    /// `id` and every revision it descends from in `parents` (unknown ids are kept, not
    /// followed; each id is visited once, so cycles terminate).
    static func lineage(of id: String, _ parents: [String: [String]]) -> Set<String> {
        var seen: Set<String> = [id]
        var stack = [id]
        while let next = stack.popLast() {
            for parent in parents[next] ?? [] where seen.insert(parent).inserted { stack.append(parent) }
        }
        return seen
    }

    /// The operations of a working-tree file, parsed from the bytes the analysis read.
    func workingOperations(_ path: String) -> MigrationOperations? {
        guard let bytes = context.project.sources[path]?.bytes else { return nil }
        return MigrationOperations.extract(parseModule(bytes))
    }

    /// Ids of the working tree's revisions.
    var workingIDs: Set<String> { Set(context.environment.fileIndexByRevision.keys) }

    /// The file of the working tree at `path`, if the environment has one there.
    func workingFile(at path: String) -> MigrationFile? {
        context.environment.files.first { $0.path == path }
    }

    /// `'a', 'b'` for messages.
    static func list(_ ids: some Sequence<String>) -> String {
        ids.map { "'\($0)'" }.joined(separator: ", ")
    }
}
