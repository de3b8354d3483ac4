import AlembicModel

/// ALM503: a configuration value alembic reads differently from what it looks like.
public enum SuspiciousConfigValue: ConfigProblemRule {
    static let kinds: Set<ConfigProblem.Kind> = [.suspiciousValue, .deprecatedSetting]

    public static let metadata = RuleMetadata(
        code: "ALM503", name: "suspicious-config-value", severity: .warning,
        summary: "A configuration value that alembic reads differently from what it suggests.",
        documentation: """
        ## What it does
        Reports configuration values alembic accepts but reads in a surprising way, and
        deprecated settings alembic warns about:
        - `recursive_version_locations = True` (alembic compares with the string `true`
          exactly, so `True`, `yes` and `1` mean false);
        - `version_locations` or `prepend_sys_path` without `path_separator`, and the
          deprecated `version_path_separator`.

        ## Why is this bad?
        The project does not behave as its configuration reads: migrations in
        sub-directories are silently skipped, or paths are split differently on another
        operating system.

        ## Example
        ```ini
        recursive_version_locations = True
        ```

        ## Use instead
        ```ini
        recursive_version_locations = true
        ```
        """)
}
