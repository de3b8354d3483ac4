import PythonSyntax

/// One environment's migration files as they are at a git commit, read from git's object
/// database (no checkout), with their facts, operations and revision graph. Paths are the
/// absolute paths the files would have in the working tree.
public struct RevisionTreeAtCommit: Sendable {
    public var commit: String
    /// The environment's files at the commit, analysed (graphs built as for the working tree).
    public var analysis: EnvironmentAnalysis
    /// Operations of each file, by path.
    public var operations: [String: MigrationOperations]
    /// The bytes of each file, by path (an unchanged file needs no comparison).
    public var sources: [String: [UInt8]]

    public init(commit: String, analysis: EnvironmentAnalysis, operations: [String: MigrationOperations], sources: [String: [UInt8]] = [:]) {
        self.commit = commit
        self.analysis = analysis
        self.operations = operations
        self.sources = sources
    }

    /// Reads the revision files of `environment`'s version locations at `commit`. A version
    /// location missing at the commit contributes no files; binary or oversized files are
    /// errors.
    public static func read(
        _ environment: AlembicEnvironment, repository: GitRepository, commit: String
    ) throws(GitError) -> RevisionTreeAtCommit {
        var files: [MigrationFile] = []
        var operations: [String: MigrationOperations] = [:]
        var sources: [String: [UInt8]] = [:]
        let recursive = environment.recursiveVersionLocations.value
        for location in environment.effectiveVersionLocations {
            guard let relative = repository.relativePath(location) else { continue }
            let prefix = relative.isEmpty ? "" : relative + "/"
            let entries = try repository.files(at: commit, under: relative).filter { entry in
                let rest = entry.path.dropFirst(prefix.count)
                let name = rest.split(separator: "/").last.map(String.init) ?? ""
                return (recursive || !rest.contains("/")) && name.hasSuffix(".py") && name != "__init__.py" && !name.hasPrefix(".#")
            }.sorted { $0.path < $1.path }
            let contents = try repository.contents(of: entries, at: commit)
            for (entry, bytes) in zip(entries, contents) {
                if let problem = SourceReader.decodingProblem(bytes) {
                    throw GitError("\(entry.path) at \(commit.prefix(12)) cannot be analysed: \(problem.message)")
                }
            }
            // The paths in the working tree's spelling (the location may go through a link).
            let paths = entries.map { location + "/" + $0.path.dropFirst(prefix.count) }
            let analysed = ParallelMap.map(contents.indices) { i -> (MigrationFile, MigrationOperations) in
                let parsed = parseModule(contents[i])
                return (MigrationFactsExtractor.extract(path: paths[i], parsed: parsed), MigrationOperations.extract(parsed))
            }
            for (i, (file, fileOperations)) in analysed.enumerated() {
                files.append(file)
                operations[file.path] = fileOperations
                sources[file.path] = contents[i]
            }
        }
        let analysis = ProjectLoader.build(environment: environment, files: files, listingProblems: [])
        return RevisionTreeAtCommit(commit: commit, analysis: analysis, operations: operations, sources: sources)
    }
}
