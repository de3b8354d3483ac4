import Foundation
import Testing

/// When `check` and `db status` read a database: `check` never opens a connection unasked
/// (`--database URL`, `--database-from-settings` or `database = "auto"`), `db status`
/// always resolves one; both honour the `database-url`, `database-url-env` and
/// `version-table` keys of `[tool.alembic-ls]`.
@Suite struct DatabaseSettingsCommandTests {
    static let tree = [
        "alembic.ini": "[alembic]\nscript_location = %(here)s/alembic\nsqlalchemy.url = sqlite:///app.db\n",
        "alembic/env.py": "",
        "alembic/versions/a.py": "revision = 'aaa'\ndown_revision = None\n",
        "alembic/versions/b.py": "revision = 'bbb'\ndown_revision = 'aaa'\n",
    ]
    /// No stray `DATABASE_URL` from the machine running the tests.
    static let clean = ["DATABASE_URL": ""]

    func stamp(_ file: String, table: String = "alembic_version", _ rows: [String]) throws {
        let script = "import sqlite3, sys; c = sqlite3.connect(sys.argv[1]); c.execute('CREATE TABLE %s (version_num VARCHAR(32) NOT NULL)' % sys.argv[2]); c.executemany('INSERT INTO %s VALUES (?)' % sys.argv[2], [(r,) for r in sys.argv[3:]]); c.commit()"
        let result = try CLI.run(try CLI.requirePython(), ["-c", script, file, table] + rows)
        try #require(result.status == 0, "\(result.stderr)")
    }

    func check(_ arguments: [String], _ root: String, environment: [String: String] = clean) throws -> CLI.Output {
        try CLI.alembicLS(["check", "--output-format", "concise"] + arguments, cwd: root, environment: environment)
    }

    @Test func checkReadsNoDatabaseUnlessAsked() throws {
        let root = try temporaryTree(Self.tree)
        try stamp(root + "/app.db", ["aaa"])
        #expect(try !check([], root).stdout.contains("ALM40"))
        #expect(try !check([], root, environment: ["DATABASE_URL": "postgresql://u:p@127.0.0.1:1/x"]).stdout.contains("ALM40"))
        let asked = try check(["--database-from-settings"], root)
        #expect(asked.stdout.contains("ALM402") && asked.stdout.contains("'bbb' is pending on sqlite:///app.db"))
        #expect(try check(["--database-from-settings", "--no-database"], root).status == 2)
    }

    @Test func autoModeReadsInCheckAndNoDatabaseTurnsItOff() throws {
        var tree = Self.tree
        tree["pyproject.toml"] = "[tool.alembic-ls]\ndatabase = \"auto\"\ndatabase-url-env = \"APP_DB\"\n"
        let root = try temporaryTree(tree)
        try stamp(root + "/other.db", ["aaa", "bbb"])
        try stamp(root + "/app.db", ["aaa"])
        // database-url-env wins over sqlalchemy.url; unset, sqlalchemy.url is next.
        #expect(try !check([], root, environment: ["APP_DB": "sqlite:///other.db", "DATABASE_URL": ""]).stdout.contains("ALM40"))
        #expect(try check([], root).stdout.contains("ALM402"))
        #expect(try !check(["--no-database"], root).stdout.contains("ALM402"))
        let shown = try CLI.alembicLS(["check", "--show-settings"], cwd: root)
        #expect(shown.stdout.contains("database = \"auto\"\ndatabase-url-env = \"APP_DB\"\n"))
    }

    @Test func dbStatusUsesTheSettingsURLAndVersionTable() throws {
        var tree = Self.tree
        tree["pyproject.toml"] = "[tool.alembic-ls]\ndatabase-url = \"sqlite:///settings.db\"\nversion-table = \"my_version\"\n"
        let root = try temporaryTree(tree)
        try stamp(root + "/settings.db", table: "my_version", ["bbb"])
        let status = try CLI.alembicLS(["db", "status"], cwd: root, environment: Self.clean)
        #expect(status.status == 0)
        #expect(status.stdout == "bbb (head)\n")
        #expect(status.stderr.contains("Database: sqlite:///settings.db"))
        // --database still wins.
        try stamp(root + "/app.db", ["aaa"])
        let explicit = try CLI.alembicLS(["db", "status", "--database", "sqlite:///app.db"], cwd: root, environment: Self.clean)
        #expect(explicit.stderr.contains("No version table my_version"))
    }

    @Test func badDatabaseModeIsAConfigurationError() throws {
        var tree = Self.tree
        tree["pyproject.toml"] = "[tool.alembic-ls]\ndatabase = \"sometimes\"\n"
        let root = try temporaryTree(tree)
        let result = try check([], root)
        #expect(result.status == 2)
        #expect(result.stderr.contains("`database` must be one of \"editor\", \"auto\", \"off\""))
        tree["pyproject.toml"] = "[tool.alembic-ls]\ndatabase-url = 5\n"
        #expect(try check([], try temporaryTree(tree)).stderr.contains("`database-url` must be a string"))
    }
}
