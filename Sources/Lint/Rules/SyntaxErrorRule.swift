import AlembicModel

/// ALM001: a migration file that Python cannot parse.
public enum SyntaxErrorRule: FileRule {
    public static let metadata = RuleMetadata(
        code: "ALM001", name: "syntax-error", severity: .error,
        summary: "A migration file or env.py has a Python syntax error.",
        documentation: """
        ## What it does
        Reports Python syntax errors in migration files and `env.py`, at the place CPython's
        parser reports them (`ast.parse`).

        ## Why is this bad?
        Alembic imports every file of the version directories to build the revision graph.
        One file that does not parse makes every `alembic` command fail with a traceback,
        including `alembic heads` and `alembic upgrade`.

        ## Example
        ```python
        def upgrade():
            op.add_column("users", sa.Column("locale", sa.String(8))
        ```

        ## Use instead
        ```python
        def upgrade():
            op.add_column("users", sa.Column("locale", sa.String(8)))
        ```

        The rest of the file is still analysed: alembic-ls recovers at the next statement.
        """)

    public static func check(file: MigrationFile, context: LintContext) -> [Diagnostic] {
        file.syntaxErrors.map { diagnostic("SyntaxError: \($0.message)", path: file.path, range: $0.range) }
    }

    public static func checkOutsideFiles(_ context: LintContext) -> [Diagnostic] {
        guard let env = context.environment.envPy else { return [] }
        return env.syntaxErrors.map { diagnostic("SyntaxError: \($0.message)", path: env.path, range: $0.range) }
    }
}
