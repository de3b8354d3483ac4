import AlembicModel
import Foundation
import Lint
import PythonSyntax
import TestSupport
import Testing

extension Fixture {
    /// The fixture's environment as it is now, recorded as the base of a later check (what
    /// `check --base` reads from git), under `ref`.
    func snapshotBase(ref: String = "main") throws -> BaseRevisions {
        let project = analyze()
        let environment = try #require(project.environments.first)
        var operations: [String: MigrationOperations] = [:]
        for file in environment.files {
            if let bytes = project.sources[file.path]?.bytes { operations[file.path] = MigrationOperations.extract(parseModule(bytes)) }
        }
        let tree = RevisionTreeAtCommit(commit: "0000000", analysis: environment, operations: operations)
        return BaseRevisions(ref: ref, tip: tree, mergeBase: tree)
    }

    /// Diagnostics of one rule against a base.
    func lint(_ code: String, base: BaseRevisions) -> [Diagnostic] {
        let project = analyze()
        let bases = Dictionary(uniqueKeysWithValues: project.environments.map { ($0.environment.id, base) })
        return LintEngine.run(project, settings: LintSettings(select: [RuleSelector(code)]), projectRoot: root, bases: bases)
    }

    func write(_ relative: String, _ text: String) throws {
        try text.write(toFile: path(relative), atomically: true, encoding: .utf8)
    }
}
