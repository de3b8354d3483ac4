import AlembicModel

/// ALM105: the revision graph has more than one head.
public enum MultipleHeads: Rule {
    public static let scope = RuleScope.graph
    public static let metadata = RuleMetadata(
        code: "ALM105", name: "multiple-heads", severity: .error,
        summary: "The migration history has several heads, so `alembic upgrade head` fails.",
        documentation: """
        ## What it does
        Reports each head of the revision graph when there is more than one, on its
        `revision` line, with the other heads as related locations. Heads that sit on
        distinct labelled branches (each carrying its own `branch_labels`, such as
        OpenStack's `expand` and `contract`) are allowed: such projects upgrade with
        `alembic upgrade heads`.

        ## Why is this bad?
        Two branches of work each added a migration on top of the same parent. After both are
        merged, `alembic upgrade head` stops with "Multiple head revisions are present for
        given argument 'head'", and deployments fail until someone writes a merge migration.

        ## Example
        ```
        a4b1aaadd072 ─┬─ 001_create_user_table   (head)
                      └─ b2c3d4e5f6g7            (head)
        ```

        ## Use instead
        Merge the heads: `alembic merge -m "merge heads" heads` writes a migration whose
        `down_revision` is the tuple of both heads.
        """)

    public static func check(_ context: LintContext) -> [Diagnostic] {
        let graph = context.environment.lintGraph
        let heads = graph.heads
        guard heads.count > 1 else { return [] }
        let labels = Dictionary(uniqueKeysWithValues: heads.map { ($0, Set(graph.revisionInfo($0)?.branchLabels ?? [])) })
        // Allowed only when every head carries its own branch labels, shared with no other head.
        let separated = heads.allSatisfy { head in
            guard let own = labels[head], !own.isEmpty else { return false }
            return heads.allSatisfy { $0 == head || (labels[$0] ?? []).isDisjoint(with: own) }
        }
        if separated { return [] }
        let conflicting = heads
        let list = conflicting.map { "'\($0)'" }.joined(separator: ", ")
        return conflicting.compactMap { head -> Diagnostic? in
            guard let location = context.revisionLocation(head) else { return nil }
            let related = conflicting.filter { $0 != head }.compactMap { other in
                context.revisionLocation(other).map { RelatedLocation(location: $0, message: "other head '\(other)'") }
            }
            return diagnostic(
                "Revision '\(head)' is one of \(conflicting.count) heads (\(list)); `alembic upgrade head` fails until they are merged (`alembic merge heads`)",
                at: location, related: related)
        }
    }
}
