import AlembicModel
import DatabaseIntrospection
import Foundation
import Lint

/// Which live database each environment reads, resolved from the settings and the process
/// environment without any I/O; ``perform()`` then reads them (blocking, bounded by the
/// request's timeout). The editor and `alembic-ls check` share it.
public struct DatabaseReadPlan: Hashable, Sendable {
    /// One database read: the URL (it may hold a password: never log it, use
    /// ``DatabaseReader/redact(_:)``), the directory relative SQLite paths resolve against,
    /// and the version table and timeout.
    public struct Read: Hashable, Sendable {
        public var url: String
        public var baseDirectory: String
        public var request: IntrospectionRequest

        public init(url: String, baseDirectory: String, request: IntrospectionRequest) {
            self.url = url
            self.baseDirectory = baseDirectory
            self.request = request
        }
    }

    /// The read of each environment that names a database, by ``AlembicEnvironment/id``.
    public var reads: [String: Read]

    /// A plan reading nothing.
    public init(reads: [String: Read] = [:]) {
        self.reads = reads
    }

    /// The plan for `project`: for each environment, the URL ``DatabaseURLResolver`` finds
    /// (`database-url`, the variable `database-url-env` names, `DATABASE_URL`, a
    /// non-placeholder `sqlalchemy.url`), relative SQLite paths against the environment's
    /// working directory (the ini file's), the version table of the settings, else of the
    /// configuration. The mode is the caller's business: this plans whatever resolves.
    public static func make(
        project: ProjectAnalysis, settings: DatabaseSettings, variables: [String: String], timeoutMilliseconds: Int
    ) -> DatabaseReadPlan {
        var reads: [String: Read] = [:]
        let resolverSettings = DatabaseURLResolver.Settings(databaseURL: settings.url, databaseURLEnv: settings.urlEnvironmentVariable)
        for analysis in project.environments {
            let environment = analysis.environment
            guard let resolution = DatabaseURLResolver.resolve(settings: resolverSettings, environment: environment, variables: variables)
            else { continue }
            var request = IntrospectionRequest(environment: environment, timeoutMilliseconds: max(1, timeoutMilliseconds))
            if let table = settings.versionTable { request.versionTable = table }
            if let schema = settings.versionTableSchema { request.versionTableSchema = schema }
            reads[environment.id] = Read(url: resolution.url, baseDirectory: environment.workingDirectory, request: request)
        }
        return DatabaseReadPlan(reads: reads)
    }

    /// Reads every planned database, each distinct read once (environments sharing a
    /// database share its state). Blocks for up to the timeout per distinct read; run it
    /// off any loop that must stay responsive.
    public func perform() -> [String: DatabaseState] {
        var byRead: [Read: DatabaseState] = [:]
        var states: [String: DatabaseState] = [:]
        for id in reads.keys.sorted() {
            guard let read = reads[id] else { continue }
            if let state = byRead[read] {
                states[id] = state
                continue
            }
            let state = DatabaseReader.read(url: read.url, baseDirectory: read.baseDirectory, request: read.request)
            byRead[read] = state
            states[id] = state
        }
        return states
    }
}
