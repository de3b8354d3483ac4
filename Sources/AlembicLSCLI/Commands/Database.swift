import AlembicModel
import ArgumentParser
import DatabaseIntrospection
import Foundation
import Lint

/// `alembic-ls db …`: read the configured database, read-only.
struct Database: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "db", abstract: "Read the configured database (read-only: SQLite and PostgreSQL).",
        subcommands: [DatabaseStatusCommand.self])

    /// Each environment's database read from `url` (`check --database URL`), by environment id.
    static func read(url: String, project: ProjectAnalysis, cwd: String, timeoutMilliseconds: Int = 5_000) -> [String: DatabaseState] {
        var states: [String: DatabaseState] = [:]
        for analysis in project.environments {
            let request = IntrospectionRequest(environment: analysis.environment, timeoutMilliseconds: timeoutMilliseconds)
            states[analysis.environment.id] = DatabaseReader.read(url: url, baseDirectory: cwd, request: request)
        }
        return states
    }

    /// The database keys of the closest `[tool.alembic-ls]` above `directory` (none: defaults).
    static func settings(from directory: String) throws -> DatabaseSettings {
        guard let file = SettingsLoader.discover(from: directory) else { return DatabaseSettings() }
        switch SettingsLoader.load(file: file) {
        case let .success(loaded): return loaded.settings.database
        case let .failure(error): throw CLIError("invalid configuration: \(error)")
        }
    }
}

/// `alembic-ls db status`: what `alembic current` prints, then the revisions
/// `alembic upgrade heads` would apply, without Python.
struct DatabaseStatusCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "Show the database's current revisions (like `alembic current`) and the pending ones.")

    @OptionGroup var environmentOptions: EnvironmentOptions

    @Option(name: .long, help: "The database URL (default: the database-url setting, the variable database-url-env names, $DATABASE_URL, then sqlalchemy.url).")
    var database: String?

    @Option(name: .long, help: "Milliseconds allowed for connecting and for each query.")
    var timeout: Int = 5_000

    func run() throws {
        let cwd = FileManager.default.currentDirectoryPath
        let view = try ScriptDirectoryView.load(environmentOptions, cwd: cwd)
        let environment = view.environment.environment
        let settings = try Database.settings(from: cwd)
        guard let resolution = DatabaseURLResolver.resolve(
            settings: .init(databaseURL: database ?? settings.url, databaseURLEnv: settings.urlEnvironmentVariable),
            environment: environment, variables: ProcessInfo.processInfo.environment)
        else {
            throw CLIError("no database: pass --database URL, set database-url in [tool.alembic-ls], set DATABASE_URL, or set sqlalchemy.url in the configuration")
        }
        var request = IntrospectionRequest(environment: environment, timeoutMilliseconds: max(1, timeout))
        if let table = settings.versionTable { request.versionTable = table }
        if let schema = settings.versionTableSchema { request.versionTableSchema = schema }
        let state = DatabaseReader.read(url: resolution.url, baseDirectory: cwd, request: request)
        guard let snapshot = state.snapshot else {
            if case let .unavailable(_, reason) = state { throw CLIError("cannot read the database: \(reason)") }
            return
        }
        if let error = view.environment.graph.buildError { throw ScriptDirectoryView.failure(error) }
        let status = DatabaseStatus.compute(versionRows: snapshot.versionRows, graph: view.environment.graph)
        let stderr = FileHandle.standardError
        stderr.write(Data("Database: \(snapshot.url) (\(snapshot.serverVersion))\n".utf8))
        if snapshot.versionRows == nil {
            stderr.write(Data("No version table \(snapshot.versionTableName): nothing is applied.\n".utf8))
        }
        for id in status.current {
            print(view.headOnly(id, includeBranches: false, includeDoc: false, includeParents: false, treeIndicators: true))
        }
        if !status.unknown.isEmpty {
            for id in status.unknown {
                stderr.write(Data("FAILED: Can't locate revision identified by '\(id)' (in \(snapshot.versionTableName))\n".utf8))
            }
            throw ExitCode(ExitStatus.findings)
        }
        if status.pending.isEmpty {
            stderr.write(Data("No pending revisions.\n".utf8))
            return
        }
        print("")
        print("Pending (\(status.pending.count)), in the order `alembic upgrade heads` applies them:")
        for id in status.pending {
            print(view.headOnly(id, includeBranches: true, includeDoc: true, includeParents: true, treeIndicators: true))
        }
    }
}
