@testable import AlembicModel
import Foundation
import Testing

@Suite struct SchemaTimelineTests {
    typealias S = SchemaTestSupport

    @Test func persistentMapVersionsAreIndependent() {
        var first = PersistentMap<Int>()
        for i in 0 ..< 2_000 { first.set("k\(i)", i) }
        var second = first
        for i in 0 ..< 1_000 { second.remove("k\(i)") }
        second.set("k1500", -1)
        #expect(first.count == 2_000 && second.count == 1_000)
        #expect(first["k10"] == 10 && second["k10"] == nil)
        #expect(first["k1500"] == 1500 && second["k1500"] == -1)
        #expect(Set(second.values).count == 1_000)
        let removed = second.remove("missing")
        #expect(!removed)
    }

    @Test func mergeReplaysOnlyTheOtherBranchesRevisions() throws {
        let root = try S.project([
            "a.py": S.migration("a", "None", upgrade: "op.create_table('t', sa.Column('id', sa.Integer, primary_key=True))"),
            "b.py": S.migration("b", "'a'", upgrade: "op.add_column('t', sa.Column('x', sa.Integer))"),
            "c.py": S.migration("c", "'a'", upgrade: "op.add_column('t', sa.Column('y', sa.Integer))"),
            "d.py": S.migration("d", "'c'", upgrade: "op.drop_column('t', 'y')\nop.add_column('t', sa.Column('z', sa.Integer))"),
            "m.py": S.migration("m", "('b', 'd')", upgrade: "op.create_index('ix_t_xz', 't', ['x', 'z'])"),
        ])
        defer { try? FileManager.default.removeItem(atPath: root) }
        let (timeline, _, _) = S.timeline(root)
        #expect(timeline.order.first == "a" && timeline.order.last == "m")
        #expect(timeline.schema(after: "b")?.table("t")?.table.columns.map(\.name) == ["id", "x"])
        #expect(timeline.schema(before: "m")?.table("T")?.table.columns.map(\.name) == ["id", "x", "z"])
        #expect(timeline.schema(atHead: nil)?.table("t")?.index("ix_t_xz")?.columns == ["x", "z"])
        #expect(timeline.problems.isEmpty)
        #expect(timeline.isAncestor("c", of: "m") && !timeline.isAncestor("b", of: "d"))
        #expect(timeline.creators(of: SchemaObjectKey(kind: .column, table: "t", schema: nil, name: "z")) == ["d"])
    }

    @Test func executeMakesTablesOrTheSchemaUncertain() {
        var schema = ReplayedSchema()
        schema.put(ReplayedTable(table: TableSchema(name: "users")))
        SQLEffects.apply("UPDATE users SET a = 1; INSERT INTO users VALUES (1)", to: &schema)
        #expect(!schema.hasUncertainty)
        SQLEffects.apply("CREATE UNIQUE INDEX ix_users_a ON \"users\" (a); CREATE OR REPLACE VIEW v AS SELECT 1", to: &schema)
        #expect(schema.table("users")?.isUncertain == true && schema.table("users")?.index("ix_users_a")?.unique == true)
        #expect(!schema.isUncertain)
        SQLEffects.apply("ALTER TABLE users RENAME TO people", to: &schema)
        #expect(schema.table("users") == nil && schema.table("people") != nil)
        SQLEffects.apply("DO $$ BEGIN END $$", to: &schema)
        #expect(schema.isUncertain)
        var unknown = ReplayedSchema()
        SQLEffects.apply(nil, to: &unknown)
        #expect(unknown.isUncertain)
    }
}
