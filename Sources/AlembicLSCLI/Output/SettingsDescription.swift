import DatabaseIntrospection
import Lint

/// The resolved configuration `check` runs with, as `--show-settings` prints it.
struct SettingsDescription {
    var settings: LintSettings
    /// The configuration file the settings came from; nil for the defaults.
    var file: String?
    /// The directory `per-file-ignores` patterns are relative to.
    var root: String

    /// TOML-like text: where the settings come from, the selectors, and the rules that run.
    static func render(_ resolved: SettingsDescription) -> String {
        let s = resolved.settings
        func list(_ selectors: [RuleSelector]) -> String { "[" + selectors.map { "\"\($0.text)\"" }.joined(separator: ", ") + "]" }
        var out = "# Resolved settings\n"
        out += "config-file = \(resolved.file.map { "\"\($0)\"" } ?? "none (defaults)")\n"
        out += "project-root = \"\(resolved.root)\"\n"
        out += "select = \(list(s.select))\n"
        out += "ignore = \(list(s.ignore))\n"
        out += "per-file-ignores = {"
        out += s.perFileIgnores.map { " \"\($0.pattern)\" = \(list($0.selectors))" }.joined(separator: ",")
        out += s.perFileIgnores.isEmpty ? "}\n" : " }\n"
        let database = s.database
        out += "database = \"\(database.effectiveMode.rawValue)\"\n"
        if let url = database.url { out += "database-url = \"\(DatabaseReader.redact(url))\"\n" }
        if let name = database.urlEnvironmentVariable { out += "database-url-env = \"\(name)\"\n" }
        if let table = database.versionTable { out += "version-table = \"\(table)\"\n" }
        if let schema = database.versionTableSchema { out += "version-table-schema = \"\(schema)\"\n" }
        let enabled = RuleRegistry.metadata.filter { s.isEnabled($0) }
        out += "\n# Enabled rules (\(enabled.count) of \(RuleRegistry.metadata.count))\n"
        for rule in enabled { out += "\(rule.code)  \(rule.name)  (\(rule.severity.rawValue))\n" }
        return out
    }
}
