import AlembicModel

/// Shared logic of the configuration rules: each maps some ``ConfigProblem`` kinds of the
/// environment (and of workspace discovery) onto its code.
protocol ConfigProblemRule: Rule {
    static var kinds: Set<ConfigProblem.Kind> { get }
}

extension ConfigProblemRule {
    public static var scope: RuleScope { .graph }

    public static func check(_ context: LintContext) -> [Diagnostic] {
        let problems = context.environment.environment.problems + context.environment.listingProblems
        return problems.filter { kinds.contains($0.kind) }.map { problem in
            diagnostic(problem.message, path: problem.file, range: problem.range ?? .empty(at: 0))
        }
    }
}
