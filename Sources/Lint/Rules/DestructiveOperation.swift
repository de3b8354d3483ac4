import AlembicModel

/// ALM205: `drop_table` / `drop_column` in `upgrade()`: the data goes with it.
public enum DestructiveOperation: FileRule {
    public static let metadata = RuleMetadata(
        code: "ALM205", name: "destructive-operation", severity: .warning,
        summary: "`upgrade()` drops a table or a column, and the data in it.",
        documentation: """
        ## What it does
        Reports each `op.drop_table(...)` and `op.drop_column(...)` (and `batch_op.drop_column`
        in a `batch_alter_table` block) of `upgrade()` and of the multi-database
        `upgrade_<name>()` functions. A table created earlier in the same function (a
        temporary table) is not reported, nor are the drops of `downgrade()`, which undo the
        revision's own additions. Guarded drops are reported too: a guard makes the drop
        re-runnable, not less destructive.

        ## Why is this bad?
        The rows (or the column's values) are gone once the migration runs: `alembic
        downgrade` re-creates the table or column empty, and only a backup brings the data
        back. Dropping is sometimes the intent; it deserves a deliberate second look (and a
        `# noqa: ALM205` saying so), for instance a release that first stops using the column
        and a later one that drops it.

        ## Example
        ```python
        def upgrade():
            op.drop_column("users", "legacy_password")
        ```

        ## Use instead
        Keep the data until nothing reads it, copy it elsewhere first, or state the intent:
        ```python
        def upgrade():
            # legacy_password is unused since 2.3 and was exported to the archive.
            op.drop_column("users", "legacy_password")  # noqa: ALM205
        ```
        """)

    public static func check(file: MigrationFile, context: LintContext) -> [Diagnostic] {
        guard file.isReadable, file.syntaxErrors.isEmpty, !file.operations.isEmpty else { return [] }
        var out: [Diagnostic] = []
        file.forEachUpgradeOperation { operation, tableIsNew in
            guard !tableIsNew, let message = problem(operation) else { return }
            out.append(diagnostic(message, path: file.path, range: operation.callRange))
        }
        return out
    }

    static func problem(_ operation: MigrationOperation) -> String? {
        let table = qualified(operation)
        switch operation.kind {
        case .dropTable:
            return "`drop_table` drops table \(table) and all its rows: a downgrade re-creates it empty"
        case .dropColumn:
            let column = operation.column?.value ?? "(a column named at run time)"
            return "`drop_column` drops column \(table).\(column) and its values: a downgrade re-creates it empty"
        default:
            return nil
        }
    }

    /// `schema.table`, or the table alone.
    static func qualified(_ operation: MigrationOperation) -> String {
        let table = operation.table?.value ?? "(a table named at run time)"
        return operation.schema?.value.map { "\($0).\(table)" } ?? table
    }
}
