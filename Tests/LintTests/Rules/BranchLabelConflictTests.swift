import Lint
import TestSupport
import Testing

@Suite struct BranchLabelConflictTests {
    @Test func labelEqualToIdAndLabelUsedTwice() throws {
        let fixture = try Fixture.project([
            "a.py": migration("a", nil, labels: "('b',)"),
            "b.py": migration("b", "'a'", labels: "('x', 'x')"),
            "c.py": migration("c", nil, labels: "('x',)"),
        ])
        defer { fixture.remove() }
        let messages = fixture.lint("ALM111").map(\.message)
        #expect(messages.contains { $0.contains("'b' of 'a' is also a revision id") })
        #expect(messages.contains { $0.contains("repeated") })
        #expect(messages.contains { $0.contains("already used by revision 'b'") })
        #expect(messages.count == 3)
    }
}
