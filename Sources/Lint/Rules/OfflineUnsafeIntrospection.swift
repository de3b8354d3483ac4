import AlembicModel
import TextCore

/// ALM210: an introspection guard that runs in offline (`--sql`) mode, where there is no
/// database to inspect.
public enum OfflineUnsafeIntrospection: FileRule {
    public static let metadata = RuleMetadata(
        code: "ALM210", name: "offline-unsafe-introspection", severity: .warning,
        summary: "An introspection guard has no `context.is_offline_mode()` branch, so `alembic upgrade --sql` fails.",
        documentation: """
        ## What it does
        Reports each introspection guard (an `if` or early `return` testing the database
        through an inspector, directly or through a helper) around an operation of
        `upgrade()` or `downgrade()` (and their multi-database forms) that is not inside a
        branch taken only online: `if not context.is_offline_mode():`, the `else` of
        `if context.is_offline_mode():`, or after `if context.is_offline_mode(): return`. A
        guard inside a branch taken only offline is reported too. Each guard is reported
        once, however many operations it protects.

        The rule is opt-in: projects that never generate SQL scripts do not need it. Enable it
        with `extend-select = ["ALM210"]`.

        ## Why is this bad?
        `alembic upgrade --sql` renders the migration as a SQL script without connecting:
        `op.get_bind()` is a mock connection and inspecting it fails
        ("No inspection system is available for object of type MockConnection"), so the
        script cannot be generated for a DBA to review or run.

        ## Example
        ```python
        def upgrade():
            inspector = sa.inspect(op.get_bind())
            if not inspector.has_table("audit"):
                op.create_table("audit", sa.Column("id", sa.Integer, primary_key=True))
        ```

        ## Use instead
        ```python
        from alembic import context


        def upgrade():
            if context.is_offline_mode():
                op.create_table("audit", sa.Column("id", sa.Integer, primary_key=True))
                return
            inspector = sa.inspect(op.get_bind())
            if not inspector.has_table("audit"):
                op.create_table("audit", sa.Column("id", sa.Integer, primary_key=True))
        ```
        """,
        isEnabledByDefault: false)

    public static func check(file: MigrationFile, context: LintContext) -> [Diagnostic] {
        guard file.isReadable, file.syntaxErrors.isEmpty, !file.operations.isEmpty else { return [] }
        var out: [Diagnostic] = []
        var reported = Set<ByteRange>()
        for operation in file.operations where !operation.guards.isEmpty {
            if let branch = operation.offlineBranch, !branch.runsOffline { continue }
            let inOfflineBranch = operation.offlineBranch?.runsOffline == true
            for guardRange in Set(operation.guards.map(\.range)).sorted(by: { $0.start < $1.start })
            where reported.insert(guardRange).inserted {
                let message = inOfflineBranch
                    ? "This introspection guard is in the offline branch of `context.is_offline_mode()`: it always fails under `alembic \(direction(operation)) --sql`"
                    : "This introspection guard needs a database connection: `alembic \(direction(operation)) --sql` fails here; branch on `context.is_offline_mode()`"
                let related = RelatedLocation(
                    location: Location(path: file.path, range: operation.callRange),
                    message: "the guarded `\(operation.kind.methodName)`")
                out.append(diagnostic(message, path: file.path, range: guardRange, related: [related]))
            }
        }
        return out
    }

    private static func direction(_ operation: MigrationOperation) -> String {
        operation.isUpgrade ? "upgrade" : "downgrade"
    }
}
