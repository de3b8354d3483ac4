import Lint
import TestSupport
import Testing

@Suite struct ConfigRulesTests {
    @Test func missingScriptLocationDirectory() throws {
        let fixture = try Fixture(["alembic.ini": "[alembic]\nscript_location = %(here)s/migrations\n", "alembic/env.py": "", "alembic/versions/a.py": "revision='a'\ndown_revision=None\n"])
        defer { fixture.remove() }
        #expect(fixture.lint("ALM501").count == 1)
    }

    @Test func missingVersionLocationAndSuspiciousRecursiveFlag() throws {
        let fixture = try Fixture.project(
            ["a.py": migration("a", nil)],
            extra: ["alembic.ini": "[alembic]\nscript_location = %(here)s/alembic\npath_separator = os\nversion_locations = %(here)s/alembic/versions:%(here)s/plugins/versions\nrecursive_version_locations = True\n"])
        defer { fixture.remove() }
        #expect(fixture.lint("ALM502").count == 1)
        #expect(fixture.lint("ALM503").contains { $0.message.lowercased().contains("true") })
    }

    @Test func garbageIniIsADiagnosticNotACrash() throws {
        let fixture = try Fixture(["alembic.ini": "this is not an ini file\n[[[\n%(\n", "alembic/env.py": ""])
        defer { fixture.remove() }
        #expect(!fixture.lint("ALM504").isEmpty)
    }
}
