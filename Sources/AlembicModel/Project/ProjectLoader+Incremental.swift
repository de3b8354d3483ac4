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
        // The schema replay reads every file's operations: any change invalidates it.
        analysis.schemaTimelineCache = SchemaTimelineCache()
        let old = analysis.files[index]
        let message = file.docstring?.message ?? ""
        if hasSameGraphFacts(old, previousBytes, as: file, bytes) {
            analysis.files[index] = file
            if analysis.docs.indices.contains(index), analysis.docs[index] != message {
                analysis.docs[index] = message
                // The exact graph renders docstring messages only for a dangling reference.
                if !analysis.danglingSpecs.isEmpty { analysis.exactGraph = ExactGraph(specs: analysis.specs, docs: analysis.docs) }
            }
            return false
        }
        if let position = edgePatchPosition(analysis, old: old, new: file, fileAt: index) {
            patchEdges(&analysis, specAt: position, fileAt: index, with: file, message: message)
            return true
        }
        analysis.files[index] = file
        let envPy = analysis.envPy, requirement = analysis.alembicRequirement, models = analysis.models
        analysis = build(environment: analysis.environment, files: analysis.files, listingProblems: analysis.listingProblems)
        analysis.envPy = envPy
        analysis.alembicRequirement = requirement
        analysis.models = models
        return true
    }

    /// The position of the file's spec when only its `down_revision` or `depends_on` changed
    /// (same id, labels and readability), so that its spec can be patched in place.
    private static func edgePatchPosition(_ analysis: EnvironmentAnalysis, old: MigrationFile, new: MigrationFile, fileAt index: Int) -> Int? {
        guard old.isReadable, new.isReadable, let id = old.revisionID, new.revisionID == id,
              (old.branchLabels.value?.map(\.value) ?? []) == (new.branchLabels.value?.map(\.value) ?? []),
              analysis.specs.count == analysis.specFiles.count
        else { return nil }
        // Specs are in file order: binary search for the file's spec.
        var low = 0, high = analysis.specFiles.count
        while low < high {
            let middle = (low + high) / 2
            if analysis.specFiles[middle] < index { low = middle + 1 } else { high = middle }
        }
        guard low < analysis.specFiles.count, analysis.specFiles[low] == index, analysis.specs[low].revision == id else { return nil }
        return low
    }

    /// Replaces the spec at `position` with the file's new edges and rebuilds the graphs from
    /// the specs, without re-reading every file's facts. The ids and labels are unchanged, so
    /// only this spec can start or stop dangling.
    private static func patchEdges(
        _ analysis: inout EnvironmentAnalysis, specAt position: Int, fileAt index: Int, with file: MigrationFile, message: String
    ) {
        analysis.files[index] = file
        // Release the graphs' references to the specs, so that they are patched in place.
        var specs = analysis.specs
        analysis.specs = []
        analysis.lintGraph = RevisionGraph([])
        analysis.exactGraph = ExactGraph(built: analysis.lintGraph)
        specs[position].downRevision = file.downRevision.value.map(Self.reference) ?? .none
        specs[position].dependsOn = file.dependsOn.value.map(Self.reference) ?? .none
        if dangles(specs[position], ids: analysis.fileIndexByRevision, labels: analysis.fileIndexByLabel) {
            analysis.danglingSpecs.insert(position)
        } else {
            analysis.danglingSpecs.remove(position)
        }
        if analysis.docs.indices.contains(index), analysis.docs[index] != message { analysis.docs[index] = message }
        analysis.specs = specs
        buildGraphs(&analysis)
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
