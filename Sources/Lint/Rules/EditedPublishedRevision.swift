import AlembicModel

/// ALM121: a revision that is on the base branch was modified.
public enum EditedPublishedRevision: Rule {
    public static let metadata = RuleMetadata(
        code: "ALM121", name: "edited-published-revision", severity: .error,
        summary: "A revision that is already on the base branch (`check --base REF`) was modified: its operations, parent or id changed.",
        documentation: """
        ## What it does
        With `alembic-ls check --base REF`, compares every revision that existed where the
        branch started (the merge base of `REF` and `HEAD`) with the working tree, and reports
        revisions whose id, `down_revision`, `depends_on` or operations changed. Operations are
        the `op.*` (and `batch_op.*`) calls of `upgrade()` and `downgrade()`, compared without
        comments and layout, so reformatting is not an edit.

        Only reported with `--base`.

        ## Why is this bad?
        A published migration has already run on other databases: developers' machines,
        staging, production. Alembic records only its id in `alembic_version`, so an edited
        migration never runs again there, and those databases silently differ from fresh ones.
        A changed id or parent breaks `alembic upgrade` on them outright ("Can't locate
        revision").

        ## Example
        ```python
        # a1 is on main; this branch adds a column to it
        def upgrade():
            op.create_table("users", sa.Column("id", sa.Integer, primary_key=True))
            op.add_column("users", sa.Column("email", sa.String))
        ```

        ## Use instead
        Leave `a1` as it is on main and add the change in a new revision
        (`alembic revision -m "add users.email"`).
        """)

    public static func check(_ context: LintContext) -> [Diagnostic] {
        guard let base = context.base else { return [] }
        let comparison = BaseComparison(context: context, base: base)
        let published = base.mergeBase
        let env = context.environment
        var out: [Diagnostic] = []
        for old in published.analysis.files {
            guard let id = old.revisionID else { continue }
            if let current = env.file(for: id) {
                // The same bytes at the same path: nothing to compare.
                if current.path == old.path, let before = published.sources[old.path], context.project.sources[current.path]?.bytes == before { continue }
                var changes: [String] = []
                if old.downRevision.value?.ids.sorted() != current.downRevision.value?.ids.sorted() {
                    changes.append("`down_revision` (\(describe(old.downRevision.value)) → \(describe(current.downRevision.value)))")
                }
                if old.dependsOn.value?.ids.sorted() != current.dependsOn.value?.ids.sorted() {
                    changes.append("`depends_on` (\(describe(old.dependsOn.value)) → \(describe(current.dependsOn.value)))")
                }
                if let before = published.operations[old.path], let after = comparison.workingOperations(current.path) {
                    if before.upgrade != after.upgrade { changes.append("the operations of `upgrade()`") }
                    if before.downgrade != after.downgrade { changes.append("the operations of `downgrade()`") }
                }
                guard !changes.isEmpty else { continue }
                out.append(diagnostic(
                    "Revision '\(id)' is already on '\(base.ref)', but \(changes.joined(separator: " and ")) changed; databases that ran it will not run it again: put the change in a new revision",
                    at: context.revisionLocation(of: current)))
            } else if let renamed = comparison.workingFile(at: old.path), let newID = renamed.revisionID, newID != id,
                      published.analysis.fileIndexByRevision[newID] == nil {
                out.append(diagnostic(
                    "Revision id changed from '\(id)' (on '\(base.ref)') to '\(newID)'; databases stamped with '\(id)' can no longer upgrade (\"Can't locate revision\")",
                    at: context.revisionLocation(of: renamed)))
            }
        }
        return out
    }

    static func describe(_ value: DeclaredRevisions?) -> String {
        guard let value, !value.ids.isEmpty else { return "None" }
        return value.ids.count == 1 ? "'\(value.ids[0])'" : "(" + BaseComparison.list(value.ids) + ")"
    }
}
