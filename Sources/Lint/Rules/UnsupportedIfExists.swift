import AlembicModel

/// ALM209: `if_exists=` / `if_not_exists=` passed where it fails: an operation without the
/// parameter, an Alembic version the project allows that predates it, or SQLite's
/// `ADD COLUMN` / `DROP COLUMN`, which have no `IF [NOT] EXISTS`.
public enum UnsupportedIfExists: FileRule {
    public static let metadata = RuleMetadata(
        code: "ALM209", name: "unsupported-if-exists", severity: .error,
        summary: "`if_exists` / `if_not_exists` on an operation, Alembic version or database that lacks it.",
        documentation: """
        ## What it does
        Reports `if_exists=` and `if_not_exists=` arguments that make the operation fail:
        - on an operation that has no such parameter in any Alembic version (`rename_table`,
          `create_foreign_key`, `alter_column`, `batch_op.drop_constraint`, …) or the wrong
          one (`create_table(if_exists=...)`);
        - when the project allows an Alembic version older than the one that added it:
          `create_index` / `drop_index` 1.12, `create_table` / `drop_table` 1.13.3,
          `add_column` / `drop_column` / `drop_constraint` 1.16. The version comes from the
          `alembic-version` setting, else the project's lock file, requirements or
          pyproject.toml; an unbounded requirement is not reported;
        - `add_column(if_not_exists=True)` / `drop_column(if_exists=True)` on SQLite (the
          `dialect` setting, else `sqlalchemy.url`), whose `ALTER TABLE` has no
          `IF [NOT] EXISTS`: the statement is a syntax error.

        ## Why is this bad?
        The flag is usually added to make a migration idempotent, yet the migration stops
        with a `TypeError` (unknown keyword), an `ArgumentError` (passed through to
        `sa.Table`) or a SQL syntax error, on the very databases it was meant to protect.

        ## Example
        ```python
        # alembic>=1.11 in requirements.txt, sqlalchemy.url = sqlite:///app.db
        def upgrade():
            op.add_column("users", sa.Column("locale", sa.String(8)), if_not_exists=True)
        ```

        ## Use instead
        ```python
        def upgrade():
            inspector = sa.inspect(op.get_bind())
            if "locale" not in [c["name"] for c in inspector.get_columns("users")]:
                op.add_column("users", sa.Column("locale", sa.String(8)))
        ```

        ## Options
        Settings of `[tool.alembic-ls]` (and the editor's initialization options):
        `alembic-version = "1.13.2"` overrides the detected Alembic version;
        `dialect = "postgresql"` the database of `sqlalchemy.url`.
        """)

    public static func check(file: MigrationFile, context: LintContext) -> [Diagnostic] {
        guard file.isReadable, file.syntaxErrors.isEmpty, !file.operations.isEmpty else { return [] }
        var out: [Diagnostic] = []
        for operation in file.operations {
            guard let flag = operation.nativeFlag,
                  let message = problem(operation, flag: flag, alembic: context.alembicVersion, dialect: context.dialect)
            else { continue }
            out.append(diagnostic(message, path: file.path, range: flag.range))
        }
        return out
    }

    /// Why `flag` fails on `operation`, or nil when it works.
    static func problem(
        _ operation: MigrationOperation, flag: NativeExistenceFlag, alembic: AlembicVersionFacts, dialect: SQLDialect?
    ) -> String? {
        let callee = "`\(operation.batch == nil ? "op" : "batch_op").\(operation.kind.methodName)`"
        let name = "`\(flag.name.rawValue)`"
        guard let supported = NativeExistenceSupport.flag(for: operation.kind, batch: operation.batch != nil),
              supported.name == flag.name else {
            return "\(callee) has no \(name) parameter in any Alembic version: the call fails"
        }
        if let lowest = alembic.lowestVersion, lowest < supported.since {
            return "\(name) on \(callee) needs Alembic \(supported.since), but \(alembic.source) allows \(lowest)"
        }
        if dialect == .sqlite, operation.kind == .addColumn || operation.kind == .dropColumn, flag.value != false {
            let clause = operation.kind == .addColumn ? "ADD COLUMN IF NOT EXISTS" : "DROP COLUMN IF EXISTS"
            return "SQLite has no `\(clause)`: \(callee) with \(name) fails with a syntax error"
        }
        return nil
    }
}
