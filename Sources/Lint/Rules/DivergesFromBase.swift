import AlembicModel
import TextCore

/// ALM120: the branch adds a revision that does not descend from the base's head(s).
public enum DivergesFromBase: Rule {
    public static let metadata = RuleMetadata(
        code: "ALM120", name: "diverges-from-base", severity: .error,
        summary: "A revision this branch adds does not descend from the head of the base branch (`check --base REF`): merging creates multiple heads.",
        documentation: """
        ## What it does
        With `alembic-ls check --base REF` (for example `--base origin/main` in a pull request
        job), compares the migrations of the working tree with those at `REF`. It reports each
        revision the branch adds that is a head of the working tree but whose ancestry does not
        contain the head(s) of `REF`: once the branch is merged, the history has two heads.

        The message says which fix fits. When the branch's new migrations start from one
        revision that is already on `REF`, re-point that first new revision's `down_revision`
        at the head of `REF` (it is not on `REF` yet, so nobody has run it). Otherwise, add a
        merge revision (`alembic merge`).

        Only reported with `--base`.

        ## Why is this bad?
        This is the most common way Alembic histories break: two pull requests each add a
        migration on top of the same head; each passes CI alone; after both merge,
        `alembic upgrade head` fails with "Multiple head revisions are present". Tools that
        count `alembic heads` see it only after the merge, on the main branch.

        ## Example
        ```python
        # main has moved on to 'c3' (down_revision = 'a1') since this branch started
        revision = "b2"
        down_revision = "a1"
        ```

        ## Use instead
        ```python
        revision = "b2"
        down_revision = "c3"
        ```
        or, when the branch's revisions were already applied somewhere, a merge revision:
        `alembic merge -m "merge main" c3 b2`.

        ## Fix safety
        The fix re-points `down_revision` and is unsafe: it changes the order the migrations
        run in, which matters when both branches touch the same tables.
        """)

    public static func check(_ context: LintContext) -> [Diagnostic] {
        guard let base = context.base else { return [] }
        let comparison = BaseComparison(context: context, base: base)
        let baseHeads = base.tip.analysis.lintGraph.heads
        guard !baseHeads.isEmpty else { return [] }
        let baseIDs = Set(base.tip.analysis.fileIndexByRevision.keys)
        let newIDs = comparison.workingIDs.subtracting(baseIDs)
        let parents = comparison.mergedParents
        let env = context.environment
        var out: [Diagnostic] = []
        for head in env.lintGraph.heads where newIDs.contains(head) {
            let lineage = BaseComparison.lineage(of: head, parents)
            let missing = baseHeads.filter { !lineage.contains($0) }
            guard !missing.isEmpty else { continue }
            let roots = lineage.filter { id in
                newIDs.contains(id) && (parents[id] ?? []).allSatisfy { !newIDs.contains($0) }
            }.sorted()
            let heads = BaseComparison.list(missing)
            var message = "Revision '\(head)' does not descend from \(missing.count == 1 ? "the head" : "the heads") \(heads) of '\(base.ref)': after merging, the history has multiple heads"
            var location = context.revisionLocation(head) ?? Location(path: env.files.first?.path ?? "", range: .empty(at: 0))
            var fix: Fix?
            if roots.count == 1, let root = roots.first, let rootFile = env.file(for: root),
               case let .single(parent)? = rootFile.downRevision.value, baseIDs.contains(parent.value) {
                message += "; re-point `down_revision` of '\(root)' from '\(parent.value)' to \(missing.count == 1 ? heads : "(\(heads))") ('\(root)' is not on '\(base.ref)' yet)"
                location = Location(path: rootFile.path, range: parent.range)
                if missing.count == 1, let newHead = missing.first, context.isStringLiteral(rootFile.path, parent.range) {
                    let edit = TextEdit(range: parent.range, newText: context.quoted(newHead, like: rootFile.path, parent.range))
                    fix = Fix(title: "Re-point down_revision to '\(newHead)'", edits: [FileEdit(path: rootFile.path, edits: [edit])], applicability: .unsafe)
                }
            } else {
                message += "; add a merge revision: `alembic merge \(missing.joined(separator: " ")) \(head)`"
            }
            let related = missing.compactMap { id in
                base.tip.analysis.revisionLocation(id).map { RelatedLocation(location: Location(path: $0.path, range: $0.range), message: "head '\(id)' of '\(base.ref)'") }
            }
            out.append(diagnostic(message, at: location, related: related, fix: fix))
        }
        return out
    }
}
