/// The state of a revision at the moment alembic warns that it references a missing revision.
///
/// Alembic formats the referrer with `%s`: a bare `Revision` prints its `repr()`
/// (`Revision('c', 'zzzz')`), a `Script` loaded from a file prints `str(Script)`
/// (`zzzz -> c (head), message`). The flags reflect the partially built map at that moment.
public struct ReferrerSnapshot: Sendable, Hashable {
    /// The referring revision's declaration.
    public var spec: RevisionSpec
    /// The normalised `down_revision`.
    public var downRevision: RevisionReference
    /// The normalised `depends_on`.
    public var dependsOn: RevisionReference
    /// `Revision.is_head` at the time of the warning.
    public var isHead: Bool
    /// `Revision.is_branch_point` at the time of the warning.
    public var isBranchPoint: Bool
    /// `Revision.is_merge_point`.
    public var isMergePoint: Bool

    /// `repr(Revision)`, e.g. `Revision('c', 'zzzz', dependencies='x')`.
    public var pythonRepr: String {
        var args = [PythonRepr.repr(spec.revision), downRevision.pythonRepr]
        if dependsOn.isTruthy { args.append("dependencies=" + dependsOn.pythonRepr) }
        var labels: [String] = []
        for label in spec.branchLabels where !labels.contains(label) { labels.append(label) }
        if !labels.isEmpty {
            args.append("branch_labels={" + labels.map(PythonRepr.repr).joined(separator: ", ") + "}")
        }
        return "Revision(" + args.joined(separator: ", ") + ")"
    }

    /// `str(Script)` given the script's `doc` (first paragraph of its docstring).
    public func scriptDescription(doc: String) -> String {
        let down = downRevision.isTruthy ? downRevision.ids.joined(separator: ", ") : "<base>"
        return down + " -> " + spec.revision
            + (isHead ? " (head)" : "")
            + (isBranchPoint ? " (branchpoint)" : "")
            + (isMergePoint ? " (mergepoint)" : "")
            + ", " + doc
    }
}

/// How the referrer is written in the "Revision X referenced from Y is not present" warning.
public enum ReferrerFormat: Sendable {
    /// `repr(Revision)`, as in alembic's tests and the conformance suite.
    case pythonRepr
    /// A caller-provided rendering, e.g. `str(Script)` via ``ReferrerSnapshot/scriptDescription(doc:)``.
    case custom(@Sendable (ReferrerSnapshot) -> String)

    func render(_ snapshot: ReferrerSnapshot) -> String {
        switch self {
        case .pythonRepr: return snapshot.pythonRepr
        case .custom(let render): return render(snapshot)
        }
    }
}
