import Lint
import TestSupport
import Testing

@Suite struct SyntaxErrorRuleTests {
    @Test func reportsSyntaxErrorWhereCPythonDoesAndKeepsAnalysing() throws {
        let fixture = try Fixture.project([
            "a.py": migration("a", nil),
            "b.py": "revision = 'b'\ndown_revision = 'a'\n\ndef upgrade():\n    op.add_column('t', sa.Column('x', sa.String(8))1️⃣\n\ndef downgrade():\n    pass\n",
        ])
        defer { fixture.remove() }
        let diagnostics = fixture.lint()
        let syntax = diagnostics.filter { $0.code == "ALM001" }
        #expect(syntax.count >= 1)
        #expect(syntax.first?.location.path == fixture.path("alembic/versions/b.py"))
        // The rest of the file was analysed: b's parent is known, so no other finding.
        #expect(diagnostics.allSatisfy { $0.code == "ALM001" })
    }

    @Test func envPySyntaxErrorIsReported() throws {
        let fixture = try Fixture.project(["a.py": migration("a", nil)], extra: ["alembic/env.py": "def run(:\n    pass\n"])
        defer { fixture.remove() }
        let syntax = fixture.lint("ALM001")
        #expect(syntax.map(\.location.path) == [fixture.path("alembic/env.py")])
    }
}
