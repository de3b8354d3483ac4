/// The database engines alembic-ls can read.
public enum DatabaseKind: String, Hashable, Sendable {
    case sqlite
    case postgresql
}
