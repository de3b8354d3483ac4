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
    /// when the caller holds the only reference) and rebuilds the graphs from the cached facts.
    public static func replace(in analysis: inout EnvironmentAnalysis, fileAt index: Int, with file: MigrationFile) {
        guard analysis.files.indices.contains(index) else { return }
        analysis.files[index] = file
        let envPy = analysis.envPy, requirement = analysis.alembicRequirement, models = analysis.models
        analysis = build(environment: analysis.environment, files: analysis.files, listingProblems: analysis.listingProblems)
        analysis.envPy = envPy
        analysis.alembicRequirement = requirement
        analysis.models = models
    }
}
