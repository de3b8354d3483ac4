/// libpq connection keywords for a SQLAlchemy PostgreSQL URL, as the drivers pass them:
/// `host`, `port`, `user`, `password`, `dbname`, then the URL's query parameters
/// (`sslmode`, `host=/socket/dir`, …). What the URL leaves out, libpq fills from `PG*`
/// environment variables and `~/.pgpass`, as it does for alembic's own connection.
public struct PostgreSQLConnectionParameters: Hashable, Sendable {
    /// Keyword/value pairs in order (a later keyword overrides an earlier one in libpq).
    public var keywords: [Pair]
    /// The URL, password redacted, for messages.
    public var redactedURL: String

    /// One libpq keyword and its value.
    public struct Pair: Hashable, Sendable {
        public var keyword: String
        public var value: String

        public init(_ keyword: String, _ value: String) {
            self.keyword = keyword
            self.value = value
        }
    }

    /// The parameters of `url` (a `postgresql[+driver]://` URL).
    public init(_ url: SQLAlchemyURL) {
        var pairs: [Pair] = []
        var hosts: [String] = []
        var ports: [String] = []
        var other: [Pair] = []
        for (key, value) in url.query {
            switch key {
            case "host":
                // `host=name:port` (several allowed) or a socket directory.
                if !value.hasPrefix("/"), let colon = value.lastIndex(of: ":"),
                   value[value.index(after: colon)...].allSatisfy(\.isNumber) {
                    hosts.append(String(value[..<colon]))
                    ports.append(String(value[value.index(after: colon)...]))
                } else {
                    hosts.append(value)
                    ports.append("")
                }
            case "ssl" where url.driver == "asyncpg":
                let mode = value.lowercased()
                other.append(Pair("sslmode", ["true", "1"].contains(mode) ? "require" : (["false", "0"].contains(mode) ? "disable" : mode)))
            case _ where url.driver == "asyncpg" && !Self.asyncpgLibpqKeys.contains(key):
                continue
            default:
                other.append(Pair(key, value))
            }
        }
        if let host = url.host { pairs.append(Pair("host", host)) }
        if let port = url.port { pairs.append(Pair("port", String(port))) }
        if !hosts.isEmpty {
            pairs.append(Pair("host", hosts.joined(separator: ",")))
            if ports.contains(where: { !$0.isEmpty }) { pairs.append(Pair("port", ports.joined(separator: ","))) }
        }
        if let user = url.username, !user.isEmpty { pairs.append(Pair("user", user)) }
        if let password = url.password { pairs.append(Pair("password", password)) }
        if let database = url.database, !database.isEmpty { pairs.append(Pair("dbname", database)) }
        keywords = pairs + other
        redactedURL = url.redacted
    }

    /// Creates parameters from keyword pairs (a libpq conninfo already split).
    public init(keywords: [Pair], redactedURL: String) {
        self.keywords = keywords
        self.redactedURL = redactedURL
    }

    /// The last value of `keyword`.
    public func value(_ keyword: String) -> String? {
        keywords.last { $0.keyword == keyword }?.value
    }

    /// The password, when the URL has one (for scrubbing messages).
    var password: String? { value("password") }

    /// These parameters for a read-only session: `connect_timeout` (whole seconds, at least
    /// 2, as libpq rounds), the read-only default and statement timeout appended to any
    /// `options`, and `fallback_application_name`.
    public func readOnlySession(timeoutMilliseconds: Int) -> PostgreSQLConnectionParameters {
        var pairs = keywords
        let seconds = max(2, (timeoutMilliseconds + 999) / 1000)
        if value("connect_timeout") == nil { pairs.append(Pair("connect_timeout", String(seconds))) }
        let ours = "-c default_transaction_read_only=on -c statement_timeout=\(max(1, timeoutMilliseconds))"
        let options = value("options").map { $0 + " " + ours } ?? ours
        pairs.removeAll { $0.keyword == "options" }
        pairs.append(Pair("options", options))
        pairs.append(Pair("fallback_application_name", "alembic-ls"))
        return PostgreSQLConnectionParameters(keywords: pairs, redactedURL: redactedURL)
    }

    /// The libpq keyword/value connection string, each value single-quoted with `\` and `'`
    /// escaped (`host='db' password='it\'s'`).
    public var conninfo: String {
        keywords.map { pair in
            var quoted = "'"
            for character in pair.value {
                if character == "\\" || character == "'" { quoted.append("\\") }
                quoted.append(character)
            }
            return pair.keyword + "=" + quoted + "'"
        }.joined(separator: " ")
    }

    /// ``conninfo`` with the password value replaced by `***`.
    public var redactedConninfo: String {
        var copy = self
        copy.keywords = keywords.map { $0.keyword == "password" ? Pair("password", "***") : $0 }
        return copy.conninfo
    }

    /// asyncpg query parameters that are also libpq keywords; asyncpg's own
    /// (`prepared_statement_cache_size`, …) mean nothing to libpq and are dropped.
    static let asyncpgLibpqKeys: Set<String> = [
        "sslmode", "sslrootcert", "sslcert", "sslkey", "sslcrl", "sslpassword", "passfile",
        "target_session_attrs", "application_name", "options", "service", "krbsrvname", "gssencmode",
    ]
}
