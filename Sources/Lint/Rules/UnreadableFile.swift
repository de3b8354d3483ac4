import AlembicModel

/// ALM002: a revision file that cannot be read or decoded.
public enum UnreadableFile: FileRule {
    public static let metadata = RuleMetadata(
        code: "ALM002", name: "unreadable-file", severity: .error,
        summary: "A file in a version directory cannot be read or is not UTF-8 Python source.",
        documentation: """
        ## What it does
        Reports files of the version directories that alembic would try to import but that
        cannot be read: I/O errors (permissions, dangling symbolic links), binary content
        (NUL bytes), bytes that are not valid UTF-8 when the file declares no other
        encoding, compiled files without source, and directories that cannot be listed.

        ## Why is this bad?
        Alembic imports every `*.py` file of its version locations. A file it cannot decode
        stops every command with a `SyntaxError` or `UnicodeDecodeError`; an unreadable
        directory hides migrations from some machines and not others.

        ## Example
        A `versions/` directory holding `notes.py` saved as UTF-16, or a symbolic link to a
        file that was deleted.

        ## Use instead
        Save migration files as UTF-8 (or declare the encoding with a PEP 263 coding comment)
        and keep only migration modules in the version directories.
        """)

    public static func check(file: MigrationFile, context: LintContext) -> [Diagnostic] {
        guard let error = file.readError else { return [] }
        return [diagnostic("Cannot analyse \(file.path): \(error.message)", path: file.path, range: error.range)]
    }

    public static func checkOutsideFiles(_ context: LintContext) -> [Diagnostic] {
        var out: [Diagnostic] = []
        for problem in context.environment.listingProblems + context.environment.environment.problems
        where problem.kind == .unreadable || problem.kind == .revisionFile || problem.kind == .symlinkLoop {
            out.append(diagnostic(problem.message, path: problem.file, range: problem.range ?? .empty(at: 0)))
        }
        return out
    }
}
