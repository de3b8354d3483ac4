import Lint
import TestSupport
import Testing

@Suite struct DuplicateRevisionTests {
    @Test func saysWhichFileAlembicUses() throws {
        let fixture = try Fixture.project([
            "1_first.py": migration("abc", nil),
            "2_copy.py": migration("abc", nil),
        ])
        defer { fixture.remove() }
        let found = fixture.lint("ALM104").sorted { $0.location.path < $1.location.path }
        #expect(found.count == 2)
        // Load order is by file name: 2_copy.py is loaded last and wins.
        #expect(found[0].message.contains("alembic uses that file"))
        #expect(found[0].message.contains("2_copy.py"))
        #expect(found[1].message.contains("alembic uses this one"))
        #expect(found[0].related.count == 1)
    }
}
