import AlembicModel
import TextCore

/// ALM207: an operation on a table, column, index or constraint that does not exist at that
/// point of the revision's path.
public enum UnknownObject: Rule {
    public static let metadata = RuleMetadata(
        code: "ALM207", name: "unknown-object", severity: .error,
        summary: "An operation touches a table, column, index or constraint that does not exist at that revision.",
        documentation: """
        ## What it does
        Replays the `upgrade()` operations of every revision in upgrade order (a revision
        starts from the schema its parents leave) and reports an operation that drops,
        alters, renames or indexes a table, column, index or constraint that does not exist
        at that point: a typo, an object renamed earlier, or one created only on another
        branch. When some revision creates the object, the message says which, and whether
        it comes later on the same path or on another branch, whose upgrade order relative
        to this one is undefined.

        Guarded operations (an introspection test around them, `if_exists=True`) are not
        reported, nor are tables touched by SQL the analyzer cannot follow (`op.execute` of
        DDL, custom operations): their shape is uncertain. Neither is an object that an
        earlier operation of the same revision dropped: that is usually the other arm of an
        `if` the analyzer cannot decide (`if is_sqlite: … else: …`).

        ## Why is this bad?
        The migration fails on upgrade (`no such table`, `column does not exist`), usually
        in production, where the branch order differs from the developer's database.

        ## Example
        ```python
        # revision b1, on a branch beside a1 (which creates `invoices`)
        def upgrade():
            op.add_column("invoices", sa.Column("paid_at", sa.DateTime()))
        ```

        ## Use instead
        ```python
        # make a1 an ancestor: down_revision = "a1" (or merge the branches first)
        def upgrade():
            op.add_column("invoices", sa.Column("paid_at", sa.DateTime()))
        ```

        ## Why it is opt-in
        The replay costs time in proportion to the whole history (about 0.25 ms per revision
        of ~20 operations) and is rebuilt after every edit; until it is incremental, select
        it (`extend-select = ["ALM207"]`) where that cost is acceptable.
        """,
        isEnabledByDefault: false)

    public static func check(_ context: LintContext) -> [Diagnostic] {
        let environment = context.environment
        guard environment.files.contains(where: { !$0.operations.isEmpty }) else { return [] }
        let timeline = context.schemaTimeline
        var out: [Diagnostic] = []
        for problem in timeline.problems {
            guard let file = environment.file(for: problem.revision), file.path == problem.path, file.syntaxErrors.isEmpty else { continue }
            var message = "\(describe(problem)) does not exist at this revision"
            var related: [RelatedLocation] = []
            let creators = timeline.creators(of: problem.objectKey).filter { $0 != problem.revision }
            if let creator = creators.first(where: { !timeline.isAncestor($0, of: problem.revision) && !timeline.isAncestor(problem.revision, of: $0) }) {
                message += "; it is created in \(creator) on another branch, and the upgrade order of the two branches is undefined"
                if let location = context.revisionLocation(creator) { related.append(RelatedLocation(location: location, message: "created here")) }
            } else if let creator = creators.first(where: { timeline.isAncestor(problem.revision, of: $0) }) {
                message += "; it is only created later, in \(creator)"
                if let location = context.revisionLocation(creator) { related.append(RelatedLocation(location: location, message: "created here")) }
            } else if let creator = creators.last(where: { timeline.isAncestor($0, of: problem.revision) }) {
                message += "; it is created in \(creator), but dropped or renamed before this revision"
                if let location = context.revisionLocation(creator) { related.append(RelatedLocation(location: location, message: "created here")) }
            }
            out.append(diagnostic(message, path: problem.path, range: problem.range, related: related))
        }
        return out
    }

    static func describe(_ problem: SchemaProblem) -> String {
        let table = TableSchema.qualifiedName(problem.table, schema: problem.schema)
        let name = problem.name ?? "?"
        switch problem.objectKind {
        case .table: return "Table `\(table)`"
        case .column: return "Column `\(table).\(name)`"
        case .index: return "Index `\(name)` on table `\(table)`"
        case .constraint: return "Constraint `\(name)` on table `\(table)`"
        }
    }
}
