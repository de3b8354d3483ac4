import AlembicModel
import TextCore

/// ALM101: a migration without `down_revision`.
public enum MissingDownRevision: Rule {
    public static let scope = RuleScope.graph
    public static let metadata = RuleMetadata(
        code: "ALM101", name: "missing-down-revision", severity: .error,
        summary: "A migration file declares `revision` but no `down_revision`.",
        documentation: """
        ## What it does
        Reports migration files that assign `revision` but never assign `down_revision`.

        ## Why is this bad?
        Alembic reads `module.down_revision` unconditionally: a file without it makes every
        command crash with `AttributeError: module ... has no attribute 'down_revision'`.
        This happens with hand-written migrations and with files copied from another project.

        ## Example
        ```python
        revision = "b2c3d4e5f6g7"

        def upgrade():
            ...
        ```

        ## Use instead
        ```python
        revision = "b2c3d4e5f6g7"
        down_revision = "a4b1aaadd072"  # the head this migration builds on; None for a first migration
        ```

        ## Fix safety
        When the tree has exactly one head that is not built on this file, the fix inserts
        `down_revision` naming it (after the `revision` line, quoted like it). It is unsafe:
        the migration may have been written against another revision.
        """)

    public static func check(_ context: LintContext) -> [Diagnostic] {
        let env = context.environment
        let heads = env.lintGraph.heads
        var out: [Diagnostic] = []
        for file in env.files where file.isReadable && file.downRevision.isAbsent {
            guard let id = file.revisionID else { continue }
            // A head built on this file would make it its own ancestor: only the others qualify.
            let descendants = Set((try? env.lintGraph.descendants(of: [id])) ?? [id])
            let otherHeads = heads.filter { !descendants.contains($0) }
            var fix: Fix?
            if otherHeads.count == 1, let statement = file.revision.statementRange {
                let edit = TextEdit.insert("\ndown_revision = \(context.quoted(otherHeads[0], like: file.path, file.revision.valueRange ?? statement))", at: statement.end)
                fix = Fix(title: "Add `down_revision = '\(otherHeads[0])'` (the current head)",
                          edits: [FileEdit(path: file.path, edits: [edit])], applicability: .unsafe)
            }
            out.append(diagnostic(
                "Revision '\(id)' has no `down_revision`; alembic fails on this file with AttributeError",
                at: context.revisionLocation(of: file), fix: fix))
        }
        return out
    }
}
