import AlembicModel
import IDE
import Lint
import TestSupport
import Testing

/// ALM201 with `scope = "heads"` reads the graph: after an edit that changes the heads, the
/// server's findings for the other files follow, and equal a fresh analysis.
@Suite struct HeadsScopeIncrementalTests {
    static let settings = """
        [tool.alembic-ls]
        extend-select = ["ALM201"]

        [tool.alembic-ls.non-idempotent-operation]
        scope = "heads"
        """

    func codes(_ snapshot: AnalysisSnapshot, _ path: String) -> [String] {
        (snapshot.diagnostics[path] ?? []).map(\.code).filter { $0 == "ALM201" }
    }

    @Test func aNewHeadFromAnEditIsCheckedWithoutTouchingItsFile() throws {
        let body = "op.add_column('users', sa.Column('x', sa.Integer))"
        let fixture = try Fixture.project(
            ["a.py": migration("aaaa", nil, body: body), "b.py": migration("bbbb", "'aaaa'", body: body)],
            extra: ["pyproject.toml": Self.settings])
        defer { fixture.remove() }
        let a = fixture.path("alembic/versions/a.py"), b = fixture.path("alembic/versions/b.py")
        let host = AnalysisHost(roots: [fixture.root])
        let first = host.update()
        #expect(codes(first, a).isEmpty)
        #expect(codes(first, b) == ["ALM201"])

        // b no longer descends from a: both are heads (and bases); a's file is unchanged.
        host.setOverlay(b, bytes: Array(migration("bbbb", nil, body: body).utf8))
        let second = host.update()
        #expect(codes(second, a) == ["ALM201"])
        #expect(codes(second, b) == ["ALM201"])

        host.setOverlay(b, bytes: nil)
        let third = host.update()
        #expect(codes(third, a).isEmpty)
        let fresh = AnalysisHost(roots: [fixture.root]).update()
        #expect(third.diagnostics[a] == fresh.diagnostics[a] && third.diagnostics[b] == fresh.diagnostics[b])
    }
}
