import Lint
import TestSupport
import Testing
import TextCore

@Suite struct MissingDownRevisionTests {
    @Test func reportsFileWithoutDownRevisionAndOffersTheHead() throws {
        let fixture = try Fixture.project([
            "a.py": migration("a", nil),
            "b.py": migration("b", "'a'"),
            "c.py": "revision = 1️⃣'c'\n\ndef upgrade():\n    pass\n",
        ])
        defer { fixture.remove() }
        let found = fixture.lint("ALM101")
        #expect(found.count == 1)
        let d = try #require(found.first)
        #expect(d.location.path == fixture.path("alembic/versions/c.py"))
        #expect(d.location.range.start == fixture.location("1️⃣")?.offset)
        let fix = try #require(d.fix)
        #expect(fix.applicability == .unsafe)
        let edited = TextEdit.apply(fix.edits[0].edits, to: Array("revision = 'c'\n\ndef upgrade():\n    pass\n".utf8))
        #expect(edited.map { String(decoding: $0, as: UTF8.self) } == "revision = 'c'\ndown_revision = 'b'\n\ndef upgrade():\n    pass\n")
    }

    @Test func aHeadBuiltOnTheFileIsNotOffered() throws {
        // b builds on a; a lacks down_revision; c is the other head. Offering b would make a cycle.
        let fixture = try Fixture.project([
            "a.py": "revision = 'a'\n",
            "b.py": migration("b", "'a'"),
            "c.py": migration("c", nil),
        ])
        defer { fixture.remove() }
        let fix = try #require(fixture.lint("ALM101").first?.fix)
        #expect(fix.edits[0].edits.map(\.newText) == ["\ndown_revision = 'c'"])
    }

    @Test func explicitNoneIsNotMissing() throws {
        let fixture = try Fixture.project(["a.py": "revision = 'a'\ndown_revision = None\n"])
        defer { fixture.remove() }
        #expect(fixture.lint("ALM101").isEmpty)
    }
}
