import AlembicModel
import IDE
import Lint
import TestSupport
import Testing
import TextCore

/// The guard quick fixes and the "Guard every operation in this file" source action.
@Suite struct GuardCodeActionTests {
    static let settings = "[tool.alembic-ls]\nselect = [\"ALM201\"]\n"

    @Test func alternativesFollowThePreferredGuard() throws {
        let body = "1️⃣op.drop_table('legacy')\n    op.add_column('users', sa.Column('x', sa.Integer))"
        let fixture = try Fixture.project(["a.py": migration("a", nil, body: body)], extra: ["pyproject.toml": Self.settings])
        defer { fixture.remove() }
        let (path, offset) = try #require(fixture.location("1️⃣"))
        let snapshot = AnalysisHost(roots: [fixture.root]).update()
        let actions = snapshot.codeActions(path: path, range: .empty(at: offset + 3))
        #expect(actions.map(\.title) == [
            "Wrap `drop_table` in an introspection guard",
            "Wrap `drop_table` in an offline-safe introspection guard",
            "Suppress ALM201 on this line",
            "Suppress ALM201 in this file",
        ])
        #expect(actions.map(\.isPreferred) == [true, false, false, false])

        let all = try #require(snapshot.guardAll(path: path))
        #expect(all.kind == .guardAll && all.title == "Guard every operation in this file" && all.diagnostics.count == 2)
        let bytes = try #require(snapshot.source(path)?.bytes)
        let edits = try #require(all.fix.edits.first).edits
        let fixed = try #require(TextEdit.apply(edits, to: bytes))
        try String(decoding: fixed, as: UTF8.self).write(toFile: path, atomically: true, encoding: .utf8)
        let after = AnalysisHost(roots: [fixture.root]).update()
        #expect(after.diagnostics[path]?.contains { $0.code == "ALM201" } == false)
        #expect(after.guardAll(path: path) == nil)
    }
}
