import Lint
import TestSupport
import Testing

@Suite struct UnknownDependencyTests {
    @Test func dependsOnMayNameIdsAndLabelsButNothingElse() throws {
        let fixture = try Fixture.project([
            "a.py": migration("a", nil, labels: "'core'"),
            "b.py": migration("b", "'a'", depends: "('core', 'a', 1️⃣'zzzz')"),
        ])
        defer { fixture.remove() }
        let found = fixture.lint("ALM103")
        #expect(found.count == 1)
        #expect(found.first?.location.range.start == fixture.location("1️⃣")?.offset)
    }
}
