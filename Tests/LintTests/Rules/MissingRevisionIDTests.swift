import Lint
import TestSupport
import Testing

@Suite struct MissingRevisionIDTests {
    @Test func helperModuleInVersionsIsReportedButLegacyHexNameIsNot() throws {
        let fixture = try Fixture.project([
            "a.py": migration("a", nil),
            "helpers.py": "def add_timestamps(table):\n    pass\n",
            "ae1027a6acf.py": "down_revision = 'a'\n",
            "__init__.py": "",
        ])
        defer { fixture.remove() }
        let found = fixture.lint("ALM108")
        #expect(found.map(\.location.path) == [fixture.path("alembic/versions/helpers.py")])
        #expect(found.first?.message.contains("Could not determine revision id from filename helpers.py") == true)
    }
}
