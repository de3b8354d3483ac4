import AlembicModel
import Foundation
import Lint
import Testing
import TextCore

/// Fixture projects for the guard oracle: a base revision creating the tables, and a second
/// revision whose `upgrade()` performs the operation under test. Run by the real Alembic of
/// the oracle venv through `Tests/Oracle/upgrade_twice.py` (our own fixtures only).
enum GuardOracle {
    struct Missing: Error, CustomStringConvertible { let description: String }

    static let base = """
    \"\"\"base

    Revision ID: 0001
    Revises:
    Create Date: 2026-01-01 00:00:00.000000

    \"\"\"
    from alembic import op
    import sqlalchemy as sa

    revision = '0001'
    down_revision = None
    branch_labels = None
    depends_on = None


    def upgrade():
        op.create_table('users', sa.Column('id', sa.Integer, primary_key=True), sa.Column('name', sa.String(50)),
                        sa.Column('email', sa.String(100)), sa.Column('nickname', sa.String(50)))
        op.create_table('legacy', sa.Column('id', sa.Integer, primary_key=True))
        op.create_table('old_name', sa.Column('id', sa.Integer, primary_key=True))
        op.create_table('posts', sa.Column('id', sa.Integer, primary_key=True), sa.Column('user_id', sa.Integer),
                        sa.Column('title', sa.String(80)))
        op.create_index('ix_posts_title', 'posts', ['title'])
        op.create_table('accounts', sa.Column('id', sa.Integer, primary_key=True), sa.Column('code', sa.String(20)),
                        sa.UniqueConstraint('code', name='uq_accounts_code'))


    def downgrade():
        pass

    """

    static let env = """
    from alembic import context
    from sqlalchemy import engine_from_config, pool

    config = context.config
    if context.is_offline_mode():
        context.configure(url=config.get_main_option("sqlalchemy.url"), literal_binds=True, target_metadata=None)
        with context.begin_transaction():
            context.run_migrations()
    else:
        engine = engine_from_config(config.get_section(config.config_ini_section), prefix="sqlalchemy.", poolclass=pool.NullPool)
        with engine.connect() as connection:
            context.configure(connection=connection, target_metadata=None)
            with context.begin_transaction():
                context.run_migrations()

    """

    /// The second revision with `upgrade()`'s body (lines after the first indented by the caller).
    static func change(_ body: String) -> String {
        """
        \"\"\"change

        Revision ID: 0002
        Revises: 0001
        Create Date: 2026-01-01 00:00:00.000000

        \"\"\"
        from alembic import op
        import sqlalchemy as sa

        revision = '0002'
        down_revision = '0001'
        branch_labels = None
        depends_on = None


        def upgrade():
            \(body)


        def downgrade():
            pass

        """
    }

    /// A project directory with the base revision and `change` as `0002_change.py`.
    static func project(change: String, url: String? = nil, extra: [String: String] = [:]) throws -> String {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("alembic-ls-guard-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: root + "/alembic/versions", withIntermediateDirectories: true)
        let ini = "[alembic]\nscript_location = %(here)s/alembic\nsqlalchemy.url = \(url ?? "sqlite:///\(root)/db.sqlite")\n"
        try ini.write(toFile: root + "/alembic.ini", atomically: true, encoding: .utf8)
        try env.write(toFile: root + "/alembic/env.py", atomically: true, encoding: .utf8)
        try base.write(toFile: root + "/alembic/versions/0001_base.py", atomically: true, encoding: .utf8)
        try Data(change.utf8).write(to: URL(fileURLWithPath: root + "/alembic/versions/0002_change.py"))
        for (name, text) in extra { try text.write(toFile: root + "/" + name, atomically: true, encoding: .utf8) }
        return root
    }

    static func changePath(_ root: String) -> String { root + "/alembic/versions/0002_change.py" }

    /// The ALM201 findings of the project (with their fixes).
    static func findings(_ root: String, settings: LintSettings = LintSettings()) -> [Diagnostic] {
        var settings = settings
        settings.select = [RuleSelector("ALM201")]
        let project = ProjectLoader.load(roots: [root], cwd: root)
        return LintEngine.run(project, settings: settings, projectRoot: root).filter { $0.location.path.hasSuffix("0002_change.py") }
    }

    /// Applies `fix` to the change file and answers the new text.
    @discardableResult
    static func apply(_ fix: Fix, in root: String) throws -> String {
        let path = changePath(root)
        let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
        let edits = fix.edits.filter { $0.path == path }.flatMap(\.edits)
        let fixed = try #require(TextEdit.apply(edits, to: bytes))
        try Data(fixed).write(to: URL(fileURLWithPath: path))
        return String(decoding: fixed, as: UTF8.self)
    }

    /// The oracle interpreter: `ALEMBIC_LS_PYTHON`, else the repository's `.venv`.
    static func python() throws -> String {
        let python = ProcessInfo.processInfo.environment["ALEMBIC_LS_PYTHON"].flatMap { $0.isEmpty ? nil : $0 }
            ?? repositoryRoot().appendingPathComponent(".venv/bin/python").path
        guard FileManager.default.isExecutableFile(atPath: python) else {
            throw Missing(description: "no oracle Python at \(python): set ALEMBIC_LS_PYTHON")
        }
        return python
    }

    static func repositoryRoot() -> URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
    }

    /// One run of the oracle's `upgrade_twice.py`.
    struct Run {
        var firstOK: Bool
        var secondOK: Bool
        var firstError: String?
        var secondError: String?
        /// The reflected schema after the first upgrade, as sorted JSON.
        var firstSchema: String
        var secondSchema: String
    }

    static func upgradeTwice(_ root: String) throws -> Run {
        let script = repositoryRoot().appendingPathComponent("Tests/Oracle/upgrade_twice.py").path
        let (status, out, err) = try run([try python(), script, root, "0001"], in: root)
        guard status == 0, let json = try JSONSerialization.jsonObject(with: Data(out.utf8)) as? [String: Any],
              let first = json["first"] as? [String: Any], let second = json["second"] as? [String: Any] else {
            throw Missing(description: "oracle failed (\(status)): \(err.suffix(800))")
        }
        func schema(_ part: [String: Any]) throws -> String {
            let data = try JSONSerialization.data(withJSONObject: part["schema"] ?? [:], options: [.sortedKeys])
            return String(decoding: data, as: UTF8.self)
        }
        return Run(
            firstOK: first["ok"] as? Bool == true, secondOK: second["ok"] as? Bool == true,
            firstError: first["error"] as? String, secondError: second["error"] as? String,
            firstSchema: try schema(first), secondSchema: try schema(second))
    }

    /// `alembic upgrade head --sql` (offline mode): status and the SQL printed.
    static func offlineSQL(_ root: String) throws -> (status: Int32, sql: String, error: String) {
        try run([try python(), "-m", "alembic", "upgrade", "head", "--sql"], in: root)
    }

    static func run(_ arguments: [String], in directory: String) throws -> (Int32, String, String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: arguments[0])
        process.arguments = Array(arguments.dropFirst())
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        // stderr goes to a file so that neither pipe can fill up and block the child.
        let errorPath = directory + "/.oracle-stderr"
        FileManager.default.createFile(atPath: errorPath, contents: nil)
        let errorHandle = try FileHandle(forWritingTo: URL(fileURLWithPath: errorPath))
        let output = Pipe()
        process.standardOutput = output
        process.standardError = errorHandle
        try process.run()
        let out = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        try errorHandle.close()
        let err = (try? String(contentsOfFile: errorPath, encoding: .utf8)) ?? ""
        return (process.terminationStatus, String(decoding: out, as: UTF8.self), err)
    }
}
