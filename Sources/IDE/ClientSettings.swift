import AlembicModel
import Lint

/// Lint settings sent by an editor, with the keys of `[tool.alembic-ls]`.
public enum ClientSettings {
    /// Builds settings from `select`, `ignore`, `extend-select`, `per-file-ignores`,
    /// `alembic-version` and `dialect` values; unknown selectors, unreadable versions and
    /// unknown dialects are reported, not applied.
    public static func make(
        select: [String]?, ignore: [String]?, extendSelect: [String]?, perFileIgnores: [String: [String]]?,
        alembicVersion: String? = nil, dialect: String? = nil
    ) -> (settings: LintSettings, problems: [String]) {
        var settings = LintSettings()
        var problems: [String] = []
        let known = RuleRegistry.metadata
        func selectors(_ texts: [String], _ key: String) -> [RuleSelector] {
            texts.compactMap { text in
                let selector = RuleSelector(text)
                if selector.isKnown(in: known) { return selector }
                problems.append("unknown rule selector '\(text)' in `\(key)`")
                return nil
            }
        }
        if let select { settings.select = selectors(select, "select") }
        if let extendSelect { settings.select += selectors(extendSelect, "extend-select") }
        if let ignore { settings.ignore = selectors(ignore, "ignore") }
        for (pattern, codes) in (perFileIgnores ?? [:]).sorted(by: { $0.key < $1.key }) {
            settings.perFileIgnores.append((pattern, selectors(codes, "per-file-ignores")))
        }
        if let alembicVersion {
            if let version = PackageVersion(alembicVersion) {
                settings.alembicVersion = version
            } else {
                problems.append("`alembic-version` must be a version such as \"1.13.2\", not '\(alembicVersion)'")
            }
        }
        if let dialect {
            if let known = SQLDialect(name: dialect) {
                settings.dialect = known
            } else {
                problems.append("unknown `dialect` '\(dialect)'")
            }
        }
        return (settings, problems)
    }

    /// The database keys (`database`, `database-url`, `database-url-env`, `version-table`,
    /// `version-table-schema`) from their string values; a bad `database` value is reported
    /// and left unset.
    public static func database(_ value: (String) -> String?) -> (settings: DatabaseSettings, problems: [String]) {
        do throws(DatabaseSettings.Invalid) {
            return (try DatabaseSettings.parse(value), [])
        } catch {
            let settings = (try? DatabaseSettings.parse { $0 == "database" ? nil : value($0) }) ?? DatabaseSettings()
            return (settings, [error.message])
        }
    }
}
