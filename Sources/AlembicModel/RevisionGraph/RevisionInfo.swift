/// The attributes of one revision in a built ``RevisionGraph`` (alembic's `Revision` object
/// after the map is built). For a duplicated id this is the later definition, the one in the map.
public struct RevisionInfo: Sendable, Hashable {
    /// The revision id.
    public var revision: String
    /// `down_revision`, normalised.
    public var downRevision: RevisionReference
    /// `dependencies` (`depends_on`), normalised.
    public var dependsOn: RevisionReference
    /// `_orig_branch_labels`, in declared order.
    public var declaredBranchLabels: [String]
    /// `branch_labels` after propagation (`_add_branches`), sorted.
    public var branchLabels: [String]
    /// `_resolved_dependencies`: `depends_on` with labels resolved to the declaring revision.
    public var resolvedDependencies: [String]
    /// `_normalized_resolved_dependencies`: minus those implied by an ancestor; sorted.
    public var normalizedDependencies: [String]
    /// `_all_down_revisions`: `down_revision` + resolved dependencies, de-duplicated, in order.
    public var allDownRevisions: [String]
    /// `nextrev`: versioned children, sorted.
    public var nextRevisions: [String]
    /// `_all_nextrev`: children including dependents, sorted.
    public var allNextRevisions: [String]
    /// `is_head`.
    public var isHead: Bool
    /// `_is_real_head`.
    public var isRealHead: Bool
    /// `is_base`.
    public var isBase: Bool
    /// `_is_real_base`.
    public var isRealBase: Bool
    /// `is_branch_point`.
    public var isBranchPoint: Bool
    /// `_is_real_branch_point`.
    public var isRealBranchPoint: Bool
    /// `is_merge_point` (repeated parents count).
    public var isMergePoint: Bool
    /// The spec's ``RevisionSpec/origin``.
    public var origin: Int?
}

/// One element of a `get_revisions` answer.
public enum ResolvedRevision: Sendable, Hashable {
    /// A revision, by id.
    case revision(String)
    /// Python `None` (a relative walk past the end with `no_overwalk`).
    case none
    /// A bare string alembic returns in place of a revision (in practice `"base"`).
    case symbol(String)
}
