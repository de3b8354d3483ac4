import Lint
import TestSupport
import Testing

@Suite struct UnknownDownRevisionTests {
    @Test func suggestsClosestIdAndPointsAtTheLiteral() throws {
        let fixture = try Fixture.project([
            "a.py": migration("a4b1aaadd072", nil),
            "m.py": migration("merge_heads_2026", "'a4b1aaadd072'"),
            "c.py": "revision = 'c8d2e4f5g6h7'\ndown_revision = 1️⃣'merge_heads_2025'\n",
        ])
        defer { fixture.remove() }
        let found = fixture.lint("ALM102")
        #expect(found.count == 1)
        let d = try #require(found.first)
        #expect(d.location.range.start == fixture.location("1️⃣")?.offset)
        #expect(d.message.contains("did you mean 'merge_heads_2026'"))
        #expect(d.fix?.edits.first?.edits.first?.newText == "'merge_heads_2026'")
    }

    @Test func partialIdAndBranchLabelAreExplained() throws {
        let fixture = try Fixture.project([
            "a.py": migration("a4b1aaadd072", nil, labels: "('core',)"),
            "b.py": "revision = 'b1'\ndown_revision = 'a4b1'\n",
            "c.py": "revision = 'c1'\ndown_revision = 'core'\n",
        ])
        defer { fixture.remove() }
        let found = fixture.lint("ALM102").sorted { $0.location.path < $1.location.path }
        #expect(found.count == 2)
        #expect(found[0].message.contains("partial id"))
        #expect(found[0].fix?.applicability == .safe)
        #expect(found[1].message.contains("branch label 'core'"))
    }

    @Test func knownParentsAreNotReported() throws {
        let fixture = try Fixture.project(["a.py": migration("a", nil), "b.py": migration("b", "'a'"), "c.py": migration("c", "('a', 'b')")])
        defer { fixture.remove() }
        #expect(fixture.lint("ALM102").isEmpty)
    }
}
