import AlembicModel

extension AnalysisSnapshot {
    /// The status of `environment`'s revisions on its live database, when the database was read.
    public func databaseStatus(of environment: EnvironmentAnalysis) -> DatabaseStatus? {
        guard let snapshot = databases[environment.environment.id]?.snapshot else { return nil }
        return DatabaseStatusCache.shared.status(versionRows: snapshot.versionRows, graph: environment.lintGraph)
    }

    /// What the database says of `revision`: "applied (current)", "applied",
    /// "pending, step 2 of 3", or nil for a revision the status does not list.
    static func databaseLabel(_ revision: String, in status: DatabaseStatus) -> String? {
        if status.current.contains(revision) { return "applied (current)" }
        if status.isApplied(revision) { return "applied" }
        guard let step = status.pending.firstIndex(of: revision) else { return nil }
        return "pending, step \(step + 1) of \(status.pending.count)"
    }
}
