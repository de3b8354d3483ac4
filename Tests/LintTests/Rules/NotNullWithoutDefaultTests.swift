import Foundation
import Lint
import TestSupport
import Testing

@Suite struct NotNullWithoutDefaultTests {
    @Test func notNullColumnsWithoutServerDefaultAreReported() throws {
        let fixture = try Fixture.project([
            "a.py": migration("a", nil, body: upgradeBody("""
            1️⃣op.add_column('users', sa.Column('locale', sa.String(8), nullable=False))
            op.add_column('users', sa.Column('code', sa.Integer, nullable=False, server_default=None, default=0), schema='app')
            op.add_column('users', sa.Column('uid', sa.Integer, primary_key=True))
            with op.batch_alter_table('orders') as batch_op:
                batch_op.add_column(sa.Column('state', sa.String(), nullable=False))
            """)),
        ])
        defer { fixture.remove() }
        let found = fixture.lint("ALM206")
        #expect(found.map(\.message) == [
            "`add_column` adds NOT NULL column users.locale without a `server_default`: it fails on a table that has rows",
            "`add_column` adds NOT NULL column app.users.code without a `server_default`: it fails on a table that has rows",
            "`add_column` adds primary-key (NOT NULL) column users.uid without a `server_default`: it fails on a table that has rows",
            "`add_column` adds NOT NULL column orders.state without a `server_default`: it fails on a table that has rows",
        ])
        #expect(found.first?.location.range.start == fixture.location("1️⃣")?.offset)
    }

    @Test func nullableDefaultedNewTablesAndDowngradesAreClean() throws {
        let fixture = try Fixture.project([
            "a.py": migration("a", upgrade: """
                op.add_column('users', sa.Column('a', sa.String()))
                op.add_column('users', sa.Column('b', sa.String(), nullable=True))
                op.add_column('users', sa.Column('c', sa.String(), nullable=False, server_default='x'))
                op.add_column('users', sa.Column('d', sa.Boolean(), nullable=False, server_default=sa.false()))
                op.add_column('users', sa.Column('e', sa.Integer, primary_key=True, nullable=True))
                op.add_column('users', column_defined_elsewhere)
                op.create_table('fresh', sa.Column('id', sa.Integer))
                op.add_column('fresh', sa.Column('f', sa.String(), nullable=False))
                """, downgrade: "op.add_column('users', sa.Column('g', sa.String(), nullable=False))"),
        ])
        defer { fixture.remove() }
        #expect(fixture.lint("ALM206").isEmpty)
    }
}

/// The real Alembic on SQLite: a table with rows, then the revision adding a column. What the
/// rule reports fails; what it leaves alone runs.
@Suite struct NotNullWithoutDefaultOracleTests {
    struct Outcome: Decodable {
        var ok: Bool
        var error: String?
    }

    static let env = """
    from alembic import context
    from sqlalchemy import engine_from_config, pool

    config = context.config
    connectable = engine_from_config(config.get_section(config.config_ini_section), prefix="sqlalchemy.", poolclass=pool.NullPool)
    with connectable.connect() as connection:
        context.configure(connection=connection, target_metadata=None)
        with context.begin_transaction():
            context.run_migrations()
    """

    /// (findings of ALM206, Alembic's outcome) for a project whose second revision runs `body`.
    func run(_ body: String) throws -> (findings: [String], outcome: Outcome) {
        let python = try oraclePython()
        let seed = migration("a1", nil, body: upgradeBody("""
        users = op.create_table('users', sa.Column('id', sa.Integer, primary_key=True))
        op.bulk_insert(users, [{'id': 1}, {'id': 2}])
        """))
        let fixture = try Fixture.project(
            ["a1.py": seed, "b2.py": migration("b2", "'a1'", body: upgradeBody(body))],
            extra: ["alembic/env.py": Self.env])
        defer { fixture.remove() }
        let ini = "[alembic]\nscript_location = %(here)s/alembic\nsqlalchemy.url = sqlite:///\(fixture.root)/db.sqlite\n"
        try ini.write(toFile: fixture.path("alembic.ini"), atomically: true, encoding: .utf8)
        let findings = fixture.lint("ALM206").map(\.message)
        let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Oracle/upgrade_head.py").path
        let process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = [script, fixture.root]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (findings, try JSONDecoder().decode(Outcome.self, from: data))
    }

    @Test func reportedAddColumnFailsOnATableWithRows() throws {
        let result = try run("op.add_column('users', sa.Column('locale', sa.String(8), nullable=False))")
        #expect(result.findings.count == 1)
        #expect(!result.outcome.ok)
        #expect(result.outcome.error?.contains("NOT NULL") == true, "\(result.outcome.error ?? "")")
    }

    @Test func cleanAddColumnsRunOnATableWithRows() throws {
        let result = try run("""
        op.add_column('users', sa.Column('locale', sa.String(8), nullable=False, server_default='en'))
        op.add_column('users', sa.Column('note', sa.String(8)))
        """)
        #expect(result.findings.isEmpty)
        #expect(result.outcome.ok, "\(result.outcome.error ?? "")")
    }

    func oraclePython() throws -> String {
        let environment = ProcessInfo.processInfo.environment
        let python = environment["ALEMBIC_LS_PYTHON"].flatMap { $0.isEmpty ? nil : $0 }
            ?? URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent(".venv/bin/python").path
        guard FileManager.default.isExecutableFile(atPath: python) else {
            throw OracleMissing(description: "no oracle Python at \(python): set ALEMBIC_LS_PYTHON")
        }
        return python
    }

    struct OracleMissing: Error, CustomStringConvertible { let description: String }
}
