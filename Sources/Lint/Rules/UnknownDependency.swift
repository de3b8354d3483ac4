import AlembicModel

/// ALM103: `depends_on` names a revision or branch label that does not exist.
public enum UnknownDependency: Rule {
    public static let scope = RuleScope.graph
    public static let metadata = RuleMetadata(
        code: "ALM103", name: "unknown-dependency", severity: .error,
        summary: "`depends_on` names a revision id or branch label that does not exist.",
        documentation: """
        ## What it does
        Reports each entry of `depends_on` that is neither the id of a migration nor a branch
        label of the same environment, with the closest existing ids.

        ## Why is this bad?
        Alembic resolves `depends_on` when it builds the revision map; a dangling entry is a
        warning followed by a `KeyError`, and `alembic upgrade` fails.

        ## Example
        ```python
        depends_on = ("55af2cb1c267",)  # a revision deleted on another branch
        ```

        ## Use instead
        Point `depends_on` at a revision or branch label that exists, or remove it.

        ## Fix safety
        When exactly one existing id is close, the fix replaces the literal with it. It is
        unsafe: the closest id is not always the intended dependency.
        """)

    public static func check(_ context: LintContext) -> [Diagnostic] {
        let env = context.environment
        var out: [Diagnostic] = []
        for file in env.files where file.isReadable {
            guard let id = file.revisionID, let declared = file.dependsOn.value else { continue }
            // `fileIndexByLabel` holds the labels of files with an id: the labels with an owner.
            for item in declared.items where env.fileIndexByRevision[item.value] == nil && env.fileIndexByLabel[item.value] == nil {
                var message = "`depends_on` of '\(id)' names '\(item.value)', which is neither a revision nor a branch label of this environment"
                var fix: Fix?
                let suggestions = Suggestions.closest(to: item.value, in: env.fileIndexByRevision.keys.filter { $0 != id }, labelOwners: [:])
                switch suggestions {
                case let .partial(full):
                    message += "; did you mean '\(full)'?"
                    fix = UnknownDownRevision.replacement(context, file.path, item.range, with: full, applicability: .unsafe)
                case let .similar(candidates) where !candidates.isEmpty:
                    message += "; did you mean " + candidates.map { "'\($0)'" }.joined(separator: " or ") + "?"
                    if candidates.count == 1 {
                        fix = UnknownDownRevision.replacement(context, file.path, item.range, with: candidates[0], applicability: .unsafe)
                    }
                default:
                    break
                }
                out.append(diagnostic(message, path: file.path, range: item.range, fix: fix))
            }
        }
        return out
    }
}
