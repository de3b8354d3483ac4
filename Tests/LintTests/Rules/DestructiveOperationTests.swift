import Lint
import TestSupport
import Testing

@Suite struct DestructiveOperationTests {
    @Test func dropsOfExistingTablesAndColumnsAreReported() throws {
        let fixture = try Fixture.project([
            "a.py": migration("a", nil, body: upgradeBody("""
            1️⃣op.drop_table('legacy', schema='app')
            op.drop_column('users', 'password')
            with op.batch_alter_table('orders') as batch_op:
                batch_op.drop_column('note')
            insp = sa.inspect(op.get_bind())
            if insp.has_table('old'):
                op.drop_table('old')
            """)),
        ])
        defer { fixture.remove() }
        let found = fixture.lint("ALM205")
        #expect(found.map(\.message) == [
            "`drop_table` drops table app.legacy and all its rows: a downgrade re-creates it empty",
            "`drop_column` drops column users.password and its values: a downgrade re-creates it empty",
            "`drop_column` drops column orders.note and its values: a downgrade re-creates it empty",
            "`drop_table` drops table old and all its rows: a downgrade re-creates it empty",
        ])
        #expect(found.first?.location.range.start == fixture.location("1️⃣")?.offset)
        #expect(found.allSatisfy { $0.severity == .warning })
    }

    @Test func temporaryTablesAndDowngradesAreClean() throws {
        let fixture = try Fixture.project([
            "a.py": migration("a", upgrade: """
                op.create_table('tmp_users', sa.Column('id', sa.Integer), sa.Column('x', sa.Integer))
                op.drop_column('tmp_users', 'x')
                op.drop_table('tmp_users')
                op.drop_index('ix_old', 'users')
                op.execute('DROP TABLE t')
                """, downgrade: "op.drop_table('users')\nop.drop_column('orders', 'note')"),
        ])
        defer { fixture.remove() }
        #expect(fixture.lint("ALM205").isEmpty)
    }
}
