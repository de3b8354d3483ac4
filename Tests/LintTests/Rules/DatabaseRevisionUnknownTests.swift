import AlembicModel
import Lint
import TestSupport
import Testing

@Suite struct DatabaseRevisionUnknownTests {
    @Test func reportsEachUnknownRowOnTheURL() throws {
        let fixture = try Fixture.project(
            ["a.py": migration("a", nil), "b.py": migration("b", "'a'")],
            extra: ["alembic.ini": "[alembic]\nscript_location = %(here)s/alembic\nsqlalchemy.url = 1️⃣sqlite:///app.db\n"])
        defer { fixture.remove() }
        let found = fixture.lint("ALM401", database: databaseAt(["a", "ghost", "zzz"]))
        #expect(found.count == 2)
        #expect(found.first?.location.path == fixture.path("alembic.ini"))
        #expect(found.first?.location.range.start == fixture.location("1️⃣")?.offset)
        #expect(found.first?.message.contains("'ghost'") == true)
        #expect(found.first?.message.contains("Can't locate revision identified by 'ghost'") == true)
    }

    @Test func knownRowsNoTableAndNoDatabaseAreClean() throws {
        let fixture = try Fixture.project(["a.py": migration("a", nil)])
        defer { fixture.remove() }
        #expect(fixture.lint("ALM401", database: databaseAt(["a"])).isEmpty)
        #expect(fixture.lint("ALM401", database: databaseAt(nil)).isEmpty)
        #expect(fixture.lint("ALM401").isEmpty)
        #expect(fixture.lint("ALM401", database: .unavailable(url: "sqlite:///x", reason: "gone")).isEmpty)
    }
}
