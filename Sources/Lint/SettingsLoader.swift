import AlembicModel
import Foundation
import TOMLKit

/// Reads `[tool.alembic-ls]` from `pyproject.toml` (or the top level of `alembic-ls.toml`),
/// like ruff's `[tool.ruff]`:
///
/// ```toml
/// [tool.alembic-ls]
/// select = ["ALM"]
/// ignore = ["ALM107"]
/// per-file-ignores = { "alembic/versions/legacy_*.py" = ["ALM110"] }
/// alembic-version = "1.13.2"   # overrides the version the requirement files declare
/// dialect = "postgresql"       # overrides the dialect of sqlalchemy.url
///
/// database-url = "sqlite:///./data/db/app.db"  # the live database (see DatabaseSettings)
///
/// [tool.alembic-ls.non-idempotent-operation]   # a rule's options, under its name
/// scope = "heads"
/// ```
public enum SettingsLoader {
    public struct Loaded: Sendable {
        public var settings: LintSettings
        /// The file the settings came from, if any.
        public var file: String?
        /// The directory per-file-ignores patterns are relative to.
        public var root: String
    }

    public struct LoadError: Error, CustomStringConvertible, Sendable {
        public var file: String
        public var message: String
        public var description: String { "\(file): \(message)" }
    }

    /// The closest `alembic-ls.toml` or `pyproject.toml` with `[tool.alembic-ls]`, searching
    /// from `directory` upwards.
    public static func discover(from directory: String) -> String? {
        var current = URL(fileURLWithPath: directory).standardizedFileURL
        let fm = FileManager.default
        for _ in 0 ..< 64 {
            let dedicated = current.appendingPathComponent("alembic-ls.toml").path
            if fm.fileExists(atPath: dedicated) { return dedicated }
            let pyproject = current.appendingPathComponent("pyproject.toml").path
            if let data = fm.contents(atPath: pyproject), String(decoding: data, as: UTF8.self).contains("[tool.alembic-ls") {
                return pyproject
            }
            let parent = current.deletingLastPathComponent()
            if parent.path == current.path { break }
            current = parent
        }
        return nil
    }

    /// Loads settings from `file`. Unknown keys and selectors are errors, as in ruff.
    public static func load(file: String) -> Result<Loaded, LoadError> {
        guard let data = FileManager.default.contents(atPath: file) else {
            return .failure(LoadError(file: file, message: "cannot read the file"))
        }
        let root = URL(fileURLWithPath: file).deletingLastPathComponent().path
        let table: TOMLTable
        do {
            table = try TOMLTable(string: String(decoding: data, as: UTF8.self))
        } catch {
            return .failure(LoadError(file: file, message: "invalid TOML: \(error)"))
        }
        var section: TOMLTable? = table
        if file.hasSuffix("pyproject.toml") {
            section = table["tool"]?.table?["alembic-ls"]?.table
        }
        guard let section else { return .success(Loaded(settings: LintSettings(), file: nil, root: root)) }
        do throws(Invalid) {
            return .success(Loaded(settings: try parse(section), file: file, root: root))
        } catch {
            return .failure(LoadError(file: file, message: error.message))
        }
    }

    struct Invalid: Error {
        var message: String
        init(_ message: String) { self.message = message }
    }

    static func parse(_ table: TOMLTable) throws(Invalid) -> LintSettings {
        var settings = LintSettings()
        let known = RuleRegistry.metadata
        func selectors(_ key: String) throws(Invalid) -> [RuleSelector]? {
            guard let value = table[key] else { return nil }
            guard let array = value.array else { throw Invalid("`\(key)` must be an array of rule codes or names") }
            var out: [RuleSelector] = []
            for element in array {
                guard let text = element.string else { throw Invalid("`\(key)` must contain strings") }
                let selector = RuleSelector(text)
                guard selector.isKnown(in: known) else { throw Invalid("unknown rule selector '\(text)' in `\(key)`") }
                out.append(selector)
            }
            return out
        }
        for key in table.keys where DatabaseSettings.keys.contains(key) && table[key]?.string == nil {
            throw Invalid("`\(key)` must be a string")
        }
        do throws(DatabaseSettings.Invalid) {
            settings.database = try DatabaseSettings.parse { table[$0]?.string }
        } catch {
            throw Invalid(error.message)
        }
        let general: Set<String> = ["select", "ignore", "extend-select", "per-file-ignores", "alembic-version", "dialect"]
        for key in table.keys where !general.contains(key) && !DatabaseSettings.keys.contains(key) {
            guard let rule = RuleRegistry.rules.first(where: { $0.metadata.name == key }), !rule.options.isEmpty else {
                throw Invalid("unknown setting `\(key)`")
            }
            guard let options = table[key]?.table else { throw Invalid("`\(key)` must be a table of the rule's options") }
            for name in options.keys {
                guard let option = rule.options.first(where: { $0.name == name }) else {
                    throw Invalid("unknown option `\(key).\(name)`")
                }
                guard let value = options[name]?.string, option.values.contains(value) else {
                    let allowed = option.values.map { "\"\($0)\"" }.joined(separator: ", ")
                    throw Invalid("`\(key).\(name)` must be one of \(allowed)")
                }
                settings.ruleOptions[rule.metadata.code, default: [:]][name] = value
            }
        }
        if let value = try selectors("select") { settings.select = value }
        if let value = try selectors("extend-select") { settings.select += value }
        if let value = try selectors("ignore") { settings.ignore = value }
        if let value = table["alembic-version"] {
            guard let text = value.string, let version = PackageVersion(text) else {
                throw Invalid("`alembic-version` must be a version string such as \"1.13.2\"")
            }
            settings.alembicVersion = version
        }
        if let value = table["dialect"] {
            guard let text = value.string, let dialect = SQLDialect(name: text) else {
                let allowed = SQLDialect.allCases.map { "\"\($0.rawValue)\"" }.joined(separator: ", ")
                throw Invalid("`dialect` must be one of \(allowed)")
            }
            settings.dialect = dialect
        }
        if let perFile = table["per-file-ignores"] {
            guard let perFileTable = perFile.table else { throw Invalid("`per-file-ignores` must be a table of pattern = [codes]") }
            for pattern in perFileTable.keys.sorted() {
                guard let array = perFileTable[pattern]?.array else { throw Invalid("`per-file-ignores.\"\(pattern)\"` must be an array") }
                var list: [RuleSelector] = []
                for element in array {
                    guard let text = element.string, RuleSelector(text).isKnown(in: known) else {
                        throw Invalid("unknown rule selector in `per-file-ignores.\"\(pattern)\"`")
                    }
                    list.append(RuleSelector(text))
                }
                settings.perFileIgnores.append((pattern, list))
            }
        }
        return settings
    }
}
