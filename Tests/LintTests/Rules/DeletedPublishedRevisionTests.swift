import Foundation
import Lint
import TestSupport
import Testing

@Suite struct DeletedPublishedRevisionTests {
    @Test func deletedFileIsReportedWithItsReferrers() throws {
        let fixture = try Fixture.project(["a.py": migration("a", nil), "b.py": migration("b", "'a'")])
        defer { fixture.remove() }
        let base = try fixture.snapshotBase()
        try FileManager.default.removeItem(atPath: fixture.path("alembic/versions/a.py"))
        let found = fixture.lint("ALM122", base: base)
        #expect(found.count == 1)
        #expect(found.first?.location.path == fixture.path("alembic/versions/a.py"))
        #expect(found.first?.related.map(\.message) == ["'b' still names 'a'"])
    }

    @Test func idChangeIsLeftToALM121() throws {
        let fixture = try Fixture.project(["a.py": migration("a", nil)])
        defer { fixture.remove() }
        let base = try fixture.snapshotBase()
        try fixture.write("alembic/versions/a.py", migration("a2", nil))
        #expect(fixture.lint("ALM122", base: base).isEmpty)
        #expect(fixture.lint("ALM121", base: base).count == 1)
    }
}
