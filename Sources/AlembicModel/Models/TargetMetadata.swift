import TextCore

/// What env.py hands Alembic as `target_metadata`.
public enum TargetMetadata: Hashable, Sendable {
    /// The metadata objects (one, or a list), resolved; `location` is the assigned value.
    case resolved([MetadataIdentity], location: ModelLocation)
    /// `target_metadata = None` (Alembic's template default); `location` is the `None`.
    case none(location: ModelLocation)
    /// env.py never sets `target_metadata` nor passes it to `context.configure`.
    case missing
    /// A value the static reading cannot follow (a function call, an external package).
    case unresolved(location: ModelLocation)

    /// The resolved metadata objects; empty otherwise.
    public var identities: [MetadataIdentity] {
        if case let .resolved(ids, _) = self { return ids }
        return []
    }
}
