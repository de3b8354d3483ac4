import AlembicModel

/// ALM204: `downgrade()` does not undo `upgrade()`: an object the upgrade creates is not
/// removed, or one it drops is not re-created.
public enum DowngradeNotInverse: Rule {
    public static let metadata = RuleMetadata(
        code: "ALM204", name: "downgrade-not-inverse", severity: .warning,
        summary: "`downgrade()` does not remove what `upgrade()` creates, or re-create what it drops.",
        documentation: """
        ## What it does
        Compares the net effect of `upgrade()` (or `upgrade_<name>()`) with the matching
        `downgrade()` and reports each table, column, index and constraint that the upgrade:
        - creates, when the downgrade does not drop it (nor its table; for an index or a
          constraint, nor one of its columns);
        - drops, when the downgrade does not create it again (for a column, an index or a
          constraint, re-creating its table counts).

        Objects created and dropped within the same upgrade (temporary tables) cancel out;
        columns, indexes and constraints of a table the upgrade creates or drops are judged
        with their table. The rule stays silent rather than guess:
        - when the downgrade has `op.execute(...)` or a custom operation (its SQL may do the
          work), or names a table or object only known at run time;
        - for objects named at run time in the upgrade, unnamed constraints, renamed tables
          and renamed columns;
        - when the downgrade is empty, only raises or is missing (`empty-downgrade`, ALM203).

        ## Why is this bad?
        After `alembic downgrade` the database is stamped at the older revision but keeps
        part of the newer schema (or misses part of the older one): the next `upgrade` fails
        on a table that already exists, or the application at the older release fails on a
        column that is gone.

        ## Example
        ```python
        def upgrade():
            op.create_table("tags", sa.Column("id", sa.Integer, primary_key=True))
            op.add_column("posts", sa.Column("tag_id", sa.Integer))


        def downgrade():
            op.drop_table("tags")
        ```

        ## Use instead
        ```python
        def downgrade():
            op.drop_column("posts", "tag_id")
            op.drop_table("tags")
        ```
        """)

    /// A schema object, named as the rules compare names: lowercased.
    struct Object: Hashable {
        enum Kind: Hashable { case table, column, index, constraint }
        var kind: Kind
        var table: String
        /// The column, index or constraint name; empty for a table.
        var name: String
    }

    public static func check(_ context: LintContext) -> [Diagnostic] {
        var out: [Diagnostic] = []
        for file in context.environment.files where file.isReadable && file.syntaxErrors.isEmpty && !file.operations.isEmpty {
            let functions = file.migrationFunctions
            for upgrade in functions where upgrade.isUpgrade {
                guard let downgrade = functions.first(where: { $0.name == upgrade.counterpartName }),
                      downgrade.body == .statements else { continue }
                let ups = file.operations.filter { $0.function == upgrade.name }
                let downs = file.operations.filter { $0.function == downgrade.name }
                guard !downs.isEmpty, downs.allSatisfy(isReadable) else { continue }
                let related = [RelatedLocation(
                    location: Location(path: file.path, range: downgrade.nameRange), message: "`\(downgrade.name)()`")]
                for (operation, message) in problems(ups, downs) {
                    out.append(diagnostic(message, path: file.path, range: operation.callRange, related: related))
                }
            }
        }
        return out
    }

    /// True when the rule can tell what a downgrade operation does.
    static func isReadable(_ operation: MigrationOperation) -> Bool {
        switch operation.kind {
        case .execute, .other: return false
        case .batchAlterTable, .bulkInsert, .createTableComment, .dropTableComment: return true
        default:
            guard operation.table?.value != nil else { return false }
            return operation.targets.allSatisfy { $0.table != nil && ($0.kind == .tableExists || $0.name != nil) }
        }
    }

    /// (the upgrade operation, the message) for each object the downgrade does not undo.
    static func problems(_ ups: [MigrationOperation], _ downs: [MigrationOperation]) -> [(MigrationOperation, String)] {
        // The upgrade's net effect, in order: object → the operation that created / dropped it.
        var created: [Object: MigrationOperation] = [:]
        var dropped: [Object: MigrationOperation] = [:]
        var createdOrder: [Object] = []
        var droppedOrder: [Object] = []
        var renamed = Set<String>()
        for operation in ups {
            for (object, requirement) in objects(operation, renamed: &renamed) {
                if requirement == .mustBeAbsent {
                    if dropped.removeValue(forKey: object) == nil {
                        created[object] = operation
                        createdOrder.append(object)
                    }
                } else if created.removeValue(forKey: object) == nil {
                    dropped[object] = operation
                    droppedOrder.append(object)
                }
            }
        }
        var downRenamed = Set<String>()
        var downCreated = Set<Object>()
        var downDropped = Set<Object>()
        var downCreatedTablesWithImplicit = Set<String>()
        for operation in downs {
            for (object, requirement) in objects(operation, renamed: &downRenamed) {
                if requirement == .mustBeAbsent { downCreated.insert(object) } else { downDropped.insert(object) }
            }
            if let table = operation.table?.value?.lowercased() {
                for implicit in operation.implicitObjects {
                    if let name = implicit.name?.value?.lowercased() {
                        downCreated.insert(Object(kind: .index, table: table, name: name))
                        downCreated.insert(Object(kind: .constraint, table: table, name: name))
                    } else {
                        downCreatedTablesWithImplicit.insert(table)
                    }
                }
            }
        }
        renamed.formUnion(downRenamed)
        let createdTables = Set(createdOrder.filter { $0.kind == .table && created[$0] != nil }.map(\.table))
        let droppedTables = Set(droppedOrder.filter { $0.kind == .table && dropped[$0] != nil }.map(\.table))
        func table(_ name: String) -> Object { Object(kind: .table, table: name, name: "") }

        var out: [(MigrationOperation, String)] = []
        for object in createdOrder {
            guard let operation = created[object], !renamed.contains(object.table) else { continue }
            if object.kind != .table && createdTables.contains(object.table) { continue }
            let columns = Set(indexColumns(operation, object))
            let undone: Bool
            switch object.kind {
            case .table: undone = downDropped.contains(object)
            case .column: undone = downDropped.contains(object) || downDropped.contains(table(object.table))
            case .index, .constraint:
                undone = downDropped.contains(Object(kind: .index, table: object.table, name: object.name))
                    || downDropped.contains(Object(kind: .constraint, table: object.table, name: object.name))
                    || downDropped.contains(table(object.table))
                    || columns.contains { downDropped.contains(Object(kind: .column, table: object.table, name: $0)) }
            }
            if !undone {
                out.append((operation, "`\(operation.kind.methodName)` creates \(describe(object, operation)), but `downgrade()` does not drop it"))
            }
        }
        for object in droppedOrder {
            guard let operation = dropped[object], !renamed.contains(object.table) else { continue }
            if object.kind != .table && droppedTables.contains(object.table) { continue }
            let redone: Bool
            switch object.kind {
            case .table: redone = downCreated.contains(object)
            case .column: redone = downCreated.contains(object) || downCreated.contains(table(object.table))
            case .index, .constraint:
                redone = downCreated.contains(Object(kind: .index, table: object.table, name: object.name))
                    || downCreated.contains(Object(kind: .constraint, table: object.table, name: object.name))
                    || downCreated.contains(table(object.table))
                    || downCreatedTablesWithImplicit.contains(object.table)
            }
            if !redone {
                out.append((operation, "`\(operation.kind.methodName)` drops \(describe(object, operation)), but `downgrade()` does not create it again"))
            }
        }
        return out.sorted { $0.0.callRange.start < $1.0.callRange.start }
    }

    /// The objects `operation` creates (`mustBeAbsent`) or drops (`mustExist`), with literal
    /// names only; renames are collected in `renamed` (their tables are not judged).
    static func objects(_ operation: MigrationOperation, renamed: inout Set<String>) -> [(Object, OperationTarget.Requirement)] {
        guard let table = operation.table?.value?.lowercased() else { return [] }
        switch operation.kind {
        case .renameTable:
            renamed.insert(table)
            if let new = operation.newName?.value?.lowercased() { renamed.insert(new) }
            return []
        case .alterColumn:
            if operation.newName != nil { renamed.insert(table) }
            return []
        default: break
        }
        guard let target = operation.targets.first, let kind = kind(target.kind) else { return [] }
        if kind == .table { return [(Object(kind: .table, table: table, name: ""), target.requirement)] }
        guard let name = target.name?.lowercased() else { return [] }
        return [(Object(kind: kind, table: table, name: name), target.requirement)]
    }

    private static func kind(_ kind: OperationGuard.Kind) -> Object.Kind? {
        switch kind {
        case .tableExists: .table
        case .columnExists: .column
        case .indexExists: .index
        case .constraintExists: .constraint
        case .unknownIntrospection: nil
        }
    }

    /// The columns an index or constraint covers (dropping one of them drops it too).
    private static func indexColumns(_ operation: MigrationOperation, _ object: Object) -> [String] {
        guard object.kind == .index || object.kind == .constraint else { return [] }
        return operation.columns.compactMap { $0.value?.lowercased() }
    }

    /// The object as the operation writes it (the comparison key is lowercased).
    private static func describe(_ object: Object, _ operation: MigrationOperation) -> String {
        if let target = operation.targets.first { return NonIdempotentOperation.describe(target, schema: nil) }
        return object.name.isEmpty ? "table \(object.table)" : "\(object.name) on \(object.table)"
    }
}
