import PythonSyntax
import TextCore

/// Re-analysing one file from in-memory bytes (an editor buffer) without touching the rest.
extension ProjectLoader {
    /// The constant resolver for migrations of `environment`: the module search roots
    /// ``analyze(_:searchRoots:sources:)`` uses, cached per instance.
    public static func modules(for environment: AlembicEnvironment, searchRoots: [String]) -> WorkspaceModules {
        var moduleRoots = [environment.workingDirectory] + environment.prependSysPath
        for root in searchRoots { moduleRoots += [root, root + "/src"] }
        // The directory above the outermost package holding the scripts is where Python would
        // import the project from (`neutron/db/migration/alembic_migrations` → the repo root).
        for location in [environment.scriptDirectory].compactMap({ $0 }) + environment.effectiveVersionLocations {
            if let root = packageRoot(containing: location) { moduleRoots.append(root) }
        }
        return WorkspaceModules(searchRoots: moduleRoots)
    }

    /// Parses `bytes` as the migration file at `path` and extracts its facts, as a load
    /// from disk would (a decoding problem becomes the file's `readError`).
    public static func extractMigration(path: String, bytes: [UInt8], resolver: ImportedConstantResolver?) -> MigrationFile {
        if let problem = SourceReader.decodingProblem(bytes) {
            var file = MigrationFile(path: path)
            file.readError = problem
            return file
        }
        var extracted = MigrationFactsExtractor.extract(path: path, parsed: parseModule(bytes), resolver: resolver)
        extracted.readError = nil
        return extracted
    }

    /// Replaces the file at `index` of `analysis` in place (no copy of the other files' facts
    /// when the caller holds the only reference). When the file's graph facts are unchanged
    /// (``hasSameGraphFacts(_:_:as:_:)``: every edit inside `upgrade()`), the graphs are kept;
    /// otherwise they are rebuilt from the cached facts.
    /// - Parameters:
    ///   - previousBytes: the file's text the current facts were extracted from (nil if unread).
    ///   - bytes: the text `file` was extracted from (nil if unread).
    /// - Returns: whether the graphs were rebuilt.
    @discardableResult
    public static func replace(
        in analysis: inout EnvironmentAnalysis, fileAt index: Int, with file: MigrationFile,
        previousBytes: [UInt8]?, bytes: [UInt8]?
    ) -> Bool {
        guard analysis.files.indices.contains(index) else { return false }
        if hasSameGraphFacts(analysis.files[index], previousBytes, as: file, bytes) {
            analysis.files[index] = file
            analysis.exactGraph = analysis.exactGraph.replacingDoc(at: index, with: file.docstring?.message ?? "")
            return false
        }
        analysis.files[index] = file
        let envPy = analysis.envPy, requirement = analysis.alembicRequirement
        analysis = build(environment: analysis.environment, files: analysis.files, listingProblems: analysis.listingProblems)
        analysis.envPy = envPy
        analysis.alembicRequirement = requirement
        return true
    }

    /// Whether two versions of a file give the graph, and every finding derived from it, the
    /// same input: readability, `revision` (or the id from a legacy file name), `down_revision`,
    /// `depends_on` and `branch_labels` with their ranges, and the text of those statements
    /// (a fix quotes like the literal it replaces).
    public static func hasSameGraphFacts(_ old: MigrationFile, _ oldBytes: [UInt8]?, as new: MigrationFile, _ newBytes: [UInt8]?) -> Bool {
        guard old.path == new.path, old.isReadable == new.isReadable, old.revision == new.revision,
              old.downRevision == new.downRevision, old.dependsOn == new.dependsOn,
              old.branchLabels == new.branchLabels, old.legacyRevisionFromName == new.legacyRevisionFromName
        else { return false }
        let statements = [
            old.revision.statementRange, old.downRevision.statementRange,
            old.dependsOn.statementRange, old.branchLabels.statementRange,
        ]
        for case let range? in statements {
            guard let oldBytes, let newBytes, range.start >= 0, range.start <= range.end,
                  range.end <= oldBytes.count, range.end <= newBytes.count,
                  oldBytes[range.start ..< range.end] == newBytes[range.start ..< range.end]
            else { return false }
        }
        return true
    }
}
