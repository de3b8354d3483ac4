/// The live database of one Alembic environment, as far as alembic-ls could read it: the
/// value the command line or the editor hands to the rules (which never do I/O).
public enum DatabaseState: Hashable, Sendable {
    /// The database was read.
    case available(DatabaseSnapshot)
    /// The database could not be read; `reason` never contains a password.
    case unavailable(url: String, reason: String)

    /// The snapshot, when the database was read.
    public var snapshot: DatabaseSnapshot? {
        if case let .available(snapshot) = self { return snapshot }
        return nil
    }

    /// The database URL, password redacted.
    public var url: String {
        switch self {
        case let .available(snapshot): snapshot.url
        case let .unavailable(url, _): url
        }
    }
}
