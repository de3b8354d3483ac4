import AlembicModel

/// ALM108: a file in a version directory with no `revision`.
public enum MissingRevisionID: FileRule {
    public static let metadata = RuleMetadata(
        code: "ALM108", name: "missing-revision-id", severity: .error,
        summary: "A file in a version directory declares no `revision`.",
        documentation: """
        ## What it does
        Reports Python files of the version directories that never assign `revision` and whose
        name is not a legacy `<hex>.py` revision file name.

        ## Why is this bad?
        Alembic imports every `.py` file of its version locations as a migration. A file
        without `revision` stops every command with "Could not determine revision id from
        filename". Helper modules do not belong in `versions/`.

        ## Example
        `alembic/versions/helpers.py` holding shared functions for migrations.

        ## Use instead
        Move shared code next to `env.py` or into the application package, or declare
        `revision` if the file is a migration.
        """)

    public static func check(file: MigrationFile, context: LintContext) -> [Diagnostic] {
        guard file.isReadable, file.revision.isAbsent, file.legacyRevisionFromName == nil else { return [] }
        let name = file.path.split(separator: "/").last.map(String.init) ?? file.path
        return [diagnostic(
            "\(name) is in a version directory but declares no `revision`; alembic fails with \"Could not determine revision id from filename \(name)\"",
            path: file.path, range: .empty(at: 0))]
    }
}
