import AlembicModel

/// ALM107: more than one unlabelled base.
public enum MultipleBases: Rule {
    public static let scope = RuleScope.graph
    public static let metadata = RuleMetadata(
        code: "ALM107", name: "multiple-bases", severity: .warning,
        summary: "More than one migration has `down_revision = None` without a branch label.",
        documentation: """
        ## What it does
        Reports each base revision (one whose `down_revision` is `None`) when the environment
        has more than one base that carries no branch label.

        ## Why is this bad?
        A second root usually comes from a migration written with `down_revision = None` by
        mistake, or from a second `alembic init` history dropped into the same directory. It
        starts a second, independent history: `alembic upgrade head` then fails with multiple
        heads, and the two histories run in an undefined order. Independent histories are
        supported by alembic only as labelled branches (`alembic revision --head=base
        --branch-label=NAME`).

        ## Example
        ```python
        revision = "001_create_user_table"
        down_revision = None  # but it needs the users table of the initial migration
        ```

        ## Use instead
        ```python
        revision = "001_create_user_table"
        down_revision = "a4b1aaadd072"
        ```
        or give the independent history a `branch_labels`.
        """)

    public static func check(_ context: LintContext) -> [Diagnostic] {
        let env = context.environment
        let graph = env.lintGraph
        let bases = graph.bases.filter { base in
            // Only declared bases: files alembic cannot load (ALM101/ALM109) and files whose
            // parents do not exist (ALM102) are bases of the lint graph only.
            guard let file = env.file(for: base), file.downRevision.value?.ids.isEmpty == true else { return false }
            return (graph.revisionInfo(base)?.branchLabels ?? []).isEmpty
        }
        guard bases.count > 1 else { return [] }
        let list = bases.map { "'\($0)'" }.joined(separator: ", ")
        return bases.compactMap { base -> Diagnostic? in
            guard let location = context.revisionLocation(base) else { return nil }
            let related = bases.filter { $0 != base }.compactMap { other in
                context.revisionLocation(other).map { RelatedLocation(location: $0, message: "other base '\(other)'") }
            }
            return diagnostic("Revision '\(base)' is one of \(bases.count) unlabelled bases (\(list)); the history has several roots", at: location, related: related)
        }
    }
}
