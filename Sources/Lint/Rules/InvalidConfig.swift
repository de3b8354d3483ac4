import AlembicModel

/// ALM504: a configuration file alembic cannot read.
public enum InvalidConfig: ConfigProblemRule {
    static let kinds: Set<ConfigProblem.Kind> = [.iniSyntax, .interpolation, .tomlSyntax, .tomlInvalidValue, .invalidValue]

    public static let metadata = RuleMetadata(
        code: "ALM504", name: "invalid-config", severity: .error,
        summary: "alembic.ini or `[tool.alembic]` cannot be read by alembic.",
        documentation: """
        ## What it does
        Reads `alembic.ini` with the rules of Python's `configparser` (as alembic does) and
        `pyproject.toml` as TOML, and reports what alembic would reject: a missing section
        header, a line without `=`, duplicate options or sections, a bad `%(name)s`
        interpolation, invalid TOML, or a value of the wrong type.

        ## Why is this bad?
        Alembic raises while reading its configuration, before any migration command runs.

        ## Example
        ```ini
        [alembic]
        script_location = %(here)/alembic
        ```

        ## Use instead
        ```ini
        [alembic]
        script_location = %(here)s/alembic
        ```
        """)
}
