import Foundation

/// The real Alembic from the oracle interpreter (`ALEMBIC_LS_PYTHON`, else the repository's
/// `.venv`), run on test fixtures only: it upgrades their databases.
enum AlembicOracle {
    /// An env.py that connects to `$TEST_DATABASE_URL` (so that alembic.ini can keep a
    /// placeholder URL alembic-ls does not resolve on its own).
    static let envPy = """
        import os
        from alembic import context
        from sqlalchemy import create_engine, pool

        engine = create_engine(os.environ["TEST_DATABASE_URL"], poolclass=pool.NullPool)
        with engine.connect() as connection:
            context.configure(connection=connection, target_metadata=None)
            with context.begin_transaction():
                context.run_migrations()

        """

    static func python() throws -> String {
        let python = ProcessInfo.processInfo.environment["ALEMBIC_LS_PYTHON"].flatMap { $0.isEmpty ? nil : $0 }
            ?? URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent(".venv/bin/python").path
        guard FileManager.default.isExecutableFile(atPath: python) else {
            throw TestFailure("no oracle Python at \(python): set ALEMBIC_LS_PYTHON")
        }
        return python
    }

    /// `alembic <arguments>` in `root` against `databaseURL`; throws with alembic's output on failure.
    static func run(_ arguments: [String], root: String, databaseURL: String) throws {
        try python(["-m", "alembic"] + arguments, directory: root, databaseURL: databaseURL)
    }

    /// `CREATE DATABASE name` (or `DROP DATABASE IF EXISTS name`) on the server of `serverURL`
    /// (a `postgresql://` URL), through psycopg.
    static func postgres(_ statement: String, serverURL: String) throws {
        let script = "import psycopg, sys\nwith psycopg.connect(sys.argv[1], autocommit=True) as c: c.execute(sys.argv[2])"
        try python(["-c", script, serverURL, statement], directory: FileManager.default.temporaryDirectory.path, databaseURL: "")
    }

    private static func python(_ arguments: [String], directory: String, databaseURL: String) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try python())
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        var environment = ProcessInfo.processInfo.environment
        environment["TEST_DATABASE_URL"] = databaseURL
        process.environment = environment
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw TestFailure("python \(arguments.joined(separator: " ")) failed: \(String(decoding: data, as: UTF8.self))")
        }
    }
}
