import AlembicModel
import Foundation
import Lint
import Testing

/// The "Done when" of the guard fixes: each fix, applied to a migration performing one kind
/// of operation, yields a migration that the real `alembic upgrade` runs twice on SQLite
/// (stamped back one revision in between) and whose first run builds the same schema as the
/// unguarded original, whose own second run fails.
@Suite(.serialized) struct GuardOracleTests {
    struct Kind: CustomStringConvertible, Sendable {
        var name: String
        var body: String
        /// False for the batch constraint creations, which SQLite's batch table
        /// re-creation makes re-runnable even unguarded.
        var reRunFails = true
        var description: String { name }
    }

    static let kinds: [Kind] = [
        Kind(name: "create_table", body: "op.create_table('tags', sa.Column('id', sa.Integer, primary_key=True), sa.Column('label', sa.String(30)))"),
        Kind(name: "drop_table", body: "op.drop_table('legacy')"),
        Kind(name: "rename_table", body: "op.rename_table('old_name', 'new_name')"),
        Kind(name: "add_column", body: "op.add_column('users', sa.Column('locale', sa.String(10), nullable=True))"),
        Kind(name: "drop_column", body: "op.drop_column('users', 'nickname')"),
        Kind(name: "rename_column", body: "op.alter_column('users', 'name', new_column_name='display_name')"),
        Kind(name: "create_index", body: "op.create_index('ix_users_email', 'users', ['email'])"),
        Kind(name: "drop_index", body: "op.drop_index('ix_posts_title', table_name='posts')"),
        Kind(name: "create_unique_batch", body: "with op.batch_alter_table('users') as batch_op:\n        batch_op.create_unique_constraint('uq_users_email', ['email'])", reRunFails: false),
        Kind(name: "create_fk_batch", body: "with op.batch_alter_table('posts') as batch_op:\n        batch_op.create_foreign_key('fk_posts_user_id_users', 'users', ['user_id'], ['id'])", reRunFails: false),
        Kind(name: "create_check_batch", body: "with op.batch_alter_table('users') as batch_op:\n        batch_op.create_check_constraint('ck_users_name_len', 'length(name) > 0')", reRunFails: false),
        Kind(name: "drop_constraint_batch", body: "with op.batch_alter_table('accounts') as batch_op:\n        batch_op.drop_constraint('uq_accounts_code', type_='unique')"),
        Kind(name: "create_table_implicit_index", body: "op.create_table('events', sa.Column('id', sa.Integer, primary_key=True), sa.Column('kind', sa.String(20), index=True))"),
        Kind(name: "add_column_batch", body: "with op.batch_alter_table('users') as batch_op:\n        batch_op.add_column(sa.Column('locale', sa.String(10)))"),
        Kind(name: "drop_column_batch", body: "with op.batch_alter_table('users') as batch_op:\n        batch_op.drop_column('nickname')"),
        Kind(name: "drop_constraint_batch_untyped", body: "with op.batch_alter_table('accounts') as batch_op:\n        batch_op.drop_constraint('uq_accounts_code')"),
    ]

    /// The original's outcome, and the guarded file run through the oracle.
    func check(_ change: String, reRunFails: Bool, pick: ([Diagnostic]) -> Fix?) throws -> String {
        let original = try GuardOracle.project(change: change)
        defer { try? FileManager.default.removeItem(atPath: original) }
        let before = try GuardOracle.upgradeTwice(original)
        #expect(before.firstOK, "the original must run once: \(before.firstError ?? "")")
        if reRunFails { #expect(!before.secondOK, "the unguarded original must fail on a re-run") }

        let guarded = try GuardOracle.project(change: change)
        defer { try? FileManager.default.removeItem(atPath: guarded) }
        let found = GuardOracle.findings(guarded)
        #expect(!found.isEmpty)
        let fix = try #require(pick(found), "no fix offered")
        let text = try GuardOracle.apply(fix, in: guarded)
        let after = try GuardOracle.upgradeTwice(guarded)
        #expect(after.firstOK, "first run of the guarded migration: \(after.firstError ?? "")\n\(text)")
        #expect(after.secondOK, "second run of the guarded migration: \(after.secondError ?? "")\n\(text)")
        #expect(after.firstSchema == before.firstSchema, "the guarded migration must build the same schema\n\(text)")
        #expect(GuardOracle.findings(guarded).isEmpty, "ALM201 must be satisfied by the guard\n\(text)")
        return text
    }

    @Test(arguments: kinds) func inspectorGuard(_ kind: Kind) throws {
        let text = try check(GuardOracle.change(kind.body), reRunFails: kind.reRunFails) { found in
            found.first?.fix
        }
        #expect(text.contains("inspector = sa.inspect(bind)"))
    }

    @Test(arguments: kinds) func offlineSafeGuard(_ kind: Kind) throws {
        let text = try check(GuardOracle.change(kind.body), reRunFails: kind.reRunFails) { found in
            found.first?.alternativeFixes.first { $0.title.contains("offline-safe") }
        }
        #expect(text.contains("from alembic import context\n"))
        // Offline mode never touches the inspector: `alembic upgrade --sql` prints the same
        // SQL as for the original (SQLite's batch re-creation needs reflection: it fails
        // offline either way).
        let original = try GuardOracle.project(change: GuardOracle.change(kind.body))
        let root = try GuardOracle.project(change: text)
        defer {
            try? FileManager.default.removeItem(atPath: root)
            try? FileManager.default.removeItem(atPath: original)
        }
        let expected = try GuardOracle.offlineSQL(original)
        let offline = try GuardOracle.offlineSQL(root)
        #expect(expected.status == 0 || kind.body.contains("batch_op"), "\(expected.error.suffix(600))")
        if expected.status == 0 {
            #expect(offline.status == 0, "\(offline.error.suffix(600))")
            #expect(offline.sql == expected.sql)
        }
    }

    /// The native flags, on a PostgreSQL project requiring `alembic>=1.16`: SQLite cannot
    /// run them (`ADD COLUMN IF NOT EXISTS`), so Alembic renders them in offline mode.
    @Test(arguments: [
        ("op.create_table('tags', sa.Column('id', sa.Integer, primary_key=True))", "if_not_exists=True", "CREATE TABLE IF NOT EXISTS tags"),
        ("op.drop_table('legacy')", "if_exists=True", "DROP TABLE IF EXISTS legacy"),
        ("op.add_column('users', sa.Column('locale', sa.String(10)))", "if_not_exists=True", "ADD COLUMN IF NOT EXISTS locale"),
        ("op.drop_column('users', 'nickname')", "if_exists=True", "DROP COLUMN IF EXISTS nickname"),
        ("op.create_index('ix_users_email', 'users', ['email'])", "if_not_exists=True", "CREATE INDEX IF NOT EXISTS ix_users_email"),
        ("op.drop_index('ix_posts_title', table_name='posts')", "if_exists=True", "DROP INDEX IF EXISTS ix_posts_title"),
        ("op.drop_constraint('uq_accounts_code', 'accounts', type_='unique')", "if_exists=True", "DROP CONSTRAINT IF EXISTS uq_accounts_code"),
    ])
    func nativeFlagOnPostgreSQL(_ body: String, _ flag: String, _ sql: String) throws {
        let root = try GuardOracle.project(
            change: GuardOracle.change(body), url: "postgresql://nobody@localhost/none",
            extra: ["requirements.txt": "alembic>=1.16\n"])
        defer { try? FileManager.default.removeItem(atPath: root) }
        let found = GuardOracle.findings(root)
        let fix = try #require(found.first?.alternativeFixes.first { $0.title.hasPrefix("Use `") })
        #expect(fix.title.contains(flag))
        let text = try GuardOracle.apply(fix, in: root)
        #expect(text.contains(", \(flag))"))
        #expect(GuardOracle.findings(root).isEmpty)
        let offline = try GuardOracle.offlineSQL(root)
        #expect(offline.status == 0, "\(offline.error.suffix(600))")
        #expect(offline.sql.contains(sql), "\(offline.sql)")
    }

    @Test func nativeFlagIsNotOfferedWhereItDoesNotMakeTheOperationIdempotent() throws {
        func natives(_ body: String, url: String, requirement: String = "alembic>=1.16\n") throws -> [String] {
            let root = try GuardOracle.project(change: GuardOracle.change(body), url: url, extra: ["requirements.txt": requirement])
            defer { try? FileManager.default.removeItem(atPath: root) }
            return GuardOracle.findings(root).flatMap(\.alternativeFixes).map(\.title).filter { $0.hasPrefix("Use `") }
        }
        let pg = "postgresql://nobody@localhost/none"
        // SQLite has no ADD COLUMN IF NOT EXISTS; its CREATE TABLE IF NOT EXISTS is fine.
        #expect(try natives("op.add_column('users', sa.Column('locale', sa.String(10)))", url: "sqlite:///x.db").isEmpty)
        #expect(try natives("op.create_table('t', sa.Column('id', sa.Integer))", url: "sqlite:///x.db") == ["Use `if_not_exists=True` on `create_table`"])
        // The index of `index=True` gets a statement of its own, which the flag does not cover.
        #expect(try natives("op.create_table('t', sa.Column('id', sa.Integer), sa.Column('k', sa.String(5), index=True))", url: pg).isEmpty)
        // Alembic 1.12 has no if_not_exists on add_column; an unknown dialect or version offers nothing.
        #expect(try natives("op.add_column('users', sa.Column('locale', sa.String(10)))", url: pg, requirement: "alembic>=1.12\n").isEmpty)
        #expect(try natives("op.create_index('ix', 'users', ['email'])", url: "driver://user:pass@localhost/dbname").isEmpty)
        #expect(try natives("op.create_index('ix', 'users', ['email'])", url: pg, requirement: "alembic\n").isEmpty)
        // Batch forms may re-create the table: never offered there.
        #expect(try natives("with op.batch_alter_table('users') as batch_op:\n        batch_op.add_column(sa.Column('x', sa.Integer))", url: pg).isEmpty)
    }

    @Test func guardAllSharesOneInspectorAndRefreshesItAfterSchemaChanges() throws {
        let body = """
        op.create_table('tags', sa.Column('id', sa.Integer, primary_key=True), sa.Column('label', sa.String(30)))
            op.create_index('ix_tags_label', 'tags', ['label'])
            op.add_column('users', sa.Column('locale', sa.String(10)))
        """
        let text = try check(GuardOracle.change(body), reRunFails: true) { found in
            #expect(found.count == 3)
            return GuardOracle.guardAll(found)
        }
        #expect(text.components(separatedBy: "op.get_bind()").count == 4, "one bind at the top, two fresh inspectors inline")
        #expect(text.contains("    if not inspector.has_table('tags'):\n        op.create_table("))
        #expect(text.contains("    if 'ix_tags_label' not in [ix['name'] for ix in sa.inspect(op.get_bind()).get_indexes('tags')]:\n"))
    }

    @Test func crlfTabsAndCommentsSurviveAndRun() throws {
        let change = GuardOracle.change("""
        op.create_table(
        \t\t'tags',  # the tags
        \t\tsa.Column('id', sa.Integer, primary_key=True),
        \t\t# a label, documented over two lines
        \t\tsa.Column('label', sa.String(30), comment=\"\"\"first
        second\"\"\"),
        \t)  # done
        """).replacingOccurrences(of: "    ", with: "\t").replacingOccurrences(of: "\n", with: "\r\n")
        let text = try check(change, reRunFails: true) { $0.first?.fix }
        #expect(!text.replacingOccurrences(of: "\r\n", with: "").contains("\n"), "only CRLF line breaks")
        #expect(text.contains("\tbind = op.get_bind()\r\n\tinspector = sa.inspect(bind)\r\n\tif not inspector.has_table('tags'):\r\n\t\top.create_table(\r\n\t\t\t'tags',  # the tags\r\n"))
        #expect(text.contains("\t\t\t# a label, documented over two lines\r\n"))
        #expect(text.contains("comment=\"\"\"first\r\nsecond\"\"\"),\r\n\t\t)  # done\r\n"), "string content unchanged")
    }
}

extension GuardOracle {
    /// The "Guard every operation in this file" fix for the findings of the change file.
    static func guardAll(_ found: [Diagnostic]) -> Fix? {
        guard let path = found.first?.location.path, let data = FileManager.default.contents(atPath: path) else { return nil }
        let root = URL(fileURLWithPath: path).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path
        let environment = ProjectLoader.load(roots: [root], cwd: root).environments.first
        guard let operations = environment?.files.first(where: { $0.path == path })?.operations else { return nil }
        let ranges = Set(found.map(\.location.range))
        return GuardFixBuilder(path: path, bytes: [UInt8](data), operations: operations)
            .guardAll(operations.filter { ranges.contains($0.callRange) })
    }
}
