import AlembicModel

/// ALM109: a revision variable the analyzer cannot fold to a literal.
public enum UnresolvedRevisionValue: FileRule {
    public static let metadata = RuleMetadata(
        code: "ALM109", name: "unresolved-revision-value", severity: .warning,
        summary: "`revision`, `down_revision`, `branch_labels` or `depends_on` is not a literal alembic-ls can read.",
        documentation: """
        ## What it does
        Reports a `revision`, `down_revision`, `branch_labels` or `depends_on` whose value is
        not a string, `None`, a tuple or list of strings, or a name bound to one of those (in
        the same file, or imported from a module of the workspace).

        ## Why is this bad?
        alembic-ls never runs Python, so it cannot know the value, and the revision graph it
        checks may then differ from alembic's. Values computed at import time (f-strings,
        function calls, conditional assignments) also make a migration's identity depend on
        the environment it is imported in.

        ## Example
        ```python
        down_revision = get_previous_revision()
        ```

        ## Use instead
        ```python
        down_revision = "a4b1aaadd072"
        ```
        """)

    public static func check(file: MigrationFile, context: LintContext) -> [Diagnostic] {
        guard file.isReadable else { return [] }
        var out: [Diagnostic] = []
        report("revision", file.revision, file.path, into: &out)
        report("down_revision", file.downRevision, file.path, into: &out)
        report("branch_labels", file.branchLabels, file.path, into: &out)
        report("depends_on", file.dependsOn, file.path, into: &out)
        return out
    }

    private static func report<T>(_ name: String, _ fact: AssignedFact<T>, _ path: String, into out: inout [Diagnostic]) {
        guard case let .unresolved(why, _, range) = fact else { return }
        out.append(diagnostic("Cannot read `\(name)` without running Python: \(why)", path: path, range: range))
    }
}

import TextCore
