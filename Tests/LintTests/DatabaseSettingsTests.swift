import Lint
import TestSupport
import Testing

/// The database keys of `[tool.alembic-ls]`: parsed as strings, `database` checked, editor
/// keys overriding the file's one by one.
@Suite struct DatabaseSettingsTests {
    func load(_ toml: String) throws -> Result<SettingsLoader.Loaded, SettingsLoader.LoadError> {
        let fixture = try Fixture(["pyproject.toml": toml])
        defer { fixture.remove() }
        return SettingsLoader.load(file: fixture.path("pyproject.toml"))
    }

    @Test func keysAreReadNextToTheRuleSelection() throws {
        let loaded = try load("""
            [tool.alembic-ls]
            select = ["ALM4"]
            database = "auto"
            database-url = "sqlite:///./data/db/app.db"
            database-url-env = "APP_DB"
            version-table = "my_version"
            version-table-schema = "ops"
            """).get()
        #expect(loaded.settings.select.map(\.text) == ["ALM4"])
        #expect(loaded.settings.database == DatabaseSettings(
            mode: .auto, url: "sqlite:///./data/db/app.db", urlEnvironmentVariable: "APP_DB", versionTable: "my_version",
            versionTableSchema: "ops"))
    }

    @Test func defaultsAreEditorModeAndNoURL() throws {
        let loaded = try load("[tool.alembic-ls]\nselect = [\"ALM\"]\n").get()
        #expect(loaded.settings.database.isEmpty)
        #expect(loaded.settings.database.effectiveMode == .editor)
        // An empty string is unset, not a URL.
        #expect(try load("[tool.alembic-ls]\ndatabase-url = \"  \"\n").get().settings.database.url == nil)
    }

    @Test func badValuesAreErrors() throws {
        for (toml, message) in [
            ("database = \"always\"", "`database` must be one of \"editor\", \"auto\", \"off\""),
            ("database-url = 3", "`database-url` must be a string"),
            ("version-table = [\"a\"]", "`version-table` must be a string"),
        ] {
            guard case let .failure(error) = try load("[tool.alembic-ls]\n" + toml + "\n") else {
                Issue.record("accepted: \(toml)")
                continue
            }
            #expect(error.message == message)
        }
    }

    @Test func editorKeysOverrideTheFileKeyByKey() {
        let file = DatabaseSettings(mode: .off, url: "sqlite:///file.db", versionTable: "v")
        let editor = DatabaseSettings(mode: .editor, urlEnvironmentVariable: "APP_DB", versionTable: "w")
        #expect(file.overridden(by: editor) == DatabaseSettings(
            mode: .editor, url: "sqlite:///file.db", urlEnvironmentVariable: "APP_DB", versionTable: "w"))
        #expect(file.overridden(by: DatabaseSettings()) == file)
    }
}
