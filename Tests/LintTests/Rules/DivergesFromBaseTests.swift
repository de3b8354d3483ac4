import Lint
import TestSupport
import Testing

@Suite struct DivergesFromBaseTests {
    @Test func newRevisionOnAnOldHeadIsReportedWithARepointFix() throws {
        let fixture = try Fixture.project(["a.py": migration("a", nil), "c.py": migration("c", "'a'")])
        defer { fixture.remove() }
        let base = try fixture.snapshotBase()
        // The branch does not have 'c' (main added it) and adds 'b' on 'a'.
        try fixture.write("alembic/versions/c.py", "")
        try fixture.write("alembic/versions/b.py", migration("b", "'a'"))
        let found = fixture.lint("ALM120", base: base)
        #expect(found.count == 1)
        #expect(found.first?.message.contains("re-point `down_revision` of 'b' from 'a' to 'c'") == true)
        #expect(found.first?.fix?.edits.first?.edits.first?.newText == "'c'")
        #expect(found.first?.fix?.applicability == .unsafe)
    }

    @Test func descendingFromTheBaseHeadIsFine() throws {
        let fixture = try Fixture.project(["a.py": migration("a", nil)])
        defer { fixture.remove() }
        let base = try fixture.snapshotBase()
        try fixture.write("alembic/versions/b.py", migration("b", "'a'"))
        #expect(fixture.lint("ALM120", base: base).isEmpty)
        #expect(fixture.lint("ALM120").isEmpty)   // no base: nothing to compare
    }
}
