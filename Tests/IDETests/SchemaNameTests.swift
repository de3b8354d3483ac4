import AlembicModel
import IDE
import Lint
import TestSupport
import Testing

@Suite struct SchemaNameTests {
    func snapshot(_ fixture: Fixture) -> AnalysisSnapshot {
        AnalysisSnapshot(project: fixture.analyze(), diagnostics: [:], generation: 1)
    }

    static let base = migration("a", nil, body: """
    op.create_table('users', sa.Column('id', sa.Integer, primary_key=True), sa.Column('email', sa.String(50), nullable=False))
        op.create_table('orders', sa.Column('id', sa.Integer, primary_key=True), sa.Column('user_id', sa.Integer, sa.ForeignKey('users.id')))
        op.create_index('ix_users_email', 'users', ['email'], unique=True)
    """)

    @Test func tablesColumnsAndIndexesAtTheEnclosingRevision() throws {
        let fixture = try Fixture.project([
            "a.py": Self.base,
            "b.py": migration("b", "'a'", body: """
            op.add_column('users', sa.Column('nickname', sa.String(20)))
                op.drop_column('users', 'em1️⃣')
                op.alter_column('2️⃣', 'id')
                op.drop_index('3️⃣', table_name='users')
                op.create_index('ix_x', 'orders', ['4️⃣'])
                op.drop_table('orders')
                op.drop_index('ix_x', table_name='5️⃣')
            """),
        ])
        defer { fixture.remove() }
        let snapshot = snapshot(fixture)
        func labels(_ marker: String) throws -> [String] {
            let location = try #require(fixture.location(marker))
            return try #require(snapshot.completion(path: location.path, offset: location.offset)).candidates.map(\.label)
        }
        #expect(try labels("1️⃣") == ["email"])
        #expect(try labels("2️⃣") == ["orders", "users"])
        #expect(try labels("3️⃣") == ["ix_users_email"])
        // Operations earlier in the same revision count: `orders` is dropped before 5️⃣.
        #expect(try labels("4️⃣") == ["id", "user_id"])
        let atFive = try labels("5️⃣")
        #expect(atFive == ["users"], "\(atFive)")
        let kinds = try #require(snapshot.completion(path: fixture.location("2️⃣")?.path ?? "", offset: fixture.location("2️⃣")?.offset ?? 0)).candidates.map(\.kind)
        #expect(kinds == [.table, .table])
    }

    @Test func hoverOnATableNameShowsItsColumnsAtThatRevision() throws {
        let fixture = try Fixture.project([
            "a.py": Self.base,
            "b.py": migration("b", "'a'", body: """
            op.add_column('users', sa.Column('nickname', sa.String(20)))
                op.drop_column('us1️⃣ers', 'nickname')
                op.drop_table('missi2️⃣ng')
            """),
        ])
        defer { fixture.remove() }
        let snapshot = snapshot(fixture)
        let location = try #require(fixture.location("1️⃣"))
        let hover = try #require(snapshot.hover(path: location.path, offset: location.offset))
        #expect(hover.markdown == """
        **`users`** where this operation runs in `b`

        - `id`: Integer, NOT NULL, primary key
        - `email`: String(50), NOT NULL
        - `nickname`: String(20), NULL
        - index `ix_users_email` (unique): email

        created in `a`
        """)
        let missing = try #require(fixture.location("2️⃣"))
        #expect(snapshot.hover(path: missing.path, offset: missing.offset)?.markdown == "**`missing`**: no such table where this operation runs in `b`")
    }
}
