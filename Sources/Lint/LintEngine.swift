import AlembicModel
import TextCore

/// Runs the enabled rules over a project and applies settings and suppressions.
public enum LintEngine {
    /// All diagnostics for `project`, sorted for output, de-duplicated (an environment
    /// sharing files with another reports each finding once).
    /// `bases` (by ``AlembicEnvironment/id``) enables the rules comparing with a git ref;
    /// `databases` (by the same id) the live-database rules.
    public static func run(
        _ project: ProjectAnalysis, settings: LintSettings, projectRoot: String? = nil, bases: [String: BaseRevisions] = [:],
        databases: [String: DatabaseState] = [:]
    ) -> [Diagnostic] {
        let enabled = RuleRegistry.rules.filter { settings.isEnabled($0.metadata) }
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

        let root = projectRoot ?? project.roots.first ?? ""
        let suppressions = suppressionsByPath(project)
        var seen = Set<Diagnostic>()
        var out: [Diagnostic] = []
        var used = Set<UnusedNoqa.Use>()
        for diagnostic in raw where seen.insert(diagnostic).inserted {
            guard let metadata = RuleRegistry.rule(named: diagnostic.code)?.metadata else { continue }
            if settings.isIgnored(metadata, inFile: relative(diagnostic.location.path, to: root)) { continue }
            if let suppression = suppressions[diagnostic.location.path], let source = project.sources[diagnostic.location.path] {
                let line = source.lineIndex.line(of: diagnostic.location.range.start)
                if suppression.suppresses(code: diagnostic.code, line: line) {
                    used.formUnion(UnusedNoqa.uses(suppression, code: diagnostic.code, line: line, path: diagnostic.location.path))
                    continue
                }
            }
            out.append(diagnostic)
        }
        // ALM901 needs every other rule's outcome: it runs last, on the suppressions left unused.
        if enabled.contains(where: { $0.metadata.code == UnusedNoqa.metadata.code }) {
            let checked = Set(enabled.map { $0.metadata.code }).subtracting(bases.isEmpty ? UnusedNoqa.baseRuleCodes : [])
            for diagnostic in UnusedNoqa.report(project, suppressions: suppressions, used: used, checkedCodes: checked) {
                if settings.isIgnored(UnusedNoqa.metadata, inFile: relative(diagnostic.location.path, to: root)) { continue }
                out.append(diagnostic)
            }
        }
        return out.sorted(by: Diagnostic.outputOrder)
    }

    /// Problems of workspace discovery that belong to no environment (a broken ini that
    /// yields none, an unreadable directory).
    static func discoveryDiagnostics(_ project: ProjectAnalysis, enabled: [any Rule.Type]) -> [Diagnostic] {
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
            for file in environment.files where !file.comments.isEmpty {
                out[file.path] = Suppressions(comments: file.comments)
            }
            if let env = environment.envPy, !env.comments.isEmpty {
                out[env.path] = Suppressions(comments: env.comments)
            }
        }
        return out
    }

    static func relative(_ path: String, to root: String) -> String {
        let prefix = root.hasSuffix("/") ? root : root + "/"
        return path.hasPrefix(prefix) ? String(path.dropFirst(prefix.count)) : path
    }
}
