import Lint
import TestSupport
import Testing

/// `body` indented as the body of `upgrade()` in ``migration(_:_:labels:depends:doc:body:)``.
func upgradeBody(_ lines: String) -> String {
    lines.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
        .map { $0.offset == 0 || $0.element.isEmpty ? String($0.element) : "    " + $0.element }.joined(separator: "\n")
}

@Suite struct NonIdempotentOperationTests {
    @Test func reportsUnguardedOperationsWithWhatFailsOnReRun() throws {
        let fixture = try Fixture.project([
            "a.py": migration("a", nil, body: upgradeBody("""
            1️⃣op.add_column('users', sa.Column('locale', sa.String()))
            op.drop_table('legacy')
            op.create_index('ix_users_email', 'users', ['email'])
            op.drop_constraint('fk_x', 'orders', type_='foreignkey')
            op.rename_table('people', 'persons')
            op.alter_column('users', 'name', new_column_name='full_name')
            op.create_table('t', sa.Column('id', sa.Integer), schema='app')
            """)),
        ])
        defer { fixture.remove() }
        let found = fixture.lint("ALM201")
        #expect(found.map(\.message) == [
            "`add_column` is not idempotent: it fails if column users.locale already exists",
            "`drop_table` is not idempotent: it fails if table legacy does not exist",
            "`create_index` is not idempotent: it fails if index ix_users_email on users already exists",
            "`drop_constraint` is not idempotent: it fails if constraint fk_x on orders does not exist",
            "`rename_table` is not idempotent: it fails if table people does not exist",
            "`alter_column` is not idempotent: it fails if column users.name does not exist",
            "`create_table` is not idempotent: it fails if table app.t already exists",
        ])
        #expect(found.first?.location.range.start == fixture.location("1️⃣")?.offset)
        #expect(found.allSatisfy { $0.severity == .warning && $0.fix?.applicability == .unsafe })
    }

    @Test func guardedNativeAndOpaqueOperationsAreClean() throws {
        let fixture = try Fixture.project([
            "a.py": migration("a", nil, body: upgradeBody("""
            insp = sa.inspect(op.get_bind())
            if 'locale' not in [c['name'] for c in insp.get_columns('users')]:
                op.add_column('users', sa.Column('locale', sa.String()))
            if len(insp.get_indexes('users')) == 0:
                op.create_index('ix', 'users', ['a'])
            op.create_table('t', sa.Column('id', sa.Integer), if_not_exists=True)
            op.drop_index('ix_old', 'users', if_exists=True)
            op.execute('DROP TABLE x')
            op.bulk_insert(sa.table('t'), [])
            op.alter_column('users', 'name', nullable=False)
            op.create_table_comment('users', 'People')
            """)),
        ])
        defer { fixture.remove() }
        #expect(fixture.lint("ALM201").isEmpty)
    }

    @Test func downgradeIsNotChecked() throws {
        let source = migration("a", nil).replacingOccurrences(of: "def downgrade():\n    pass", with: "def downgrade():\n    op.drop_table('t')")
        let fixture = try Fixture.project(["a.py": source])
        defer { fixture.remove() }
        #expect(fixture.lint("ALM201").isEmpty)
    }

    @Test func nativeFlagDoesNotCoverSeparateIndexes() throws {
        let fixture = try Fixture.project([
            "a.py": migration("a", nil, body: upgradeBody("""
            op.create_table('users', sa.Column('email', sa.String(), index=True), if_not_exists=True)
            op.create_table('b', sa.Column('id', sa.Integer), if_not_exists=False)
            op.drop_table('c', if_not_exists=True)
            """)),
        ])
        defer { fixture.remove() }
        #expect(fixture.lint("ALM201").map(\.message) == [
            "`create_table` with `if_not_exists=True` still creates the index on users(email) unguarded: it fails if that already exists",
            "`create_table` is not idempotent: it fails if table b already exists",
            "`drop_table` is not idempotent: it fails if table c does not exist",
        ])
    }

    @Test func batchOperationsAndMultiDatabaseUpgrades() throws {
        let body = upgradeBody("""
        with op.batch_alter_table('users') as batch_op:
            batch_op.drop_column('legacy')
        """)
        let source = migration("a", nil, body: body) + "\ndef upgrade_engine2():\n    op.drop_table('audit')\n"
        let fixture = try Fixture.project(["a.py": source])
        defer { fixture.remove() }
        #expect(fixture.lint("ALM201").map(\.message) == [
            "`drop_column` is not idempotent: it fails if column users.legacy does not exist",
            "`drop_table` is not idempotent: it fails if table audit does not exist",
        ])
    }

    @Test func scopeHeadsChecksOnlyTheHeads() throws {
        let fixture = try Fixture.project([
            "a.py": migration("a", nil, body: "op.drop_table('old')"),
            "b.py": migration("b", "'a'", body: "op.drop_table('new')"),
        ])
        defer { fixture.remove() }
        #expect(fixture.lint("ALM201").count == 2)
        let settings = LintSettings(ruleOptions: ["ALM201": ["scope": "heads"]])
        #expect(fixture.lint("ALM201", settings: settings).map(\.message) == [
            "`drop_table` is not idempotent: it fails if table new does not exist",
        ])
    }

    @Test func scopeOptionIsReadFromPyproject() throws {
        let fixture = try Fixture([
            "pyproject.toml": "[tool.alembic-ls.non-idempotent-operation]\nscope = \"heads\"\n",
            "bad/pyproject.toml": "[tool.alembic-ls.non-idempotent-operation]\nscope = \"some\"\n",
            "bad2/pyproject.toml": "[tool.alembic-ls.non-idempotent-operation]\nlevel = \"all\"\n",
        ])
        defer { fixture.remove() }
        let loaded = try SettingsLoader.load(file: fixture.path("pyproject.toml")).get()
        #expect(loaded.settings.ruleOptions == ["ALM201": ["scope": "heads"]])
        guard case let .failure(error) = SettingsLoader.load(file: fixture.path("bad/pyproject.toml")) else {
            Issue.record("an invalid value must be rejected")
            return
        }
        #expect(error.message.contains("must be one of \"all\", \"heads\""))
        guard case let .failure(error2) = SettingsLoader.load(file: fixture.path("bad2/pyproject.toml")) else {
            Issue.record("an unknown option must be rejected")
            return
        }
        #expect(error2.message.contains("unknown option"))
    }

    @Test func noqaSuppressesIt() throws {
        let fixture = try Fixture.project([
            "a.py": migration("a", nil, body: "op.drop_table('old')  # noqa: ALM201"),
        ])
        defer { fixture.remove() }
        #expect(fixture.lint("ALM201").isEmpty)
    }
}

extension NonIdempotentOperationTests {
    @Test func isOnByDefault() throws {
        let fixture = try Fixture.project(["a.py": migration("a", nil, body: "op.drop_table('old')")])
        defer { fixture.remove() }
        let message = "`drop_table` is not idempotent: it fails if table old does not exist"
        #expect(fixture.lint(settings: LintSettings()).filter { $0.code == "ALM201" }.map(\.message) == [message])
        #expect(fixture.lint(settings: LintSettings(select: [RuleSelector("ALM")])).filter { $0.code == "ALM201" }.count == 1)
        #expect(fixture.lint(settings: LintSettings(ignore: [RuleSelector("ALM2")])).allSatisfy { $0.code != "ALM201" })
        #expect(fixture.lint(settings: LintSettings(select: [RuleSelector("non-idempotent-operation")])).count == 1)
    }
}
