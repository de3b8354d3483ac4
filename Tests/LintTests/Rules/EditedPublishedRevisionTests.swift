import Lint
import TestSupport
import Testing

@Suite struct EditedPublishedRevisionTests {
    @Test func changedOperationsAndParentsAreReportedReformattingIsNot() throws {
        let fixture = try Fixture.project(["a.py": migration("a", nil, body: "op.create_table('users', sa.Column('id', sa.Integer))")])
        defer { fixture.remove() }
        let base = try fixture.snapshotBase()
        try fixture.write("alembic/versions/a.py", migration("a", nil, body: "op.create_table(\n        'users',\n        sa.Column('id', sa.Integer),  # key\n    )"))
        #expect(fixture.lint("ALM121", base: base).isEmpty)
        try fixture.write("alembic/versions/a.py", migration("a", nil, body: "op.create_table('accounts', sa.Column('id', sa.Integer))"))
        let found = fixture.lint("ALM121", base: base)
        #expect(found.count == 1 && found.first?.message.contains("the operations of `upgrade()`") == true)
    }

    @Test func batchOperationsCount() throws {
        let body = "with op.batch_alter_table('t') as batch_op:\n        batch_op.add_column(sa.Column('x', sa.Integer))"
        let fixture = try Fixture.project(["a.py": migration("a", nil, body: body)])
        defer { fixture.remove() }
        let base = try fixture.snapshotBase()
        try fixture.write("alembic/versions/a.py", migration("a", nil, body: body.replacingOccurrences(of: "'x'", with: "'y'")))
        #expect(fixture.lint("ALM121", base: base).count == 1)
    }
}
