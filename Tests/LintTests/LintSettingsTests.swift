import Foundation
import Lint
import TestSupport
import Testing

@Suite struct LintSettingsTests {
    static let heads = RuleRegistry.rule(named: "ALM105")!.metadata
    static let docstring = RuleRegistry.rule(named: "ALM110")!.metadata

    @Test func moreSpecificSelectorWins() {
        let settings = LintSettings(select: [RuleSelector("ALM105")], ignore: [RuleSelector("ALM1")])
        #expect(settings.isEnabled(Self.heads))
        #expect(!settings.isEnabled(Self.docstring))
        let ignoreAll = LintSettings(select: [RuleSelector("ALL")], ignore: [RuleSelector("docstring-mismatch")])
        #expect(!ignoreAll.isEnabled(Self.docstring))
        #expect(ignoreAll.isEnabled(Self.heads))
    }

    @Test func perFileIgnoresGlobs() {
        let settings = LintSettings(perFileIgnores: [("alembic/versions/legacy_*.py", [RuleSelector("ALM110")]), ("**/old/*.py", [RuleSelector("ALM1")])])
        #expect(settings.isIgnored(Self.docstring, inFile: "alembic/versions/legacy_001.py"))
        #expect(!settings.isIgnored(Self.docstring, inFile: "alembic/versions/new_001.py"))
        #expect(!settings.isIgnored(Self.docstring, inFile: "alembic/versions/sub/legacy_001.py"))
        #expect(settings.isIgnored(Self.heads, inFile: "a/b/old/x.py"))
        #expect(settings.isIgnored(Self.heads, inFile: "old/x.py"))
    }

    @Test func pyprojectSettingsAreAppliedAndErrorsReported() throws {
        let fixture = try Fixture.project(
            ["a.py": migration("a", nil), "b.py": migration("b", nil)],
            extra: ["pyproject.toml": "[tool.alembic-ls]\nignore = [\"ALM107\"]\nper-file-ignores = { \"alembic/versions/b.py\" = [\"ALM105\"] }\n"])
        defer { fixture.remove() }
        let file = try #require(SettingsLoader.discover(from: fixture.root))
        let loaded = try SettingsLoader.load(file: file).get()
        let codes = Set(fixture.lint(settings: loaded.settings).map(\.code))
        #expect(!codes.contains("ALM107"))
        let heads = fixture.lint(settings: loaded.settings).filter { $0.code == "ALM105" }
        #expect(heads.map(\.location.path) == [fixture.path("alembic/versions/a.py")])

        let bad = try Fixture(["pyproject.toml": "[tool.alembic-ls]\nselect = [\"ALM9999\"]\n"])
        defer { bad.remove() }
        if case .success = SettingsLoader.load(file: bad.path("pyproject.toml")) { Issue.record("unknown selector accepted") }
    }
}
