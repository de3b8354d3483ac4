import AlembicModel

/// ALM109: a revision variable the analyzer cannot fold to a literal.
public enum UnresolvedRevisionValue: Rule {
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

    public static func check(_ context: LintContext) -> [Diagnostic] {
        var out: [Diagnostic] = []
        for file in context.environment.files where file.readError == nil {
            let facts: [(String, ByteRange?, String?)] = [
                ("revision", file.revision.valueRange, reason(file.revision)),
                ("down_revision", file.downRevision.valueRange, reason(file.downRevision)),
                ("branch_labels", file.branchLabels.valueRange, reason(file.branchLabels)),
                ("depends_on", file.dependsOn.valueRange, reason(file.dependsOn)),
            ]
            for (name, range, why) in facts {
                guard let why, let range else { continue }
                out.append(diagnostic("Cannot read `\(name)` without running Python: \(why)", path: file.path, range: range))
            }
        }
        return out
    }

    private static func reason<T>(_ fact: AssignedFact<T>) -> String? {
        if case let .unresolved(reason, _, _) = fact { return reason }
        return nil
    }
}

import TextCore
