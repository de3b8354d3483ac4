/// One revision as declared by a migration file, the input of ``RevisionGraph``.
///
/// Specs are given in alembic's load order; that order decides head/base order, topological
/// tie-breaks and which definition wins when an id is duplicated.
public struct RevisionSpec: Sendable, Hashable {
    /// The `revision` identifier.
    public var revision: String
    /// The declared `down_revision`.
    public var downRevision: RevisionReference
    /// The declared `branch_labels`, in declared order (repeats kept).
    public var branchLabels: [String]
    /// The declared `depends_on` (revision ids or branch labels).
    public var dependsOn: RevisionReference
    /// An opaque index the caller can use to map back to its source (e.g. a file).
    public var origin: Int?

    /// Creates a spec.
    public init(
        revision: String,
        downRevision: RevisionReference = .none,
        branchLabels: [String] = [],
        dependsOn: RevisionReference = .none,
        origin: Int? = nil
    ) {
        self.revision = revision
        self.downRevision = downRevision
        self.branchLabels = branchLabels
        self.dependsOn = dependsOn
        self.origin = origin
    }
}
