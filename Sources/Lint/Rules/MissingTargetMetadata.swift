import AlembicModel
import TextCore

/// ALM302: env.py hands Alembic no metadata (`target_metadata = None`, or never set) although
/// the workspace declares models.
public enum MissingTargetMetadata: Rule {
    /// Reads the model index, which changes only when the workspace is re-read (models are
    /// not migrations): re-running after a migration edit would find the same.
    public static let scope = RuleScope.graph

    public static let metadata = RuleMetadata(
        code: "ALM302", name: "missing-target-metadata", severity: .warning,
        summary: "env.py sets `target_metadata = None` (or never sets it) although the project declares models.",
        documentation: """
        ## What it does
        Reports env.py when its `target_metadata` is `None` (the value `alembic init` writes)
        or is never set — neither at module level nor as `context.configure(target_metadata=…)`
        — while the workspace declares SQLAlchemy models (a `MetaData`, a declarative base or a
        mapped class). Projects without models are not reported.

        ## Why is this bad?
        Autogenerate compares the database with `target_metadata`. Without it,
        `alembic revision --autogenerate` writes empty migrations and `alembic check` finds
        nothing to compare: model changes silently never reach a migration.

        ## Example
        ```python
        # alembic/env.py
        target_metadata = None
        ```

        ## Use instead
        ```python
        # alembic/env.py
        from src.api.utils.models import Base

        target_metadata = Base.metadata
        ```
        """)

    public static func check(_ context: LintContext) -> [Diagnostic] {
        guard let models = context.environment.models, let envPy = models.envPy, envPy.hasSuffix(".py"),
              !models.metadata.isEmpty || !models.classes.isEmpty else { return [] }
        let declared = describe(models)
        switch models.target {
        case let .none(location):
            return [diagnostic("env.py sets `target_metadata = None` while the project declares \(declared): autogenerate compares nothing",
                               path: location.path, range: location.range)]
        case .missing:
            return [diagnostic("env.py never sets `target_metadata` while the project declares \(declared): autogenerate compares nothing",
                               path: envPy, range: .empty(at: 0))]
        case .resolved, .unresolved:
            return []
        }
    }

    /// "models on `Base.metadata`" or "3 mapped classes".
    static func describe(_ models: ModelAnalysis) -> String {
        if let first = models.metadata.first(where: { !$0.schema.tables.isEmpty }) ?? models.metadata.first {
            return "models on `\(first.identity.displayName)`"
        }
        return "\(models.classes.count) mapped class\(models.classes.count == 1 ? "" : "es")"
    }
}
