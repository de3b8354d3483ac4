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
