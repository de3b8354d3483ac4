import Lint
import TestSupport
import Testing

@Suite struct MultipleBasesTests {
    @Test func reportsUnlabelledBasesOnly() throws {
        let fixture = try Fixture.project([
            "a.py": migration("a", nil), "b.py": migration("b", nil),
            "c.py": migration("c", nil, labels: "('plugin',)"),
        ])
        defer { fixture.remove() }
        let found = fixture.lint("ALM107")
        #expect(Set(found.map(\.location.path)) == [fixture.path("alembic/versions/a.py"), fixture.path("alembic/versions/b.py")])
        #expect(found.allSatisfy { $0.severity == .warning })
    }

    @Test func oneBaseIsFine() throws {
        let fixture = try Fixture.project(["a.py": migration("a", nil), "b.py": migration("b", "'a'")])
        defer { fixture.remove() }
        #expect(fixture.lint("ALM107").isEmpty)
    }
}

extension MultipleBasesTests {
    @Test func orphanWithUnknownParentIsNotABase() throws {
        let fixture = try Fixture.project(["a.py": migration("a", nil), "b.py": migration("b", "'nope'")])
        defer { fixture.remove() }
        #expect(fixture.lint("ALM107").isEmpty)
        #expect(fixture.lint("ALM102").count == 1)
    }
}
