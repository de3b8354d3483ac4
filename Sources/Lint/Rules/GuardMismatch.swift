import AlembicModel
import TextCore

/// ALM202: an introspection guard that tests another object than the operation it protects,
/// or lets the operation run exactly when it must fail.
public enum GuardMismatch: FileRule {
    public static let metadata = RuleMetadata(
        code: "ALM202", name: "guard-mismatch", severity: .warning,
        summary: "An introspection guard tests a different object than its operation, or has the wrong polarity.",
        documentation: """
        ## What it does
        Compares each operation with the introspection guards around it (`if` conditions
        testing the database through an inspector, early returns, helper functions) and
        reports a guard that:
        - tests a different table, column, index or constraint than the operation touches,
          when no other guard tests the operation's own object (a copy-paste slip:
          `if "locale" not in columns:` above `op.add_column("users", sa.Column("language", …))`);
        - lets the operation run only when it must fail: `if insp.has_table("users"):` above
          `op.create_table("users", …)`, a column added only when the column already exists,
          a table dropped only when it does not exist, a column added to a table only when
          that table does not exist.

        A guard on another table together with a guard on the operation's own object is a
        precondition and is not reported. Conditions the analyzer cannot read are never
        reported.

        ## Why is this bad?
        The guard was written to make the migration safe to re-run, but it tests the wrong
        thing: the operation is skipped when it should run (the schema silently misses the
        change) or runs when it fails, and the migration still breaks on a re-run.

        ## Example
        ```python
        def upgrade():
            inspector = sa.inspect(op.get_bind())
            if inspector.has_table("users"):
                op.create_table("users", sa.Column("id", sa.Integer, primary_key=True))
        ```

        ## Use instead
        ```python
        def upgrade():
            inspector = sa.inspect(op.get_bind())
            if not inspector.has_table("users"):
                op.create_table("users", sa.Column("id", sa.Integer, primary_key=True))
        ```
        """)

    public static func check(file: MigrationFile, context: LintContext) -> [Diagnostic] {
        guard file.isReadable, file.syntaxErrors.isEmpty, !file.operations.isEmpty else { return [] }
        var out: [Diagnostic] = []
        for operation in file.operations where operation.isGuarded {
            for (message, guardRange) in problems(operation) {
                let related = RelatedLocation(
                    location: Location(path: file.path, range: operation.callRange),
                    message: "the guarded `\(operation.kind.methodName)`")
                out.append(diagnostic(message, path: file.path, range: guardRange, related: [related]))
            }
        }
        return out
    }

    /// The mismatches of `operation`'s guards: (message, the guard's range).
    static func problems(_ operation: MigrationOperation) -> [(String, ByteRange)] {
        let targets = operation.targets
        guard let primary = targets.first else { return [] }
        let guards = operation.guards.filter { $0.kind != .unknownIntrospection }
        let method = "`\(operation.kind.methodName)`"
        let schema = operation.schema?.value
        var out: [(String, ByteRange)] = []
        // Wrong polarity on the operation's own object.
        for g in guards {
            for target in targets where matches(g, target) {
                let runsWhenPresent = g.polarity == .whenExists
                let runsWhenAbsent = g.polarity == .whenAbsent
                if target.requirement == .mustBeAbsent && runsWhenPresent {
                    out.append(("The guard runs \(method) only when \(NonIdempotentOperation.describe(target, schema: schema)) already exists, so it always fails; invert the test", g.range))
                } else if target.requirement == .mustExist && runsWhenAbsent {
                    out.append(("The guard runs \(method) only when \(NonIdempotentOperation.describe(target, schema: schema)) does not exist, so it always fails; invert the test", g.range))
                }
            }
        }
        // A column, index or constraint operation on a table that is tested absent.
        if primary.kind != .tableExists {
            for g in guards where g.kind == .tableExists && g.polarity == .whenAbsent && same(g.table, operation.table?.value) {
                out.append(("The guard runs \(method) only when table \(g.table ?? "?") does not exist, so it always fails", g.range))
            }
        }
        // A guard on another object, and none on the operation's own.
        let ownTested = guards.contains { g in targets.contains { matches(g, $0) } }
        if !ownTested {
            for g in guards where isAboutAnotherObject(g, operation, primary) {
                out.append(("The guard tests \(describe(g)), but \(method) touches \(NonIdempotentOperation.describe(primary, schema: schema))", g.range))
            }
        }
        return out
    }

    private static func isAboutAnotherObject(_ g: OperationGuard, _ operation: MigrationOperation, _ primary: OperationTarget) -> Bool {
        if compatible(g.kind, primary.kind) { return true }
        guard g.kind == .tableExists, g.table != nil else { return false }
        return !same(g.table, operation.table?.value) && !same(g.table, operation.referentTable?.value)
            && !same(g.table, operation.newName?.value)
    }

    /// True when `g` tests `target` (names the analyzer could not read match anything).
    static func matches(_ g: OperationGuard, _ target: OperationTarget) -> Bool {
        guard compatible(g.kind, target.kind), same(g.table, target.table) else { return false }
        if target.kind == .tableExists || g.names.isEmpty || target.name == nil { return true }
        return g.names.contains { same($0, target.name) }
    }

    /// Indexes and unique constraints are the same thing on some databases: either test fits.
    private static func compatible(_ a: OperationGuard.Kind, _ b: OperationGuard.Kind) -> Bool {
        if a == b { return true }
        let indexLike: Set<OperationGuard.Kind> = [.indexExists, .constraintExists]
        return indexLike.contains(a) && indexLike.contains(b)
    }

    /// Names compare case-insensitively; an unknown name matches anything.
    private static func same(_ a: String?, _ b: String?) -> Bool {
        guard let a, let b else { return true }
        return a.lowercased() == b.lowercased()
    }

    private static func describe(_ g: OperationGuard) -> String {
        let table = g.table ?? "(a table named at run time)"
        let name = g.names.first ?? "?"
        switch g.kind {
        case .tableExists: return "table \(table)"
        case .columnExists: return "column \(table).\(name)"
        case .indexExists: return "index \(name) on \(table)"
        case .constraintExists: return "constraint \(name) on \(table)"
        case .unknownIntrospection: return "the database"
        }
    }
}
