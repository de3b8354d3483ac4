import AlembicModel

/// ALM104: two files declare the same revision id.
public enum DuplicateRevision: Rule {
    public static let scope = RuleScope.graph
    public static let metadata = RuleMetadata(
        code: "ALM104", name: "duplicate-revision", severity: .error,
        summary: "Several migration files declare the same revision id.",
        documentation: """
        ## What it does
        Reports every file whose `revision` is also declared by another file of the same
        environment, and says which one alembic uses.

        ## Why is this bad?
        Alembic only warns `Revision X is present more than once` and keeps the file it loads
        last (version locations in order, then file names sorted); the other migration is
        silently skipped by `alembic upgrade`. It typically happens when a migration file is
        copied to start a new one and its id is not changed.

        ## Example
        Two files in `versions/` both containing `revision = "83a4ab83e579"`.

        ## Use instead
        Give the copied migration a new id (`uuid.uuid4().hex[-12:]`) and point its
        `down_revision` at the right parent.
        """)

    public static func check(_ context: LintContext) -> [Diagnostic] {
        let env = context.environment
        // Every file with an id is a spec; fewer ids than specs means some id repeats.
        if env.specFiles.count == env.fileIndexByRevision.count { return [] }
        // One dictionary entry per id; lists are built only for the (rare) duplicated ids.
        var first: [String: Int] = [:]
        first.reserveCapacity(env.files.count)
        var byID: [String: [Int]] = [:]
        var order: [String] = []
        for (index, file) in env.files.enumerated() where file.isReadable {
            guard let id = file.revisionID else { continue }
            if let earlier = first.updateValue(index, forKey: id) {
                if byID[id] == nil {
                    order.append(id)
                    byID[id] = [earlier]
                }
                byID[id, default: []].append(index)
            }
        }
        var out: [Diagnostic] = []
        for id in order {
            guard let indices = byID[id], indices.count > 1, let winner = indices.last else { continue }
            for index in indices {
                let file = env.files[index]
                let others = indices.filter { $0 != index }.map { env.files[$0] }
                let related = others.map {
                    RelatedLocation(location: context.revisionLocation(of: $0), message: "also declares '\(id)'")
                }
                let message = index == winner
                    ? "Revision '\(id)' is declared by \(indices.count) files; alembic uses this one (loaded last) and skips the others"
                    : "Revision '\(id)' is also declared by \(env.files[winner].path); alembic uses that file and skips this migration"
                out.append(diagnostic(message, at: context.revisionLocation(of: file), related: related))
            }
        }
        return out
    }
}
