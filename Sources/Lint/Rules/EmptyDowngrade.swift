import AlembicModel

/// ALM203: `upgrade()` changes the schema and `downgrade()` cannot undo it: it is empty, only
/// raises, or is missing.
public enum EmptyDowngrade: FileRule {
    public static let metadata = RuleMetadata(
        code: "ALM203", name: "empty-downgrade", severity: .warning,
        summary: "`upgrade()` changes the schema but `downgrade()` is empty, only raises, or is missing.",
        documentation: """
        ## What it does
        Reports a revision whose `upgrade()` (or multi-database `upgrade_<name>()`) performs
        schema operations while the matching `downgrade()` (`downgrade_<name>()`):
        - has a body of only `pass`, `...` and docstrings;
        - only raises (`raise NotImplementedError`);
        - does not exist.

        Schema operations are all `op.*` / `batch_op.*` operations except `op.execute` and
        `op.bulk_insert`: those usually move data, and a data migration often has nothing to
        undo. A `downgrade()` doing anything else (a loop, a call to a helper) is not
        reported; whether it undoes the right objects is `downgrade-not-inverse` (ALM204)'s
        concern.

        ## Why is this bad?
        `alembic downgrade` walks through the revision without undoing it (the database is
        stamped at the older revision but keeps the newer schema, and the next `upgrade`
        fails on objects that already exist), or stops with an error, or with
        `AttributeError` when the function is missing. Deliberately irreversible revisions
        exist; say so with `# noqa: ALM203` on the `def`.

        ## Example
        ```python
        def upgrade():
            op.add_column("users", sa.Column("locale", sa.String(8)))


        def downgrade():
            pass
        ```

        ## Use instead
        ```python
        def upgrade():
            op.add_column("users", sa.Column("locale", sa.String(8)))


        def downgrade():
            op.drop_column("users", "locale")
        ```
        """)

    public static func check(file: MigrationFile, context: LintContext) -> [Diagnostic] {
        guard file.isReadable, file.syntaxErrors.isEmpty, !file.operations.isEmpty else { return [] }
        var out: [Diagnostic] = []
        let functions = file.migrationFunctions
        for upgrade in functions where upgrade.isUpgrade {
            let downName = upgrade.counterpartName
            let downgrade = functions.first { $0.name == downName }
            if downgrade?.body == .statements { continue }
            var first: MigrationOperation?
            var count = 0
            for operation in file.operations where operation.function == upgrade.name && changesSchema(operation) {
                if first == nil { first = operation }
                count += 1
            }
            guard let first else { continue }
            let summary = count == 1
                ? "`\(first.kind.methodName)`" : "\(count) operations, first `\(first.kind.methodName)`"
            let related = [RelatedLocation(
                location: Location(path: file.path, range: first.callRange), message: "the first schema operation")]
            guard let downgrade else {
                out.append(diagnostic(
                    "`\(upgrade.name)()` changes the schema (\(summary)) but there is no `\(downName)()`: the revision cannot be downgraded",
                    path: file.path, range: upgrade.nameRange, related: related))
                continue
            }
            switch downgrade.body {
            case .empty:
                out.append(diagnostic(
                    "`\(downName)()` does nothing, but `\(upgrade.name)()` changes the schema (\(summary))",
                    path: file.path, range: downgrade.nameRange, related: related))
            case .onlyRaises:
                out.append(diagnostic(
                    "`\(downName)()` only raises, but `\(upgrade.name)()` changes the schema (\(summary)): the revision cannot be downgraded",
                    path: file.path, range: downgrade.nameRange, related: related))
            case .statements:
                break
            }
        }
        return out
    }

    /// Every operation but the data-moving `execute` / `bulk_insert` and the
    /// `batch_alter_table` statement itself (its `batch_op.*` calls count).
    static func changesSchema(_ operation: MigrationOperation) -> Bool {
        switch operation.kind {
        case .execute, .bulkInsert, .batchAlterTable: false
        default: true
        }
    }
}
