import CLibPQ
import CSQLite
import Foundation
import Testing

struct Failure: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

/// Test databases: SQLite files written through the C API, PostgreSQL databases on the
/// server named by `ALEMBIC_LS_TEST_PG` (started by `.ci/postgres.sh`), and the oracle.
enum TestDatabases {
    static let repoRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// A new empty temporary directory.
    static func temporaryDirectory() throws -> String {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("alembic-ls-db-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url.path
    }

    /// Creates a SQLite file at `path` by running `sql` (writable; the code under test
    /// opens it read-only).
    static func sqlite(_ path: String, _ sql: String) throws {
        var handle: OpaquePointer?
        guard sqlite3_open(path, &handle) == SQLITE_OK, let handle else { throw Failure("cannot create \(path)") }
        defer { sqlite3_close(handle) }
        var error: UnsafeMutablePointer<CChar>?
        if sqlite3_exec(handle, sql, nil, nil, &error) != SQLITE_OK {
            let message = error.map { String(cString: $0) } ?? "?"
            sqlite3_free(error)
            throw Failure("sqlite: \(message)")
        }
    }

    /// The PostgreSQL server URL; a clear failure (never a skip) when it is not set.
    static func postgresURL() throws -> String {
        guard let url = ProcessInfo.processInfo.environment["ALEMBIC_LS_TEST_PG"], !url.isEmpty else {
            throw Failure("ALEMBIC_LS_TEST_PG is not set: start PostgreSQL with `eval \"$(bash .ci/postgres.sh)\"` (.ci/run does) before `swift test`")
        }
        return url
    }

    /// `postgresql://user@host:port/NAME` for the server's URL.
    static func postgresURL(database name: String) throws -> String {
        let base = try postgresURL()
        guard let scheme = base.range(of: "://"), let slash = base[scheme.upperBound...].firstIndex(of: "/") else {
            throw Failure("ALEMBIC_LS_TEST_PG must be a URL like postgresql://postgres@127.0.0.1:PORT/postgres, not \(base)")
        }
        return String(base[..<slash]) + "/" + name
    }

    /// Runs `sql` (several statements allowed) on `database`; returns the rows of the last
    /// statement as text.
    @discardableResult
    static func postgres(_ sql: String, database: String = "postgres", conninfo: String? = nil) throws -> [[String?]] {
        let url = try conninfo ?? postgresURL(database: database)
        guard let connection = PQconnectdb(url) else { throw Failure("libpq: out of memory") }
        defer { PQfinish(connection) }
        guard PQstatus(connection) == CONNECTION_OK else {
            throw Failure("cannot connect to \(url): \(String(cString: PQerrorMessage(connection)))")
        }
        guard let result = PQexec(connection, sql) else { throw Failure("libpq: no result") }
        defer { PQclear(result) }
        let status = PQresultStatus(result)
        guard status == PGRES_TUPLES_OK || status == PGRES_COMMAND_OK else {
            throw Failure("postgres: \(String(cString: PQresultErrorMessage(result)))")
        }
        return (0 ..< PQntuples(result)).map { row in
            (0 ..< PQnfields(result)).map { column in
                PQgetisnull(result, row, column) == 1 ? nil : String(cString: PQgetvalue(result, row, column))
            }
        }
    }

    /// A new, empty PostgreSQL database; returns its name.
    static func createPostgresDatabase() throws -> String {
        let name = "alembic_ls_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "").prefix(16)
        try postgres("CREATE DATABASE \(name)")
        return String(name)
    }

    /// The write counters of `database` (`pg_stat_database` inserted, updated, deleted
    /// tuples), once the statistics of finished sessions have been flushed.
    static func writeCounters(_ database: String) throws -> [String] {
        Thread.sleep(forTimeInterval: 0.6)
        return try postgres(
            "SELECT pg_stat_clear_snapshot(); SELECT tup_inserted, tup_updated, tup_deleted FROM pg_stat_database WHERE datname = '\(database)'"
        ).first?.compactMap { $0 } ?? []
    }

    /// The oracle interpreter: `$ALEMBIC_LS_PYTHON`, else `<repo>/.venv/bin/python`; a
    /// clear failure when neither exists.
    static func python() throws -> String {
        if let env = ProcessInfo.processInfo.environment["ALEMBIC_LS_PYTHON"], FileManager.default.isExecutableFile(atPath: env) { return env }
        let venv = repoRoot.appendingPathComponent(".venv/bin/python").path
        guard FileManager.default.isExecutableFile(atPath: venv) else {
            throw Failure("the oracle interpreter is missing: run .ci/run (it creates .venv with alembic) or set ALEMBIC_LS_PYTHON")
        }
        return venv
    }

    /// Runs `executable` and returns (status, stdout, stderr).
    static func run(_ executable: String, _ arguments: [String], cwd: String? = nil) throws -> (status: Int32, stdout: String, stderr: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        if let cwd { process.currentDirectoryURL = URL(fileURLWithPath: cwd) }
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        nonisolated(unsafe) var errData = Data()
        let group = DispatchGroup()
        group.enter()
        DispatchQueue.global().async { errData = err.fileHandleForReading.readDataToEndOfFile(); group.leave() }
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        group.wait()
        return (process.terminationStatus, String(decoding: outData, as: UTF8.self), String(decoding: errData, as: UTF8.self))
    }
}
