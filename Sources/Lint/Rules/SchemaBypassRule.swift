import AlembicModel
import TextCore

/// ALM305: the schema is built or dropped from the models with `create_all()` / `drop_all()`
/// outside tests, bypassing the migrations.
public enum SchemaBypassRule: Rule {
    /// Reads the model index, which changes only when the workspace is re-read (models are
    /// not migrations): re-running after a migration edit would find the same.
    public static let scope = RuleScope.graph

    public static let metadata = RuleMetadata(
        code: "ALM305", name: "schema-bypass", severity: .warning,
        summary: "`metadata.create_all()` / `drop_all()` outside tests builds the schema without Alembic.",
        documentation: """
        ## What it does
        Reports `create_all()` and `drop_all()` called on a `MetaData` (`Base.metadata`,
        `metadata`, a Flask-SQLAlchemy `db`) in the workspace's Python files, and `create_all(` /
        `drop_all(` in CI configuration (`.github/workflows/*.yml`, `.gitlab-ci.yml`), shell
        scripts and Makefiles. Tests (`tests/`, `test_*.py`, `conftest.py`) and migrations are
        not reported; neither are comment lines of CI files.

        ## Why is this bad?
        A database created with `create_all()` never runs the migrations and has no
        `alembic_version` row: CI stays green while a migration that fails on the incrementally
        built production database goes unnoticed, and schema drift between the models and the
        migrations accumulates silently. `alembic upgrade head` on such a database then fails
        with "table already exists".

        ## Example
        ```yaml
        - name: Create database schema
          run: python -c "from app.models import Base; from app.db import engine; Base.metadata.create_all(bind=engine)"
        ```

        ## Use instead
        ```yaml
        - name: Create database schema
          run: alembic upgrade head
        ```
        """)

    public static func check(_ context: LintContext) -> [Diagnostic] {
        guard let models = context.environment.models else { return [] }
        return models.bypasses.map { bypass in
            let call = (bypass.receiver.map { $0 + "." } ?? "") + bypass.method + "()"
            let effect = bypass.method == "drop_all" ? "drops the schema" : "builds the schema from the models"
            let place = bypass.kind == .ci ? " in CI" : ""
            let message = "`\(call)` \(effect)\(place), bypassing Alembic: the migrations never run and `alembic_version` is never written"
            return diagnostic(message, path: bypass.location.path, range: bypass.location.range)
        }
    }
}
