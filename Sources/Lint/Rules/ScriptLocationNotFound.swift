import AlembicModel

/// ALM501: `script_location` is missing or points nowhere.
public enum ScriptLocationNotFound: ConfigProblemRule {
    static let kinds: Set<ConfigProblem.Kind> = [.scriptLocationMissing, .scriptLocationNotFound, .unresolvedPackageResource]

    public static let metadata = RuleMetadata(
        code: "ALM501", name: "script-location-not-found", severity: .error,
        summary: "`script_location` is missing or names a directory that does not exist.",
        documentation: """
        ## What it does
        Resolves `script_location` the way alembic does (`%(here)s`, relative paths from the
        directory alembic runs in, `package:path` resources) and reports it when it is not set
        or the directory does not exist.

        ## Why is this bad?
        Every alembic command starts by opening the script directory; it fails with "Path
        doesn't exist" or "No 'script_location' key found in configuration". A relative
        `script_location` also breaks as soon as alembic is run from another directory.

        ## Example
        ```ini
        [alembic]
        script_location = migrations  # the directory is called alembic/
        ```

        ## Use instead
        ```ini
        [alembic]
        script_location = %(here)s/alembic
        ```
        """)
}
