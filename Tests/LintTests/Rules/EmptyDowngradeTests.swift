import Lint
import TestSupport
import Testing

/// A migration with `upgrade` and `downgrade` bodies (lines unindented; `nil` leaves out
/// `downgrade()` altogether).
func migration(_ revision: String, upgrade: String, downgrade: String?) -> String {
    let source = migration(revision, nil, body: upgradeBody(upgrade))
    guard let downgrade else { return source.replacingOccurrences(of: "\n\ndef downgrade():\n    pass\n", with: "\n") }
    return source.replacingOccurrences(of: "def downgrade():\n    pass", with: "def downgrade():\n    " + upgradeBody(downgrade))
}

@Suite struct EmptyDowngradeTests {
    @Test func emptyRaisingAndMissingDowngradesAreReported() throws {
        let fixture = try Fixture.project([
            "a.py": migration("a", upgrade: "op.add_column('users', sa.Column('locale', sa.String()))", downgrade: "pass")
                .replacingOccurrences(of: "def downgrade", with: "def 1️⃣downgrade"),
            "b.py": migration("b", upgrade: "op.create_table('t', sa.Column('id', sa.Integer))\nop.create_index('ix', 't', ['id'])",
                              downgrade: "\"\"\"Irreversible.\"\"\"\nraise NotImplementedError()"),
            "c.py": migration("c", upgrade: "op.drop_column('users', 'x')", downgrade: nil)
                .replacingOccurrences(of: "def upgrade", with: "def 2️⃣upgrade"),
            "d.py": migration("d", upgrade: "with op.batch_alter_table('users') as batch_op:\n    batch_op.drop_column('y')", downgrade: "...")
                + "\ndef upgrade_engine2():\n    op.drop_table('audit')\n",
        ])
        defer { fixture.remove() }
        let found = fixture.lint("ALM203")
        #expect(found.map(\.message) == [
            "`downgrade()` does nothing, but `upgrade()` changes the schema (`add_column`)",
            "`downgrade()` only raises, but `upgrade()` changes the schema (2 operations, first `create_table`): the revision cannot be downgraded",
            "`upgrade()` changes the schema (`drop_column`) but there is no `downgrade()`: the revision cannot be downgraded",
            "`downgrade()` does nothing, but `upgrade()` changes the schema (`drop_column`)",
            "`upgrade_engine2()` changes the schema (`drop_table`) but there is no `downgrade_engine2()`: the revision cannot be downgraded",
        ])
        #expect(found.first?.location.range.start == fixture.location("1️⃣")?.offset)
        #expect(found[2].location.range.start == fixture.location("2️⃣")?.offset)
        #expect(found.allSatisfy { $0.severity == .warning && $0.related.count == 1 })
    }

    @Test func realDowngradesAndDataMigrationsAreClean() throws {
        let fixture = try Fixture.project([
            "a.py": migration("a", upgrade: "op.add_column('users', sa.Column('locale', sa.String()))",
                              downgrade: "op.drop_column('users', 'locale')"),
            "b.py": migration("b", upgrade: "op.execute(\"UPDATE users SET locale = 'en'\")\nop.bulk_insert(sa.table('t'), [])",
                              downgrade: "pass"),
            "c.py": migration("c", upgrade: "pass", downgrade: nil),
            "d.py": migration("d", upgrade: "op.drop_table('x')", downgrade: "helper_that_restores()"),
        ])
        defer { fixture.remove() }
        #expect(fixture.lint("ALM203").isEmpty)
    }
}
