import Lint
import TestSupport
import Testing
import TextCore

@Suite struct DocstringMismatchTests {
    @Test func staleRevisesLineIsReportedAndFixed() throws {
        let source = "\"\"\"add locale\n\nRevision ID: c\nRevises: 1️⃣a\nCreate Date: 2026-01-01\n\n\"\"\"\nrevision = 'c'\ndown_revision = 'b'\n"
        let fixture = try Fixture.project(["a.py": migration("a", nil), "b.py": migration("b", "'a'"), "c.py": source])
        defer { fixture.remove() }
        let found = fixture.lint("ALM110")
        #expect(found.count == 1)
        let d = try #require(found.first)
        #expect(d.location.range.start == fixture.location("1️⃣")?.offset)
        let bytes = Array(source.replacingOccurrences(of: "1️⃣", with: "").utf8)
        let fixed = try #require(d.fix.flatMap { TextEdit.apply($0.edits[0].edits, to: bytes) })
        #expect(String(decoding: fixed, as: UTF8.self).contains("Revises: b\n"))
        #expect(d.fix?.applicability == .safe)
    }

    @Test func matchingHeaderIsClean() throws {
        let fixture = try Fixture.project(["a.py": migration("a", nil), "b.py": migration("b", "'a'"), "m.py": migration("m", "('a', 'b')")])
        defer { fixture.remove() }
        #expect(fixture.lint("ALM110").isEmpty)
    }
}
