import Lint
import TestSupport
import Testing

@Suite struct OfflineUnsafeIntrospectionTests {
    @Test func guardsWithoutAnOfflineBranchAreReportedOnce() throws {
        let fixture = try Fixture.project([
            "a.py": migration("a", upgrade: """
                insp = sa.inspect(op.get_bind())
                if not 1️⃣insp.has_table('audit'):
                    op.create_table('audit', sa.Column('id', sa.Integer))
                    op.create_index('ix_audit_id', 'audit', ['id'])
                if context.is_offline_mode():
                    if 'x' not in [c['name'] for c in insp.get_columns('users')]:
                        op.add_column('users', sa.Column('x', sa.Integer))
                """, downgrade: """
                if sa.inspect(op.get_bind()).has_table('audit'):
                    op.drop_table('audit')
                """),
        ])
        defer { fixture.remove() }
        let found = fixture.lint("ALM210")
        #expect(found.map(\.message) == [
            "This introspection guard needs a database connection: `alembic upgrade --sql` fails here; branch on `context.is_offline_mode()`",
            "This introspection guard is in the offline branch of `context.is_offline_mode()`: it always fails under `alembic upgrade --sql`",
            "This introspection guard needs a database connection: `alembic downgrade --sql` fails here; branch on `context.is_offline_mode()`",
        ])
        #expect(found.first?.location.range.start == fixture.location("1️⃣")?.offset)
        #expect(found.allSatisfy { $0.related.count == 1 })
    }

    @Test func onlineBranchesAreCleanAndTheRuleIsOptIn() throws {
        let fixture = try Fixture.project([
            "a.py": migration("a", upgrade: """
                if context.is_offline_mode():
                    op.create_table('audit', sa.Column('id', sa.Integer))
                    return
                if not sa.inspect(op.get_bind()).has_table('audit'):
                    op.create_table('audit', sa.Column('id', sa.Integer))
                if not context.is_offline_mode() and 'x' not in [c['name'] for c in sa.inspect(op.get_bind()).get_columns('users')]:
                    op.add_column('users', sa.Column('x', sa.Integer))
                op.drop_table('legacy')
                """, downgrade: """
                if context.is_offline_mode():
                    op.drop_table('audit')
                else:
                    if sa.inspect(op.get_bind()).has_table('audit'):
                        op.drop_table('audit')
                """),
        ])
        defer { fixture.remove() }
        #expect(fixture.lint("ALM210").isEmpty)
        let guarded = try Fixture.project([
            "a.py": migration("a", nil, body: upgradeBody("""
            if not sa.inspect(op.get_bind()).has_table('audit'):
                op.create_table('audit', sa.Column('id', sa.Integer))
            """)),
        ])
        defer { guarded.remove() }
        #expect(guarded.lint().allSatisfy { $0.code != "ALM210" })
        #expect(guarded.lint("ALM210").count == 1)
    }
}
