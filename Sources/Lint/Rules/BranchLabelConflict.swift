import AlembicModel

/// ALM111: a branch label that clashes with a revision id or another label.
public enum BranchLabelConflict: Rule {
    public static let scope = RuleScope.graph
    public static let metadata = RuleMetadata(
        code: "ALM111", name: "branch-label-conflict", severity: .error,
        summary: "A branch label equals a revision id or is declared more than once.",
        documentation: """
        ## What it does
        Reports a branch label that is also a revision id, that is declared by two
        revisions, or that is repeated within one `branch_labels`.

        ## Why is this bad?
        Branch labels and revision ids share one namespace. Alembic refuses to build the
        revision map ("Branch name 'x' in revision y already used by revision z" / "can't be
        the same as a revision id"), so every command fails.

        ## Example
        ```python
        branch_labels = ("expand",)  # in two different base revisions
        ```

        ## Use instead
        Give each labelled branch a unique name that is not a revision id.
        """)

    public static func check(_ context: LintContext) -> [Diagnostic] {
        let env = context.environment
        var firstDeclaration: [String: (file: MigrationFile, item: StringItem)] = [:]
        var out: [Diagnostic] = []
        for file in env.files where file.isReadable {
            guard let id = file.revisionID, let labels = file.branchLabels.value else { continue }
            var seenHere = Set<String>()
            for item in labels {
                let label = item.value
                if env.fileIndexByRevision[label] != nil {
                    let related = context.revisionLocation(label).map { [RelatedLocation(location: $0, message: "revision '\(label)'")] } ?? []
                    out.append(diagnostic("Branch label '\(label)' of '\(id)' is also a revision id; labels and ids share one namespace", path: file.path, range: item.range, related: related))
                }
                if !seenHere.insert(label).inserted {
                    out.append(diagnostic("Branch label '\(label)' is repeated in the `branch_labels` of '\(id)'", path: file.path, range: item.range))
                } else if let first = firstDeclaration[label], first.file.path != file.path {
                    let related = [RelatedLocation(location: Location(path: first.file.path, range: first.item.range), message: "first declared here")]
                    out.append(diagnostic("Branch label '\(label)' of '\(id)' is already used by revision '\(first.file.revisionID ?? "?")'", path: file.path, range: item.range, related: related))
                } else if firstDeclaration[label] == nil {
                    firstDeclaration[label] = (file, item)
                }
            }
        }
        return out
    }
}
