import AlembicModel

/// ALM001: a migration file that Python cannot parse.
public enum SyntaxErrorRule: Rule {
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

    public static func check(_ context: LintContext) -> [Diagnostic] {
        var out: [Diagnostic] = []
        for file in context.environment.files {
            for error in file.syntaxErrors {
                out.append(diagnostic("SyntaxError: \(error.message)", path: file.path, range: error.range))
            }
        }
        if let env = context.environment.envPy {
            for error in env.syntaxErrors {
                out.append(diagnostic("SyntaxError: \(error.message)", path: env.path, range: error.range))
            }
        }
        return out
    }
}
