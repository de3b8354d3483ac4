import AlembicModel

/// Which database an environment uses, in this order: the `database-url` setting, the
/// variable the `database-url-env` setting names, `DATABASE_URL`, then `sqlalchemy.url` from
/// the configuration unless it is a placeholder (alembic's template `driver://user:pass@…`)
/// or an unknown dialect. A pure function of its inputs.
public enum DatabaseURLResolver {
    /// The editor or command-line settings that name a database.
    public struct Settings: Hashable, Sendable {
        /// `database-url`: the URL itself.
        public var databaseURL: String?
        /// `database-url-env`: the name of an environment variable holding the URL.
        public var databaseURLEnv: String?

        public init(databaseURL: String? = nil, databaseURLEnv: String? = nil) {
            self.databaseURL = databaseURL
            self.databaseURLEnv = databaseURLEnv
        }
    }

    /// Where the URL came from.
    public enum Origin: Hashable, Sendable {
        /// The `database-url` setting.
        case setting
        /// The environment variable named by `database-url-env`.
        case settingVariable(String)
        /// `DATABASE_URL`.
        case databaseURLVariable
        /// `sqlalchemy.url` of the configuration.
        case sqlalchemyURL(ConfigSource)
    }

    /// A URL and where it came from.
    public struct Resolution: Hashable, Sendable {
        public var url: String
        public var origin: Origin

        public init(url: String, origin: Origin) {
            self.url = url
            self.origin = origin
        }
    }

    /// The URL for `environment`, or nil when nothing names a database.
    public static func resolve(
        settings: Settings, environment: AlembicEnvironment?, variables: [String: String]
    ) -> Resolution? {
        if let url = nonEmpty(settings.databaseURL) { return Resolution(url: url, origin: .setting) }
        if let name = nonEmpty(settings.databaseURLEnv), let url = nonEmpty(variables[name]) {
            return Resolution(url: url, origin: .settingVariable(name))
        }
        if let url = nonEmpty(variables["DATABASE_URL"]) { return Resolution(url: url, origin: .databaseURLVariable) }
        if let setting = environment?.sqlalchemyURL, SQLDialect(url: setting.value) != nil,
           !setting.value.contains("%(") {
            return Resolution(url: setting.value.trimmingCharacters(in: .whitespaces), origin: .sqlalchemyURL(setting.source))
        }
        return nil
    }

    private static func nonEmpty(_ text: String?) -> String? {
        guard let text = text?.trimmingCharacters(in: .whitespacesAndNewlines), !text.isEmpty else { return nil }
        return text
    }
}
