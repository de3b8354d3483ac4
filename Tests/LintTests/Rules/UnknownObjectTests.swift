import Lint
import TestSupport
import Testing

@Suite struct UnknownObjectTests {
    static func body(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
            .map { $0.offset == 0 ? String($0.element) : "    " + $0.element }.joined(separator: "\n")
    }

    @Test func missingTableColumnIndexAndConstraintAreReported() throws {
        let fixture = try Fixture.project([
            "a.py": migration("a", nil, body: Self.body("""
            op.create_table('users', sa.Column('id', sa.Integer, primary_key=True), sa.Column('email', sa.String(50)))
            op.create_index('ix_users_email', 'users', ['email'])
            """)),
            "b.py": migration("b", "'a'", body: Self.body("""
            op.add_column(1️⃣'user', sa.Column('x', sa.Integer))
            op.drop_column('users', 2️⃣'mail')
            op.drop_index(3️⃣'ix_users_mail', table_name='users')
            op.drop_constraint(4️⃣'uq_users_email', 'users', type_='unique')
            op.alter_column('users', 'email', nullable=False)
            """)),
        ])
        defer { fixture.remove() }
        let found = fixture.lint("ALM207")
        #expect(found.map(\.message) == [
            "Table `user` does not exist at this revision",
            "Column `users.mail` does not exist at this revision",
            "Index `ix_users_mail` on table `users` does not exist at this revision",
            "Constraint `uq_users_email` on table `users` does not exist at this revision",
        ])
        #expect(found.map(\.location.range.start) == ["1️⃣", "2️⃣", "3️⃣", "4️⃣"].compactMap { fixture.location($0)?.offset })
    }

    @Test func objectCreatedOnASiblingBranchOrLaterIsExplained() throws {
        let fixture = try Fixture.project([
            "a.py": migration("a", nil, body: "op.create_table('users', sa.Column('id', sa.Integer, primary_key=True))"),
            "b.py": migration("b", "'a'", body: "op.create_table('invoices', sa.Column('id', sa.Integer, primary_key=True))"),
            "c.py": migration("c", "'a'", body: Self.body("""
            op.add_column('invoices', sa.Column('paid_at', sa.DateTime()))
            op.drop_column('users', 'nickname')
            """)),
            "d.py": migration("d", "'c'", body: "op.add_column('users', sa.Column('nickname', sa.String(20)))"),
        ])
        defer { fixture.remove() }
        let found = fixture.lint("ALM207")
        #expect(found.map(\.message) == [
            "Table `invoices` does not exist at this revision; it is created in b on another branch, and the upgrade order of the two branches is undefined",
            "Column `users.nickname` does not exist at this revision; it is only created later, in d",
        ])
        #expect(found.first?.related.count == 1)
    }

    @Test func guardedUncertainAndMergedObjectsAreClean() throws {
        let fixture = try Fixture.project([
            "a.py": migration("a", nil, body: Self.body("""
            op.create_table('users', sa.Column('id', sa.Integer, primary_key=True), sa.Column('email', sa.String(50), unique=True))
            op.execute('CREATE TABLE audit (id INTEGER)')
            """)),
            "b.py": migration("b", "'a'", body: "op.create_table('invoices', sa.Column('id', sa.Integer, primary_key=True))"),
            "c.py": migration("c", "'a'", body: "op.add_column('users', sa.Column('name', sa.String(20)))"),
            "d.py": migration("d", "('b', 'c')", body: Self.body("""
            op.add_column('invoices', sa.Column('paid_at', sa.DateTime()))
            op.drop_column('users', 'name')
            op.add_column('audit', sa.Column('note', sa.Text()))
            op.drop_column('audit', 'whatever')
            op.drop_constraint('uq_users_email', 'users', type_='unique')
            op.drop_index('ix_gone', table_name='users', if_exists=True)
            insp = sa.inspect(op.get_bind())
            if insp.has_table('legacy'):
                op.drop_table('legacy')
            """)),
            "e.py": migration("e", "'d'", body: Self.body("""
            if USE_BATCH:
                with op.batch_alter_table('invoices') as batch_op:
                    batch_op.drop_column('paid_at')
            else:
                op.drop_column('invoices', 'paid_at')
            op.execute(some_sql)
            op.drop_table('anything')
            """)),
        ])
        defer { fixture.remove() }
        #expect(fixture.lint("ALM207").map(\.message) == [])
    }
}
