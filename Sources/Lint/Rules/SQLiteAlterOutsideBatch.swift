import AlembicModel
import TextCore

/// ALM208: an operation SQLite's `ALTER TABLE` cannot perform, outside `batch_alter_table`.
public enum SQLiteAlterOutsideBatch: FileRule {
    public static let metadata = RuleMetadata(
        code: "ALM208", name: "sqlite-alter-outside-batch", severity: .error,
        summary: "An operation SQLite's ALTER TABLE cannot perform is not in batch_alter_table.",
        documentation: """
        ## What it does
        When the target database is SQLite (the `sqlalchemy.url` of the configuration, or
        the rule's `dialect` option), reports `alter_column` (other than a pure rename),
        `drop_column` and constraint operations (`create_unique_constraint`,
        `create_foreign_key`, `create_check_constraint`, `create_primary_key`,
        `drop_constraint`) written on `op` instead of inside
        `with op.batch_alter_table(...) as batch_op:`.

        ## Why is this bad?
        SQLite's `ALTER TABLE` can add and rename columns, and nothing else: Alembic raises
        `NotImplementedError: No support for ALTER of constraints in SQLite dialect` for
        constraints, and the database rejects `ALTER COLUMN`. It drops a column only since
        SQLite 3.35, and never one that is indexed or part of a key or constraint. Batch mode
        copies the table into a new one with the change instead ("move and copy").

        ## Example
        ```python
        def upgrade():
            op.alter_column("users", "email", nullable=False)
            op.create_unique_constraint("uq_users_email", "users", ["email"])
        ```

        ## Use instead
        ```python
        def upgrade():
            with op.batch_alter_table("users") as batch_op:
                batch_op.alter_column("email", nullable=False)
                batch_op.create_unique_constraint("uq_users_email", ["email"])
        ```
        """)

    public static let options = [
        RuleOption(
            name: "dialect", values: ["auto"] + SQLDialect.allCases.map(\.rawValue), defaultValue: "auto",
            summary: "The target database: `auto` reads it from `sqlalchemy.url`; the rule runs only for `sqlite`."),
    ]

    public static func check(file: MigrationFile, context: LintContext) -> [Diagnostic] {
        let configured = option("dialect", in: context)
        let dialect = configured == "auto" ? context.environment.dialect : SQLDialect(name: configured)
        guard dialect == .sqlite, file.syntaxErrors.isEmpty, !file.operations.isEmpty else { return [] }
        let source = context.project.sources[file.path]?.bytes ?? []
        var out: [Diagnostic] = []
        for operation in file.operations where operation.batch == nil {
            guard let what = unsupported(operation, source: source) else { continue }
            out.append(diagnostic(
                "`\(operation.kind.methodName)` \(what) on SQLite; use it inside `with op.batch_alter_table(...) as batch_op:`",
                path: file.path, range: operation.calleeRange))
        }
        return out
    }

    /// Why SQLite cannot run `operation` outside batch mode; nil when it can.
    static func unsupported(_ operation: MigrationOperation, source: [UInt8]) -> String? {
        switch operation.kind {
        case .alterColumn:
            // A rename alone is `ALTER TABLE … RENAME COLUMN`, which SQLite 3.25+ runs.
            let onlyRename = operation.newName != nil && operation.alteredAttributes(in: source).isEmpty
            return onlyRename ? nil : "cannot change a column"
        case .dropColumn:
            return "fails when the column is indexed or part of a key or constraint (and before SQLite 3.35 always)"
        case .createUniqueConstraint, .createForeignKey, .createCheckConstraint, .createPrimaryKey, .createExcludeConstraint,
            .dropConstraint:
            return "cannot alter constraints"
        default:
            return nil
        }
    }
}
