import Foundation
import Testing

/// `alembic-ls db status` and `check --database` on real SQLite files (made by the oracle
/// interpreter's sqlite3 module) and an unreachable PostgreSQL URL.
@Suite struct DatabaseCommandTests {
    static let tree = [
        "alembic.ini": "[alembic]\nscript_location = %(here)s/alembic\nsqlalchemy.url = sqlite:///app.db\n",
        "alembic/env.py": "",
        "alembic/versions/a.py": "revision = 'aaa'\ndown_revision = None\n",
        "alembic/versions/b.py": "\"\"\"bee\"\"\"\nrevision = 'bbb'\ndown_revision = 'aaa'\n",
        "alembic/versions/c.py": "revision = 'ccc'\ndown_revision = 'bbb'\n",
    ]

    func stamp(_ directory: String, _ rows: [String]) throws {
        let script = "import sqlite3, sys; c = sqlite3.connect(sys.argv[1]); c.execute('CREATE TABLE alembic_version (version_num VARCHAR(32) NOT NULL)'); c.executemany('INSERT INTO alembic_version VALUES (?)', [(r,) for r in sys.argv[2:]]); c.commit()"
        let result = try CLI.run(try CLI.requirePython(), ["-c", script, directory + "/app.db"] + rows)
        try #require(result.status == 0, "\(result.stderr)")
    }

    @Test func statusPrintsCurrentThenPending() throws {
        let root = try temporaryTree(Self.tree)
        try stamp(root, ["aaa"])
        let result = try CLI.alembicLS(["db", "status"], cwd: root)
        #expect(result.status == 0)
        #expect(result.stdout == "aaa\n\nPending (2), in the order `alembic upgrade heads` applies them:\naaa -> bbb, bee\nbbb -> ccc (head), \n")
        #expect(result.stderr.contains("Database: sqlite:///app.db"))
    }

    @Test func unknownRevisionFailsLikeAlembic() throws {
        let root = try temporaryTree(Self.tree)
        try stamp(root, ["ghost"])
        let result = try CLI.alembicLS(["db", "status"], cwd: root)
        #expect(result.status == 1)
        #expect(result.stderr.contains("FAILED: Can't locate revision identified by 'ghost'"))
        let check = try CLI.alembicLS(["check", "--database", "sqlite:///app.db", "--output-format", "concise"], cwd: root)
        #expect(check.stdout.contains("ALM401"))
        #expect(check.stdout.contains("ALM402"))
    }

    @Test func unreachableDatabaseIsOneDiagnosticWithoutThePassword() throws {
        let root = try temporaryTree(Self.tree)
        let url = "postgresql://app:hunter2@127.0.0.1:1/app"
        let check = try CLI.alembicLS(["check", "--database", url, "--output-format", "concise"], cwd: root)
        #expect(check.stdout.components(separatedBy: "ALM405").count == 2)
        #expect(check.stdout.contains("postgresql://app:***@127.0.0.1:1/app"))
        #expect(!check.stdout.contains("hunter2") && !check.stderr.contains("hunter2"))
        let status = try CLI.alembicLS(["db", "status", "--database", url], cwd: root)
        #expect(status.status == 2)
        #expect(status.stderr.contains("cannot read the database") && !status.stderr.contains("hunter2"))
    }

    @Test func missingSQLiteFileIsNotCreated() throws {
        let root = try temporaryTree(Self.tree)
        let status = try CLI.alembicLS(["db", "status"], cwd: root)
        #expect(status.status == 2)
        #expect(status.stderr.contains("no such SQLite database file"))
        #expect(!FileManager.default.fileExists(atPath: root + "/app.db"))
    }
}
