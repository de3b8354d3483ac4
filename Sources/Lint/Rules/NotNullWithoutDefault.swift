import AlembicModel

/// ALM206: `add_column` of a `NOT NULL` column without a `server_default` on a table that
/// already exists.
public enum NotNullWithoutDefault: FileRule {
    public static let metadata = RuleMetadata(
        code: "ALM206", name: "not-null-without-default", severity: .warning,
        summary: "`add_column` adds a NOT NULL column without a `server_default` to an existing table.",
        documentation: """
        ## What it does
        Reports each `op.add_column(...)` (and `batch_op.add_column`) of `upgrade()` whose
        `sa.Column(...)` is `nullable=False`, or a primary key not declared `nullable=True`,
        and has no `server_default` (or `server_default=None`), when the table was not created
        earlier in the same function. A table that existed before this revision is assumed to
        have rows: the rule does not follow the schema through earlier revisions, so a table
        created empty by the previous revision is reported too. A column built elsewhere (a
        variable, a helper) is not reported.

        SQLAlchemy's `default=` is applied by SQLAlchemy when it inserts rows; it does not
        fill the rows already there and does not help. SQLite refuses a `NOT NULL` column
        without a default even on an empty table; the rule does not read the dialect and
        leaves tables created in the same `upgrade()` alone.

        ## Why is this bad?
        The database must give the new column a value in every existing row, and without a
        server default that value is NULL, which the column forbids: PostgreSQL stops with
        "column contains null values", MySQL fills in a zero value silently (or fails in
        strict mode), SQLite refuses with "Cannot add a NOT NULL column with default value
        NULL". The migration passes on an empty development database and fails in
        production.

        ## Example
        ```python
        def upgrade():
            op.add_column("users", sa.Column("locale", sa.String(8), nullable=False))
        ```

        ## Use instead
        Give it a server default (drop it afterwards if the application sets the value):
        ```python
        def upgrade():
            op.add_column("users", sa.Column("locale", sa.String(8), nullable=False, server_default="en"))
        ```
        or add it nullable, fill it, then make it `NOT NULL`:
        ```python
        def upgrade():
            op.add_column("users", sa.Column("locale", sa.String(8), nullable=True))
            op.execute("UPDATE users SET locale = 'en'")
            op.alter_column("users", "locale", nullable=False)
        ```
        """)

    public static func check(file: MigrationFile, context: LintContext) -> [Diagnostic] {
        guard file.isReadable, file.syntaxErrors.isEmpty, !file.operations.isEmpty else { return [] }
        var out: [Diagnostic] = []
        file.forEachUpgradeOperation { operation, tableIsNew in
            guard !tableIsNew, operation.kind == .addColumn, let spec = operation.columnSpec, spec.isNotNull,
                  !spec.hasServerDefault else { return }
            let table = DestructiveOperation.qualified(operation)
            let column = operation.column?.value ?? "(a column named at run time)"
            let what = spec.nullable == false ? "NOT NULL column" : "primary-key (NOT NULL) column"
            out.append(diagnostic(
                "`add_column` adds \(what) \(table).\(column) without a `server_default`: it fails on a table that has rows",
                path: file.path, range: operation.callRange))
        }
        return out
    }
}
