import Foundation

/// A SQLAlchemy database URL, parsed as `sqlalchemy.engine.url.make_url` parses it:
/// `dialect+driver://username:password@host:port/database?key=value&key=value`.
///
/// Username, password and database are percent-decoded; query values are decoded as
/// `urllib.parse.parse_qsl` decodes them (a repeated key keeps every value).
public struct SQLAlchemyURL: Hashable, Sendable {
    /// The dialect (`postgresql`, `sqlite`), lower-cased.
    public var dialect: String
    /// The driver after `+` (`psycopg2`, `asyncpg`), when given.
    public var driver: String?
    public var username: String?
    public var password: String?
    /// The host (an IPv6 address without its brackets).
    public var host: String?
    public var port: Int?
    public var database: String?
    /// Query parameters in order; a key may repeat.
    public var query: [(key: String, value: String)]

    /// Parses `text`; nil when it is not a SQLAlchemy URL (`make_url` raises).
    public init?(_ text: String) {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        let ns = trimmed as NSString
        guard let match = Self.pattern?.firstMatch(in: trimmed, range: NSRange(location: 0, length: ns.length)) else {
            return nil
        }
        func group(_ name: String) -> String? {
            let range = match.range(withName: name)
            return range.location == NSNotFound ? nil : ns.substring(with: range)
        }
        guard let name = group("name") else { return nil }
        let parts = name.split(separator: "+", maxSplits: 1, omittingEmptySubsequences: false)
        dialect = String(parts[0]).lowercased()
        driver = parts.count > 1 ? String(parts[1]) : nil
        username = group("username").map(Self.unquote)
        password = group("password").map(Self.unquote)
        host = group("ipv4host") ?? group("ipv6host")
        if let portText = group("port"), !portText.isEmpty {
            guard let value = Int(portText), value >= 0, value <= 65_535 else { return nil }
            port = value
        } else {
            port = nil
        }
        database = group("database").map(Self.unquote)
        query = group("query").map(Self.parseQuery) ?? []
    }

    /// The values of query parameter `key`, in order.
    public func queryValues(_ key: String) -> [String] {
        query.filter { $0.key == key }.map(\.value)
    }

    /// The URL as text with the password replaced by `***` (SQLAlchemy's
    /// `render_as_string(hide_password=True)`): safe for errors, logs and diagnostics.
    public var redacted: String {
        var out = dialect + (driver.map { "+" + $0 } ?? "") + "://"
        if let username {
            out += Self.quote(username)
            if password != nil { out += ":***" }
            out += "@"
        }
        if let host { out += host.contains(":") ? "[\(host)]" : host }
        if let port { out += ":\(port)" }
        if let database { out += "/" + database }
        if !query.isEmpty {
            out += "?" + query.map { "\($0.key)=\($0.value)" }.joined(separator: "&")
        }
        return out
    }

    public static func == (lhs: SQLAlchemyURL, rhs: SQLAlchemyURL) -> Bool {
        lhs.dialect == rhs.dialect && lhs.driver == rhs.driver && lhs.username == rhs.username
            && lhs.password == rhs.password && lhs.host == rhs.host && lhs.port == rhs.port
            && lhs.database == rhs.database && lhs.query.map(\.key) == rhs.query.map(\.key)
            && lhs.query.map(\.value) == rhs.query.map(\.value)
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(dialect)
        hasher.combine(host)
        hasher.combine(database)
    }

    /// `sqlalchemy.engine.url._parse_url`'s pattern.
    static let pattern: NSRegularExpression? = {
        let source = #"^(?<name>[\w\+]+)://(?:(?<username>[^:/]*)(?::(?<password>[^@]*))?@)?(?:(?:\[(?<ipv6host>[^/\?]+)\]|(?<ipv4host>[^/:\?]+))?(?::(?<port>[^/\?]*))?)?(?:/(?<database>[^\?]*))?(?:\?(?<query>.*))?"#
        return try? NSRegularExpression(pattern: source, options: [.dotMatchesLineSeparators])
    }()

    /// `urllib.parse.unquote`: percent-decoding, invalid escapes kept as written.
    static func unquote(_ text: String) -> String {
        guard text.contains("%") else { return text }
        var bytes: [UInt8] = []
        let source = Array(text.utf8)
        var i = 0
        while i < source.count {
            if source[i] == UInt8(ascii: "%"), i + 2 < source.count,
               let high = hexValue(source[i + 1]), let low = hexValue(source[i + 2]) {
                bytes.append(high << 4 | low)
                i += 3
            } else {
                bytes.append(source[i])
                i += 1
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// `urllib.parse.parse_qsl(query)`: `&`-separated pairs, `+` as a space, blank values dropped.
    static func parseQuery(_ text: String) -> [(key: String, value: String)] {
        var out: [(key: String, value: String)] = []
        for pair in text.split(separator: "&") {
            guard let equals = pair.firstIndex(of: "=") else { continue }
            let key = unquote(pair[..<equals].replacingOccurrences(of: "+", with: " "))
            let value = unquote(pair[pair.index(after: equals)...].replacingOccurrences(of: "+", with: " "))
            if value.isEmpty { continue }
            out.append((key, value))
        }
        return out
    }

    /// Percent-encodes the characters SQLAlchemy escapes in a rendered username.
    static func quote(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "@", ":", "/", "%", "?", "#": out += String(format: "%%%02X", scalar.value)
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0") ... UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a") ... UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A") ... UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}
