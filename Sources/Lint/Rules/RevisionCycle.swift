import AlembicModel

/// ALM106: revisions that are their own ancestors.
public enum RevisionCycle: Rule {
    public static let scope = RuleScope.graph
    public static let metadata = RuleMetadata(
        code: "ALM106", name: "revision-cycle", severity: .error,
        summary: "Revisions form a cycle through `down_revision` or `depends_on`.",
        documentation: """
        ## What it does
        Reports every cycle in the revision graph (through `down_revision` and `depends_on`),
        listing its members in order, on each member's `revision` line.

        ## Why is this bad?
        A migration cannot run before itself. Alembic detects some cycles when it builds the
        graph (`CycleDetected`), but its check is reachability-based and misses a cycle that
        sits between a base and a head; `alembic upgrade` then produces an order that is
        wrong. alembic-ls finds every cycle.

        ## Example
        ```python
        # b.py
        revision = "b"
        down_revision = ("a", "c")
        # c.py
        revision = "c"
        down_revision = "b"
        ```

        ## Use instead
        Point one of the `down_revision` values back at a real ancestor.
        """)

    public static func check(_ context: LintContext) -> [Diagnostic] {
        var out: [Diagnostic] = []
        for cycle in context.environment.lintGraph.cycles() {
            let path = (cycle + [cycle[0]]).map { "'\($0)'" }.joined(separator: " → ")
            for member in cycle {
                guard let location = context.revisionLocation(member) else { continue }
                let related = cycle.filter { $0 != member }.compactMap { other in
                    context.revisionLocation(other).map { RelatedLocation(location: $0, message: "'\(other)' is in the same cycle") }
                }
                let message = cycle.count == 1
                    ? "Revision '\(member)' depends on itself"
                    : "Revision '\(member)' is part of a cycle: \(path)"
                out.append(diagnostic(message, at: location, related: related))
            }
        }
        return out
    }
}
