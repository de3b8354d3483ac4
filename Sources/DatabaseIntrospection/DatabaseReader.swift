import Foundation
import AlembicModel

/// From a URL to a ``DatabaseState``: parse, pick the introspector, read. Never throws and
/// never crashes; a failure is ``DatabaseState/unavailable(url:reason:)`` with the password
/// redacted.
public enum DatabaseReader {
    /// The introspector for `url`, SQLite paths resolved against `baseDirectory`.
    public static func introspector(for url: String, baseDirectory: String) -> Result<any SchemaIntrospector, DatabaseError> {
        guard let parsed = SQLAlchemyURL(url) else {
            return .failure(DatabaseError(.invalidURL, "not a SQLAlchemy database URL: \(redact(url))"))
        }
        switch DatabaseTarget.resolve(parsed, baseDirectory: baseDirectory) {
        case let .failure(error):
            return .failure(error)
        case let .success(.sqlite(path, isURI)):
            return .success(SQLiteIntrospector(path: path, isURI: isURI, redactedURL: parsed.redacted))
        case let .success(.postgresql(parameters)):
            return .success(PostgreSQLIntrospector(parameters: parameters))
        }
    }

    /// Reads the database at `url`.
    public static func read(url: String, baseDirectory: String, request: IntrospectionRequest) -> DatabaseState {
        let result = introspector(for: url, baseDirectory: baseDirectory).flatMap { $0.introspect(request) }
        switch result {
        case let .success(snapshot): return .available(snapshot)
        case let .failure(error): return .unavailable(url: redact(url), reason: error.message)
        }
    }

    /// `url` with its password replaced by `***`; a text that is not a URL is returned with
    /// everything between `://` and `@` masked, in case it holds credentials.
    public static func redact(_ url: String) -> String {
        if let parsed = SQLAlchemyURL(url) { return parsed.redacted }
        guard let scheme = url.range(of: "://"), let at = url.range(of: "@", options: .backwards), scheme.upperBound <= at.lowerBound else {
            return url
        }
        return String(url[..<scheme.upperBound]) + "***" + String(url[at.lowerBound...])
    }
}
