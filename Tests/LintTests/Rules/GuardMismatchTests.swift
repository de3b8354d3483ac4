import Lint
import TestSupport
import Testing

@Suite struct GuardMismatchTests {
    @Test func guardOnAnotherColumnIsReported() throws {
        let fixture = try Fixture.project([
            "a.py": migration("a", nil, body: upgradeBody("""
            columns = [c['name'] for c in sa.inspect(op.get_bind()).get_columns('users')]
            if 1️⃣'language' not in columns:
                op.add_column('users', sa.Column('locale', sa.String()))
            """)),
        ])
        defer { fixture.remove() }
        let found = fixture.lint("ALM202")
        #expect(found.map(\.message) == [
            "The guard tests column users.language, but `add_column` touches column users.locale",
        ])
        #expect(found.first?.location.range.start == fixture.location("1️⃣")?.offset)
        #expect(found.first?.related.count == 1)
    }

    @Test func guardOnAnotherTableIsReported() throws {
        let fixture = try Fixture.project([
            "a.py": migration("a", nil, body: upgradeBody("""
            insp = sa.inspect(op.get_bind())
            if not insp.has_table('accounts'):
                op.create_table('users', sa.Column('id', sa.Integer))
            if 'ix_a' not in [i['name'] for i in insp.get_indexes('orders')]:
                op.create_index('ix_a', 'users', ['a'])
            """)),
        ])
        defer { fixture.remove() }
        #expect(fixture.lint("ALM202").map(\.message) == [
            "The guard tests table accounts, but `create_table` touches table users",
            "The guard tests index ix_a on orders, but `create_index` touches index ix_a on users",
        ])
    }

    @Test func wrongPolarityIsReported() throws {
        let fixture = try Fixture.project([
            "a.py": migration("a", nil, body: upgradeBody("""
            insp = sa.inspect(op.get_bind())
            if insp.has_table('users'):
                op.create_table('users', sa.Column('id', sa.Integer))
            if 'legacy' not in [c['name'] for c in insp.get_columns('users')]:
                op.drop_column('users', 'legacy')
            if not insp.has_table('orders'):
                op.add_column('orders', sa.Column('note', sa.Text()))
            """)),
        ])
        defer { fixture.remove() }
        #expect(fixture.lint("ALM202").map(\.message) == [
            "The guard runs `create_table` only when table users already exists, so it always fails; invert the test",
            "The guard runs `drop_column` only when column users.legacy does not exist, so it always fails; invert the test",
            "The guard runs `add_column` only when table orders does not exist, so it always fails",
        ])
    }

    @Test func correctGuardsPreconditionsAndUnknownTestsAreClean() throws {
        let prelude = "\ndef column_exists(table, column):\n    return column in [c['name'] for c in sa.inspect(op.get_bind()).get_columns(table)]\n"
        let fixture = try Fixture.project([
            "a.py": migration("a", nil, body: upgradeBody("""
            insp = sa.inspect(op.get_bind())
            if not insp.has_table('users'):
                op.create_table('users', sa.Column('id', sa.Integer))
            if insp.has_table('orders') and not column_exists('orders', 'note'):
                op.add_column('orders', sa.Column('note', sa.Text()))
            if insp.has_table('accounts') and not insp.has_table('profiles'):
                op.create_table('profiles', sa.Column('account_id', sa.Integer, sa.ForeignKey('accounts.id')))
            if not insp.has_table('people') or insp.has_table('persons'):
                pass
            else:
                op.rename_table('people', 'persons')
            if len(insp.get_columns('users')) > 2:
                op.drop_column('users', 'x')
            if 'uq_email' not in {u['name'] for u in insp.get_indexes('users')}:
                op.create_unique_constraint('uq_email', 'users', ['email'])
            """)) + prelude,
        ])
        defer { fixture.remove() }
        #expect(fixture.lint("ALM202").isEmpty)
    }
}
