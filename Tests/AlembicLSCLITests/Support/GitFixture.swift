import Foundation

/// A real git repository in a temporary directory holding an Alembic project, for the
/// `check --base` tests.
struct GitFixture {
    let root: String

    /// A repository on branch `main` with `alembic.ini`, `alembic/env.py` and the given
    /// migrations (`name: (revision, down_revision literal)`), committed.
    init(_ migrations: [String: String] = [:]) throws {
        root = try temporaryTree([
            "alembic.ini": "[alembic]\nscript_location = %(here)s/alembic\nsqlalchemy.url = sqlite://\n",
            "alembic/env.py": "from alembic import context\n",
        ])
        try git("init", "-q", "-b", "main")
        try git("config", "user.email", "test@example.com")
        try git("config", "user.name", "Test")
        try git("config", "commit.gpgsign", "false")
        for (name, text) in migrations { try write("alembic/versions/\(name)", text) }
        try commit("initial")
    }

    /// Runs git in the repository; throws with git's stderr when it fails.
    @discardableResult
    func git(_ arguments: String...) throws -> String {
        let result = try CLI.run("/usr/bin/env", ["git"] + arguments, cwd: root)
        guard result.status == 0 else { throw Failure("git \(arguments.joined(separator: " ")) failed: \(result.stderr)") }
        return result.stdout
    }

    func write(_ relative: String, _ text: String) throws {
        let url = URL(fileURLWithPath: root + "/" + relative)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try text.write(to: url, atomically: true, encoding: .utf8)
    }

    func remove(_ relative: String) throws { try FileManager.default.removeItem(atPath: root + "/" + relative) }

    func commit(_ message: String) throws {
        try git("add", "-A")
        try git("commit", "-q", "--allow-empty", "-m", message)
    }

    /// `alembic-ls check ARGS --output-format json` in the repository: status and findings.
    func check(_ arguments: String...) throws -> (status: Int32, findings: [[String: Any]], stderr: String) {
        // The head gate is about the revision graph: the fixtures' operations (unguarded,
        // with empty downgrades) would add operation findings (ALM2xx) to every result.
        let result = try CLI.alembicLS(["check", "--output-format", "json", "--ignore", "ALM2"] + arguments, cwd: root)
        let findings = (try? JSONSerialization.jsonObject(with: Data(result.stdout.utf8))) as? [[String: Any]] ?? []
        return (result.status, findings, result.stderr)
    }
}

/// A migration as `alembic revision` writes it, with `body` as `upgrade()`'s statements.
func gitMigration(_ revision: String, _ down: String, body: String = "op.create_table('t_\\(UUID().uuidString.prefix(4))')") -> String {
    let revises = down == "None" ? "" : down.filter { !"'()".contains($0) }
    return """
    \"\"\"\(revision)

    Revision ID: \(revision)
    Revises: \(revises)
    Create Date: 2026-01-01 00:00:00.000000

    \"\"\"
    from alembic import op
    import sqlalchemy as sa

    revision = '\(revision)'
    down_revision = \(down)
    branch_labels = None
    depends_on = None


    def upgrade():
        \(body)


    def downgrade():
        pass

    """
}
