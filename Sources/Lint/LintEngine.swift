import AlembicModel
import TextCore

/// Runs the enabled rules over a project and applies settings and suppressions.
///
/// `run` is the whole pipeline; the other functions are its parts, for callers that keep
/// findings between edits (the language server): rules by ``RuleScope``, file rules for one
/// file, and ``SuppressionFilter`` per file.
public enum LintEngine {
    /// All diagnostics for `project`, sorted for output, de-duplicated (an environment
    /// sharing files with another reports each finding once).
    /// `bases` (by ``AlembicEnvironment/id``) enables the rules comparing with a git ref;
    /// `databases` (by the same id) the live-database rules.
    public static func run(
        _ project: ProjectAnalysis, settings: LintSettings, projectRoot: String? = nil, bases: [String: BaseRevisions] = [:],
        databases: [String: DatabaseState] = [:]
    ) -> [Diagnostic] {
        let enabled = enabledRules(settings)
        // Rules are independent pure functions: run every (environment, rule) pair in parallel,
        // then concatenate in a fixed order.
        let contexts = project.environments.map {
            LintContext(
                environment: $0, project: project, base: bases[$0.environment.id], database: databases[$0.environment.id],
                ruleOptions: settings.ruleOptions, alembicVersionSetting: settings.alembicVersion, dialectSetting: settings.dialect)
        }
        let pairs = contexts.indices.flatMap { c in enabled.indices.map { (c, $0) } }
        var raw = ParallelMap.map(pairs.indices, serialBelow: 8) { i in
            enabled[pairs[i].1].check(contexts[pairs[i].0])
        }.flatMap { $0 }
        raw += discoveryDiagnostics(project, enabled: enabled)

        let filter = SuppressionFilter(
            settings: settings, projectRoot: projectRoot ?? project.roots.first ?? "", enabled: enabled, comparesWithBase: !bases.isEmpty)
        let suppressions = suppressionsByPath(project)
        var byPath: [String: [Diagnostic]] = [:]
        for diagnostic in raw { byPath[diagnostic.location.path, default: []].append(diagnostic) }
        for path in suppressions.keys where byPath[path] == nil { byPath[path] = [] }
        var out: [Diagnostic] = []
        for (path, found) in byPath {
            out += filter.apply(path: path, raw: found, suppressions: suppressions[path], source: project.sources[path])
        }
        return out.sorted(by: Diagnostic.outputOrder)
    }

    /// The rules `settings` enable, sorted by code.
    public static func enabledRules(_ settings: LintSettings) -> [any Rule.Type] {
        RuleRegistry.rules.filter { settings.isEnabled($0.metadata) }
    }

    /// The raw (unsuppressed) findings of `rules` for `context`'s environment, in the rules'
    /// order; the rules run in parallel.
    public static func findings(of rules: [any Rule.Type], in context: LintContext) -> [Diagnostic] {
        ParallelMap.map(rules.indices, serialBelow: 4) { rules[$0].check(context) }.flatMap { $0 }
    }

    /// The raw findings of the file rules for one migration file of `context`'s environment.
    public static func findings(of rules: [any FileRule.Type], file: MigrationFile, in context: LintContext) -> [Diagnostic] {
        var out: [Diagnostic] = []
        for rule in rules { out += rule.check(file: file, context: context) }
        return out
    }

    /// The raw findings of the file rules outside the migration files (env.py, listing
    /// problems) of `context`'s environment.
    public static func findingsOutsideFiles(of rules: [any FileRule.Type], in context: LintContext) -> [Diagnostic] {
        rules.flatMap { $0.checkOutsideFiles(context) }
    }

    /// The `# noqa` directives of a migration file, if it has any.
    public static func suppressions(of file: MigrationFile) -> Suppressions? {
        file.comments.isEmpty ? nil : Suppressions(comments: file.comments)
    }

    /// The `# noqa` directives of env.py, if it has any.
    public static func suppressions(of file: PythonFileSummary) -> Suppressions? {
        file.comments.isEmpty ? nil : Suppressions(comments: file.comments)
    }

    /// Problems of workspace discovery that belong to no environment (a broken ini that
    /// yields none, an unreadable directory).
    public static func discoveryDiagnostics(_ project: ProjectAnalysis, enabled: [any Rule.Type]) -> [Diagnostic] {
        var out: [Diagnostic] = []
        for problem in project.discoveryProblems {
            let code: String
            switch problem.kind {
            case .unreadable, .symlinkLoop, .revisionFile: code = UnreadableFile.metadata.code
            case .scriptLocationMissing, .scriptLocationNotFound, .unresolvedPackageResource: code = ScriptLocationNotFound.metadata.code
            case .versionLocationNotFound: code = VersionLocationNotFound.metadata.code
            case .suspiciousValue, .deprecatedSetting: code = SuspiciousConfigValue.metadata.code
            case .iniSyntax, .interpolation, .tomlSyntax, .tomlInvalidValue, .invalidValue: code = InvalidConfig.metadata.code
            }
            guard let rule = enabled.first(where: { $0.metadata.code == code }) else { continue }
            out.append(Diagnostic(code: code, message: problem.message, severity: rule.metadata.severity,
                                  location: Location(path: problem.file, range: problem.range ?? .empty(at: 0))))
        }
        return out
    }

    static func suppressionsByPath(_ project: ProjectAnalysis) -> [String: Suppressions] {
        var out: [String: Suppressions] = [:]
        for environment in project.environments {
            for file in environment.files { out[file.path] = suppressions(of: file) ?? out[file.path] }
            if let env = environment.envPy { out[env.path] = suppressions(of: env) ?? out[env.path] }
        }
        return out
    }

    static func relative(_ path: String, to root: String) -> String {
        let prefix = root.hasSuffix("/") ? root : root + "/"
        return path.hasPrefix(prefix) ? String(path.dropFirst(prefix.count)) : path
    }
}
