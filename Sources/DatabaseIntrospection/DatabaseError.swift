/// Why a database could not be read. Messages never contain a password.
public struct DatabaseError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The kind of failure.
    public enum Kind: String, Hashable, Sendable {
        /// The text is not a SQLAlchemy URL.
        case invalidURL
        /// A dialect alembic-ls cannot read (only SQLite and PostgreSQL are supported).
        case unsupportedDialect
        /// `sqlite://` or `:memory:`: a new, empty database exists only inside the process.
        case inMemory
        /// The SQLite file does not exist (it is never created).
        case fileNotFound
        /// The file is not a SQLite database, or is corrupt.
        case notADatabase
        /// The connection failed (refused, unknown host, authentication, missing database …).
        case connectionFailed
        /// The server did not answer within the timeout.
        case timeout
        /// A catalog query failed.
        case queryFailed
    }

    /// The kind of failure.
    public var kind: Kind
    /// A one-line explanation, password-free.
    public var message: String

    /// Creates an error.
    public init(_ kind: Kind, _ message: String) {
        self.kind = kind
        self.message = message
    }

    public var description: String { message }

    /// `message` with every occurrence of `secret` replaced by `***` (for texts from a client
    /// library that might echo a connection string).
    static func scrub(_ message: String, secret: String?) -> String {
        var text = message.trimmingCharacters(in: .whitespacesAndNewlines)
        if let secret, !secret.isEmpty { text = text.replacingOccurrences(of: secret, with: "***") }
        return text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }.joined(separator: "; ")
    }
}
