import AlembicModel

/// A rule whose findings for a migration file depend only on that file and the environment's
/// configuration (``RuleScope/file``): the language server runs it for the edited file only
/// and keeps the other files' findings.
public protocol FileRule: Rule {
    /// The findings for one migration file of `context`'s environment, all located in that
    /// file (the language server files them under its path).
    static func check(file: MigrationFile, context: LintContext) -> [Diagnostic]
    /// Findings outside the migration files (env.py, listing problems); they depend only on
    /// the environment's configuration. None by default.
    static func checkOutsideFiles(_ context: LintContext) -> [Diagnostic]
    /// True when, with `context`'s settings, a file's findings also depend on the graph
    /// (e.g. "only the heads"): the language server then re-checks every file after an edit
    /// that changes the graph. False by default.
    static func readsGraph(_ context: LintContext) -> Bool
}

extension FileRule {
    public static var scope: RuleScope { .file }

    public static func checkOutsideFiles(_ context: LintContext) -> [Diagnostic] { [] }

    public static func readsGraph(_ context: LintContext) -> Bool { false }

    /// Every file's findings, in load order, then those outside the files.
    public static func check(_ context: LintContext) -> [Diagnostic] {
        var out: [Diagnostic] = []
        for file in context.environment.files { out += check(file: file, context: context) }
        return out + checkOutsideFiles(context)
    }
}
