import AlembicModel

/// ALM502: a configured version location does not exist.
public enum VersionLocationNotFound: ConfigProblemRule {
    static let kinds: Set<ConfigProblem.Kind> = [.versionLocationNotFound]

    public static let metadata = RuleMetadata(
        code: "ALM502", name: "version-location-not-found", severity: .warning,
        summary: "A directory listed in `version_locations` does not exist.",
        documentation: """
        ## What it does
        Splits `version_locations` with alembic's separator rules and reports each entry whose
        directory does not exist.

        ## Why is this bad?
        Alembic silently ignores missing version locations: the migrations you expect there
        are simply not part of the history, and `alembic upgrade` runs without them. A wrong
        separator (for example a comma in a value split on spaces) has the same effect.

        ## Example
        ```ini
        version_locations = %(here)s/alembic/versions %(here)s/plugins/versions
        ```
        where `plugins/versions` was renamed.

        ## Use instead
        List only existing directories, with the separator `path_separator` declares.
        """)
}
