import AlembicModel

/// ALM201: an operation of `upgrade()` that fails when run against a database that already has
/// (or already lacks) the object.
///
/// The diagnostic's range is the operation's call (``MigrationOperation/callRange``): a fix
/// finds the operation by it in ``MigrationFile/operations``.
public enum NonIdempotentOperation: FileRule {
    public static let metadata = RuleMetadata(
        code: "ALM201", name: "non-idempotent-operation", severity: .warning,
        summary: "An operation in `upgrade()` fails when the database already has (or lacks) the object.",
        documentation: """
        ## What it does
        Reports each operation of `upgrade()` (and of the multi-database `upgrade_<name>()`
        functions) that creates, drops or renames a table, column, index or constraint with no
        introspection guard around it (an `if` testing the database through an inspector, an
        early `return`, a helper such as `column_exists(...)`) and no effective
        `if_not_exists=True` / `if_exists=True`. The message says what fails on a re-run.
        `op.execute`, `op.bulk_insert`, comments and `alter_column` without a rename are not
        reported, nor are files with a syntax error (ALM001 comes first). Any condition that
        calls the inspector counts as a guard; whether it tests the right object is
        `guard-mismatch` (ALM202)'s concern.

        `if_not_exists=True` on `create_table` does not cover the indexes it creates
        (`index=True`, `sa.Index`), nor does it on `add_column` for the column's index,
        foreign key or unique constraint: those are still reported.

        ## Why is this bad?
        A migration that stopped halfway (on a database without transactional DDL such as
        MySQL), was applied by hand, or runs against a database created from the models
        (`metadata.create_all()` then `alembic stamp`) meets objects that already exist, and
        `alembic upgrade` stops with "relation already exists" or "column does not exist".

        ## Example
        ```python
        def upgrade():
            op.add_column("users", sa.Column("locale", sa.String(8)))
        ```

        ## Use instead
        ```python
        def upgrade():
            inspector = sa.inspect(op.get_bind())
            columns = [c["name"] for c in inspector.get_columns("users")]
            if "locale" not in columns:
                op.add_column("users", sa.Column("locale", sa.String(8)))
        ```

        ## Fix safety
        Wraps the statement in the introspection guard that fits the operation (table,
        column, index, unique / foreign-key / check constraint, rename), reusing an
        inspector of the function or creating one at its top (a fresh one inline after an
        earlier operation changed the schema, since an inspector caches what it reflects),
        and adding the `inspect` import it needs. Alternatives: the offline-safe guard
        (`if context.is_offline_mode() or …:`), and `if_not_exists=True` / `if_exists=True`
        where the project's Alembic version and the target database support it and it
        covers everything the operation creates. The fixes rewrite logic: they are unsafe.

        ## Options
        - `scope`: `"all"` (default) checks every revision; `"heads"` only the heads of the
          revision graph — the migrations not yet built upon, which are the ones still
          likely to be re-run while they are developed.

        ```toml
        [tool.alembic-ls.non-idempotent-operation]
        scope = "heads"
        ```

        Histories written without guards report every operation: use `scope = "heads"` to
        hold only new revisions to it, or `ignore = ["ALM201"]`.
        """)

    public static let options = [
        RuleOption(name: "scope", values: ["all", "heads"], defaultValue: "all",
                   summary: "Check every revision, or only the heads of the revision graph."),
    ]

    public static func readsGraph(_ context: LintContext) -> Bool { option("scope", in: context) == "heads" }

    public static func check(file: MigrationFile, context: LintContext) -> [Diagnostic] {
        guard file.isReadable, file.syntaxErrors.isEmpty, !file.operations.isEmpty else { return [] }
        if readsGraph(context) {
            guard let id = file.revisionID, context.environment.lintGraph.heads.contains(id) else { return [] }
        }
        var out: [Diagnostic] = []
        var builder: GuardFixBuilder?
        for operation in file.operations where operation.isUpgrade && !operation.isGuarded {
            guard let message = problem(operation) else { continue }
            var found = diagnostic(message, path: file.path, range: operation.callRange)
            if let bytes = context.project.sources[file.path]?.bytes {
                let fixes = builder ?? GuardFixBuilder(path: file.path, bytes: bytes, operations: file.operations)
                builder = fixes
                found.fix = fixes.fix(for: operation, variant: .inspector)
                found.alternativeFixes = [fixes.fix(for: operation, variant: .offlineSafe)].compactMap { $0 }
                if !operation.hasNativeExistenceFlag,
                   NativeExistenceSupport.makesIdempotent(operation, alembic: context.alembicVersion, dialect: context.dialect),
                   let native = fixes.nativeFlagFix(for: operation) {
                    found.alternativeFixes.append(native)
                }
            }
            out.append(found)
        }
        return out
    }

    /// What fails when `operation` runs again, or nil when nothing does.
    static func problem(_ operation: MigrationOperation) -> String? {
        guard let primary = operation.targets.first else { return nil }
        let method = "`\(operation.kind.methodName)`"
        if operation.hasNativeExistenceFlag {
            guard let object = operation.separatelyCreatedObjects.first else { return nil }
            let flag = operation.nativeFlag?.name.rawValue ?? "if_not_exists"
            return "\(method) with `\(flag)=True` still creates \(describe(object, table: operation.table?.value)) unguarded: it fails if that already exists"
        }
        let condition = primary.requirement == .mustBeAbsent ? "already exists" : "does not exist"
        return "\(method) is not idempotent: it fails if \(describe(primary, schema: operation.schema?.value)) \(condition)"
    }

    /// "table users", "column users.locale", "index ix_users_email on users", "constraint fk on orders".
    static func describe(_ target: OperationTarget, schema: String?) -> String {
        let table = target.table.map { table in schema.map { "\($0).\(table)" } ?? table } ?? "(a table named at run time)"
        let name = target.name ?? "(unnamed)"
        switch target.kind {
        case .tableExists: return "table \(table)"
        case .columnExists: return "column \(table).\(name)"
        case .indexExists: return target.name == nil ? "the index on \(table)" : "index \(name) on \(table)"
        case .constraintExists, .unknownIntrospection:
            return target.name == nil ? "the constraint on \(table)" : "constraint \(name) on \(table)"
        }
    }

    static func describe(_ object: ImplicitObject, table: String?) -> String {
        let columns = "\(table ?? "?")(\(object.columns.joined(separator: ", ")))"
        let named = object.name?.value.map { " \($0)" } ?? ""
        switch object.kind {
        case .index: return "the index\(named) on \(columns)"
        case .uniqueIndex: return "the unique index\(named) on \(columns)"
        case .uniqueConstraint: return "the unique constraint\(named) on \(columns)"
        case .foreignKey: return "the foreign key\(named) on \(columns)"
        case .primaryKey: return "the primary key\(named) on \(columns)"
        case .checkConstraint: return "the check constraint\(named) on \(table ?? "?")"
        }
    }
}
