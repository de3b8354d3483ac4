import AlembicModel
import Lint
import TestSupport
import Testing

@Suite struct UnsupportedIfExistsTests {
    func lint(_ body: String, url: String = "sqlite://", requirement: String? = nil, settings: LintSettings = LintSettings()) throws -> [Diagnostic] {
        var extra = ["alembic.ini": "[alembic]\nscript_location = %(here)s/alembic\nsqlalchemy.url = \(url)\n"]
        if let requirement { extra["requirements.txt"] = requirement }
        let fixture = try Fixture.project(["a.py": migration("a", nil, body: upgradeBody(body))], extra: extra)
        defer { fixture.remove() }
        return fixture.lint("ALM209", settings: settings)
    }

    @Test func flagsTheOperationCannotTake() throws {
        let found = try lint("""
        op.rename_table('a', 'b', if_exists=True)
        op.create_table('t', sa.Column('id', sa.Integer), if_exists=True)
        with op.batch_alter_table('t') as batch_op:
            batch_op.drop_constraint('uq', type_='unique', if_exists=True)
        op.create_index('ix', 't', ['id'], if_not_exists=True)
        """, url: "postgresql://h/db")
        #expect(found.map(\.message) == [
            "`op.rename_table` has no `if_exists` parameter in any Alembic version: the call fails",
            "`op.create_table` has no `if_exists` parameter in any Alembic version: the call fails",
            "`batch_op.drop_constraint` has no `if_exists` parameter in any Alembic version: the call fails",
        ])
        #expect(found.allSatisfy { $0.severity == .error })
    }

    @Test func flagsNewerThanTheAllowedAlembicVersion() throws {
        let body = "op.add_column('users', sa.Column('x', sa.Integer), if_not_exists=True)"
        let found = try lint(body, url: "postgresql://h/db", requirement: "alembic>=1.12,<2\n")
        #expect(found.map(\.message) == [
            "`if_not_exists` on `op.add_column` needs Alembic 1.16, but `alembic>=1.12,<2` in requirements.txt allows 1.12",
        ])
        #expect(try lint(body, url: "postgresql://h/db", requirement: "alembic>=1.16\n").isEmpty)
        // An unbounded requirement says nothing about the version.
        #expect(try lint(body, url: "postgresql://h/db", requirement: "alembic\n").isEmpty)
        // The setting overrides the requirement.
        var settings = LintSettings()
        settings.alembicVersion = PackageVersion("1.16.5")
        #expect(try lint(body, url: "postgresql://h/db", requirement: "alembic>=1.12\n", settings: settings).isEmpty)
    }

    @Test func sqliteColumnsHaveNoIfExists() throws {
        let body = """
        op.add_column('users', sa.Column('x', sa.Integer), if_not_exists=True)
        op.drop_column('users', 'y', if_exists=True)
        op.drop_column('users', 'z', if_exists=False)
        op.create_table('t', sa.Column('id', sa.Integer), if_not_exists=True)
        """
        let found = try lint(body, url: "sqlite:///app.db")
        #expect(found.map(\.message) == [
            "SQLite has no `ADD COLUMN IF NOT EXISTS`: `op.add_column` with `if_not_exists` fails with a syntax error",
            "SQLite has no `DROP COLUMN IF EXISTS`: `op.drop_column` with `if_exists` fails with a syntax error",
        ])
        var settings = LintSettings()
        settings.dialect = .postgresql
        #expect(try lint(body, url: "sqlite:///app.db", settings: settings).isEmpty)
        #expect(try lint(body, url: "postgresql://h/db").isEmpty)
    }

    @Test func settingsAreReadFromPyproject() throws {
        let fixture = try Fixture(["pyproject.toml": "[tool.alembic-ls]\nalembic-version = \"1.13.2\"\ndialect = \"postgresql\"\n"])
        defer { fixture.remove() }
        let loaded = try SettingsLoader.load(file: fixture.path("pyproject.toml")).get()
        #expect(loaded.settings.alembicVersion == PackageVersion("1.13.2"))
        #expect(loaded.settings.dialect == .postgresql)
        let bad = try Fixture(["pyproject.toml": "[tool.alembic-ls]\ndialect = \"dbase\"\n"])
        defer { bad.remove() }
        if case .success = SettingsLoader.load(file: bad.path("pyproject.toml")) { Issue.record("unknown dialect accepted") }
    }
}
