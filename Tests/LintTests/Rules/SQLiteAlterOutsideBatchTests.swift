import Lint
import TestSupport
import Testing

@Suite struct SQLiteAlterOutsideBatchTests {
    static let body = """
    1️⃣op.alter_column('users', 'email', nullable=False)
        op.alter_column('users', 'name', new_column_name='full_name', existing_type=sa.String(50))
        2️⃣op.drop_column('users', 'legacy')
        3️⃣op.create_unique_constraint('uq_users_email', 'users', ['email'])
        op.add_column('users', sa.Column('x', sa.Integer))
        with op.batch_alter_table('users') as batch_op:
            batch_op.alter_column('email', nullable=True)
            batch_op.drop_constraint('uq_users_email', type_='unique')
    """

    @Test func operationsOutsideBatchAreReportedOnSQLite() throws {
        let fixture = try Fixture.project(["a.py": migration("a", nil, body: Self.body)])
        defer { fixture.remove() }
        let found = fixture.lint("ALM208")
        #expect(found.map(\.message) == [
            "`alter_column` cannot change a column on SQLite; use it inside `with op.batch_alter_table(...) as batch_op:`",
            "`drop_column` fails when the column is indexed or part of a key or constraint (and before SQLite 3.35 always) on SQLite; use it inside `with op.batch_alter_table(...) as batch_op:`",
            "`create_unique_constraint` cannot alter constraints on SQLite; use it inside `with op.batch_alter_table(...) as batch_op:`",
        ])
        #expect(found.map(\.location.range.start) == ["1️⃣", "2️⃣", "3️⃣"].compactMap { fixture.location($0)?.offset })
    }

    @Test func otherDatabasesAreCleanUnlessTheOptionSaysSQLite() throws {
        let fixture = try Fixture.project(
            ["a.py": migration("a", nil, body: Self.body)],
            extra: ["alembic.ini": "[alembic]\nscript_location = %(here)s/alembic\nsqlalchemy.url = postgresql://u@h/db\n"])
        defer { fixture.remove() }
        #expect(fixture.lint("ALM208").isEmpty)
        var settings = LintSettings()
        settings.ruleOptions = ["ALM208": ["dialect": "sqlite"]]
        #expect(fixture.lint("ALM208", settings: settings).count == 3)
    }
}
