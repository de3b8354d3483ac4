import Foundation

/// Which live database the `ALM4xx` rules read, and when: the database keys of
/// `[tool.alembic-ls]` (and of the editor's settings, with the same names).
///
/// ```toml
/// [tool.alembic-ls]
/// database = "auto"                 # "editor" (default), "auto" or "off"
/// database-url = "sqlite:///./data/db/app.db"
/// database-url-env = "APP_DATABASE_URL"
/// version-table = "alembic_version"
/// version-table-schema = "ops"
/// ```
///
/// Every key is optional; an unset key falls back to the next source (for the URL:
/// `database-url`, the variable `database-url-env` names, `DATABASE_URL`, then a
/// non-placeholder `sqlalchemy.url`).
public struct DatabaseSettings: Hashable, Sendable {
    /// When the database is read.
    public enum Mode: String, CaseIterable, Hashable, Sendable {
        /// The editor reads the database whenever a URL resolves; `alembic-ls check` reads
        /// one only when asked (`--database URL`, `--database-from-settings`). The default:
        /// a `check` in CI never opens a connection it was not told to open.
        case editor
        /// The editor and `alembic-ls check` both read the database whenever a URL resolves.
        case auto
        /// Nothing reads a database unless the command line names one (`--database URL`).
        case off
    }

    /// `database`; nil: ``Mode/editor``.
    public var mode: Mode?
    /// `database-url`: the URL itself.
    public var url: String?
    /// `database-url-env`: the name of an environment variable holding the URL.
    public var urlEnvironmentVariable: String?
    /// `version-table`: replaces the configuration's `version_table` (env.py often passes
    /// its own, which alembic-ls cannot read without running Python).
    public var versionTable: String?
    /// `version-table-schema`: replaces the configuration's `version_table_schema`.
    public var versionTableSchema: String?

    /// The keys, as written in `[tool.alembic-ls]`.
    public static let keys: Set<String> = ["database", "database-url", "database-url-env", "version-table", "version-table-schema"]

    /// Creates settings; every key unset by default.
    public init(
        mode: Mode? = nil, url: String? = nil, urlEnvironmentVariable: String? = nil, versionTable: String? = nil,
        versionTableSchema: String? = nil
    ) {
        self.mode = mode
        self.url = url
        self.urlEnvironmentVariable = urlEnvironmentVariable
        self.versionTable = versionTable
        self.versionTableSchema = versionTableSchema
    }

    /// The mode in effect.
    public var effectiveMode: Mode { mode ?? .editor }

    /// True when no key is set.
    public var isEmpty: Bool { self == DatabaseSettings() }

    /// These settings with every key `other` sets replaced by its value (editor settings
    /// over the workspace's file, key by key).
    public func overridden(by other: DatabaseSettings) -> DatabaseSettings {
        DatabaseSettings(
            mode: other.mode ?? mode, url: other.url ?? url,
            urlEnvironmentVariable: other.urlEnvironmentVariable ?? urlEnvironmentVariable,
            versionTable: other.versionTable ?? versionTable, versionTableSchema: other.versionTableSchema ?? versionTableSchema)
    }

    /// Reads the database keys from string values (`value(key)` is nil for an absent key);
    /// an empty string counts as unset. Throws a message for a bad `database` value.
    public static func parse(_ value: (String) -> String?) throws(Invalid) -> DatabaseSettings {
        func text(_ key: String) -> String? {
            guard let raw = value(key)?.trimmingCharacters(in: .whitespacesAndNewlines), !raw.isEmpty else { return nil }
            return raw
        }
        var settings = DatabaseSettings(
            url: text("database-url"), urlEnvironmentVariable: text("database-url-env"), versionTable: text("version-table"),
            versionTableSchema: text("version-table-schema"))
        if let mode = text("database") {
            guard let parsed = Mode(rawValue: mode) else {
                throw Invalid(message: "`database` must be one of \(Mode.allCases.map { "\"\($0.rawValue)\"" }.joined(separator: ", "))")
            }
            settings.mode = parsed
        }
        return settings
    }

    /// A database key with a value alembic-ls does not accept.
    public struct Invalid: Error, Hashable, Sendable {
        /// What is wrong, naming the key.
        public var message: String
    }
}
