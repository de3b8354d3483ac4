import AlembicModel
import Lint
import TestSupport
import Testing

@Suite struct DatabaseUnavailableTests {
    @Test func oneDiagnosticOnTheSettingsWithTheReason() throws {
        let fixture = try Fixture.project(
            ["a.py": migration("a", nil)],
            extra: ["alembic.ini": "[alembic]\nscript_location = %(here)s/alembic\nsqlalchemy.url = 1️⃣postgresql://app:s3cret@db/app\n"])
        defer { fixture.remove() }
        let state = DatabaseState.unavailable(
            url: "postgresql://app:***@db/app", reason: "postgresql://app:***@db/app: connection refused")
        let found = fixture.lint("ALM405", database: state)
        #expect(found.count == 1)
        #expect(found.first?.message == "Cannot read the database postgresql://app:***@db/app: connection refused")
        #expect(found.first?.location.range.start == fixture.location("1️⃣")?.offset)
        #expect(found.first?.severity == .warning)
    }

    @Test func readableOrUnconfiguredDatabaseIsClean() throws {
        let fixture = try Fixture.project(["a.py": migration("a", nil)])
        defer { fixture.remove() }
        #expect(fixture.lint("ALM405", database: databaseAt(["a"])).isEmpty)
        #expect(fixture.lint("ALM405").isEmpty)
    }
}
