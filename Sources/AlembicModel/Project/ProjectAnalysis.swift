/// Everything the analyzer knows about a workspace: its environments and the bytes of every
/// file it read.
public struct ProjectAnalysis: Sendable {
    public var roots: [String]
    public var environments: [EnvironmentAnalysis]
    /// Problems found while discovering configuration (unreadable directories, broken ini
    /// files that no environment could be built from …).
    public var discoveryProblems: [ConfigProblem]
    /// Every file read (migration files and configuration files), by path.
    public var sources: [String: SourceFile]

    public init(roots: [String], environments: [EnvironmentAnalysis], discoveryProblems: [ConfigProblem], sources: [String: SourceFile]) {
        self.roots = roots
        self.environments = environments
        self.discoveryProblems = discoveryProblems
        self.sources = sources
    }
}
