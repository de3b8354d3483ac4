import Lint
import TestSupport
import Testing

@Suite struct RevisionCycleTests {
    @Test func findsTheCycleAlembicMisses() throws {
        // a; b -> (a, c); c -> b; d -> c: alembic's reachability check does not see b <-> c.
        let fixture = try Fixture.project([
            "1a.py": "revision = 'a'\ndown_revision = None\n",
            "2b.py": "revision = 'b'\ndown_revision = ('a', 'c')\n",
            "3c.py": "revision = 'c'\ndown_revision = 'b'\n",
            "4d.py": "revision = 'd'\ndown_revision = 'c'\n",
        ])
        defer { fixture.remove() }
        let found = fixture.lint("ALM106")
        #expect(Set(found.map(\.location.path)) == [fixture.path("alembic/versions/2b.py"), fixture.path("alembic/versions/3c.py")])
        #expect(found.allSatisfy { $0.message.contains("'b' → 'c' → 'b'") })
    }

    @Test func selfLoop() throws {
        let fixture = try Fixture.project(["a.py": "revision = 'a'\ndown_revision = 'a'\n"])
        defer { fixture.remove() }
        #expect(fixture.lint("ALM106").first?.message.contains("depends on itself") == true)
    }
}
