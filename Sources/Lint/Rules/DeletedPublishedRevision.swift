import AlembicModel
import TextCore

/// ALM122: a revision that is on the base branch is gone.
public enum DeletedPublishedRevision: Rule {
    public static let metadata = RuleMetadata(
        code: "ALM122", name: "deleted-published-revision", severity: .error,
        summary: "A revision that is already on the base branch (`check --base REF`) was deleted.",
        documentation: """
        ## What it does
        With `alembic-ls check --base REF`, reports each revision that existed where the branch
        started (the merge base of `REF` and `HEAD`) and is missing from the working tree — its
        file deleted, or its `revision` id gone. The finding points at the deleted file's path;
        revisions of the working tree that still name it are listed with it. (A file whose id
        changed is reported by `ALM121` instead.)

        Only reported with `--base`.

        ## Why is this bad?
        Databases that ran the deleted revision have its id in `alembic_version`; alembic can
        no longer find it, and every `upgrade` or `downgrade` on them fails with "Can't locate
        revision identified by …". Squashing a history needs a plan for existing databases
        (`alembic stamp`), not just a deletion.

        ## Example
        ```console
        $ git rm alembic/versions/a1_create_users.py
        ```

        ## Use instead
        Keep published revisions. To squash, add the squashed revision alongside and `alembic
        stamp` existing databases in the same release, then suppress this finding with
        `# alembic-ls: noqa: ALM122` in the squashed file.
        """)

    public static func check(_ context: LintContext) -> [Diagnostic] {
        guard let base = context.base else { return [] }
        let comparison = BaseComparison(context: context, base: base)
        let workingIDs = comparison.workingIDs
        let env = context.environment
        var out: [Diagnostic] = []
        for old in base.mergeBase.analysis.files {
            guard let id = old.revisionID, !workingIDs.contains(id) else { continue }
            // A file still there under a new id is ALM121's.
            if comparison.workingFile(at: old.path)?.revisionID != nil { continue }
            let referrers = env.files.filter { BaseComparison.parents(of: $0).contains(id) }
            let related = referrers.map { file in
                RelatedLocation(location: context.revisionLocation(of: file), message: "'\(file.revisionID ?? "?")' still names '\(id)'")
            }
            out.append(diagnostic(
                "Revision '\(id)' is on '\(base.ref)' but was deleted; databases at or past it fail with \"Can't locate revision identified by '\(id)'\"",
                at: Location(path: old.path, range: .empty(at: 0)), related: related))
        }
        return out
    }
}
