import AlembicModel
import TextCore

/// ALM110: the docstring header disagrees with the variables alembic reads.
public enum DocstringMismatch: FileRule {
    public static let metadata = RuleMetadata(
        code: "ALM110", name: "docstring-mismatch", severity: .warning,
        summary: "The docstring's `Revision ID:` or `Revises:` line disagrees with `revision` / `down_revision`.",
        documentation: """
        ## What it does
        Compares the `Revision ID:` and `Revises:` lines that `alembic revision` writes into
        the docstring with the `revision` and `down_revision` variables.

        ## Why is this bad?
        Alembic never reads the docstring, so when a migration is re-parented by hand (after a
        rebase, or to resolve multiple heads) the header silently goes stale. Reviewers and
        tools that read the header (and `alembic history --verbose` readers) are then misled
        about the order migrations run in.

        ## Example
        ```python
        \"\"\"add locale

        Revision ID: 83a4ab83e579
        Revises: d410fb0d40a9
        \"\"\"
        revision = "83a4ab83e579"
        down_revision = "e7b99c2d1f4a"
        ```

        ## Use instead
        Keep `Revises:` equal to `down_revision` (comma-separated for a merge).

        ## Fix safety
        The fix rewrites the docstring line from the variables. It is safe: alembic does not
        read the docstring.
        """)

    public static func check(file: MigrationFile, context: LintContext) -> [Diagnostic] {
        guard file.isReadable, let doc = file.docstring else { return [] }
        var out: [Diagnostic] = []
        if let declared = doc.revisionID, let revision = file.revision.value?.value, declared.value != revision {
            let fix = Fix(title: "Set `Revision ID:` to '\(revision)'",
                          edits: [FileEdit(path: file.path, edits: [TextEdit(range: declared.range, newText: revision)])],
                          applicability: .safe)
            out.append(diagnostic(
                "Docstring says `Revision ID: \(declared.value)` but `revision` is '\(revision)'",
                path: file.path, range: declared.range == doc.range ? doc.range : declared.range,
                fix: declared.range == doc.range ? nil : fix))
        }
        if let revises = doc.revises, let range = doc.revisesRange, let down = file.downRevision.value {
            let listed = revises.map(\.value)
            let ids = down.ids
            if listed != ids && Set(listed) != Set(ids) {
                let text = ids.joined(separator: ", ")
                let fix = Fix(title: "Set `Revises:` to '\(text)'",
                              edits: [FileEdit(path: file.path, edits: [TextEdit(range: range, newText: text)])],
                              applicability: .safe)
                let shown = listed.isEmpty ? "nothing" : listed.joined(separator: ", ")
                let actual = ids.isEmpty ? "None" : ids.map { "'\($0)'" }.joined(separator: ", ")
                out.append(diagnostic(
                    "Docstring says `Revises: \(shown)` but `down_revision` is \(actual)",
                    path: file.path, range: range == doc.range ? doc.range : range,
                    fix: range == doc.range ? nil : fix))
            }
        }
        return out
    }
}
