import AlembicModel

/// ALM204: `downgrade()` does not undo `upgrade()`: an object the upgrade creates is not
/// removed, or one it drops is not re-created.
public enum DowngradeNotInverse: FileRule {
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

    /// A schema object as an operation names it (names compare without ASCII case).
    struct Object {
        enum Kind: Hashable { case table, column, index, constraint }
        var kind: Kind
        var table: String
        /// The column, index or constraint name; empty for a table.
        var name: String

        func matches(_ other: Object) -> Bool {
            kind == other.kind && table.equalsIgnoringASCIICase(other.table) && name.equalsIgnoringASCIICase(other.name)
        }

        func with(_ kind: Kind, _ name: String = "") -> Object { Object(kind: kind, table: table, name: name) }
    }

    public static func check(file: MigrationFile, context: LintContext) -> [Diagnostic] {
        guard file.isReadable, file.syntaxErrors.isEmpty, !file.operations.isEmpty else { return [] }
        var out: [Diagnostic] = []
        let functions = file.migrationFunctions
        for upgrade in functions where upgrade.isUpgrade {
            guard let downgrade = functions.first(where: { $0.name == upgrade.counterpartName }),
                  downgrade.body == .statements else { continue }
            var ups: [MigrationOperation] = []
            var downs: [MigrationOperation] = []
            var readable = true
            for operation in file.operations {
                if operation.function == upgrade.name {
                    ups.append(operation)
                } else if operation.function == downgrade.name {
                    readable = readable && isReadable(operation)
                    downs.append(operation)
                }
            }
            guard readable, !downs.isEmpty, !ups.isEmpty else { continue }
            let related = [RelatedLocation(
                location: Location(path: file.path, range: downgrade.nameRange), message: "`\(downgrade.name)()`")]
            for (operation, message) in problems(ups, downs) {
                out.append(diagnostic(message, path: file.path, range: operation.callRange, related: related))
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
        // The upgrade's net effect, in order: objects created / dropped and the operation doing it.
        var created: [(object: Object, operation: MigrationOperation)] = []
        var dropped: [(object: Object, operation: MigrationOperation)] = []
        var renamed: [String] = []
        for operation in ups {
            guard let (object, requirement) = effect(operation, renamed: &renamed) else { continue }
            if requirement == .mustBeAbsent {
                if let i = dropped.firstIndex(where: { $0.object.matches(object) }) {
                    dropped.remove(at: i)
                } else {
                    created.append((object, operation))
                }
            } else if let i = created.firstIndex(where: { $0.object.matches(object) }) {
                created.remove(at: i)
            } else {
                dropped.append((object, operation))
            }
        }
        guard !created.isEmpty || !dropped.isEmpty else { return [] }
        var downCreated: [Object] = []
        var downDropped: [Object] = []
        /// Tables the downgrade gives unnamed implicit indexes or constraints.
        var implicitTables: [String] = []
        for operation in downs {
            if let (object, requirement) = effect(operation, renamed: &renamed) {
                if requirement == .mustBeAbsent { downCreated.append(object) } else { downDropped.append(object) }
            }
            guard let table = operation.table?.value else { continue }
            for implicit in operation.implicitObjects {
                if let name = implicit.name?.value {
                    downCreated.append(Object(kind: .index, table: table, name: name))
                    downCreated.append(Object(kind: .constraint, table: table, name: name))
                } else {
                    implicitTables.append(table)
                }
            }
        }
        func isRenamed(_ table: String) -> Bool { renamed.contains { $0.equalsIgnoringASCIICase(table) } }
        func contains(_ list: [Object], _ object: Object) -> Bool { list.contains { $0.matches(object) } }
        let createdTables = created.filter { $0.object.kind == .table }.map(\.object)
        let droppedTables = dropped.filter { $0.object.kind == .table }.map(\.object)

        var out: [(MigrationOperation, String)] = []
        for (object, operation) in created where !isRenamed(object.table) {
            if object.kind != .table && contains(createdTables, object.with(.table)) { continue }
            let undone: Bool
            switch object.kind {
            case .table: undone = contains(downDropped, object)
            case .column: undone = contains(downDropped, object) || contains(downDropped, object.with(.table))
            case .index, .constraint:
                let columns = operation.columns.compactMap(\.value)
                undone = contains(downDropped, object.with(.index, object.name))
                    || contains(downDropped, object.with(.constraint, object.name))
                    || contains(downDropped, object.with(.table))
                    || columns.contains { contains(downDropped, object.with(.column, $0)) }
            }
            if !undone {
                out.append((operation, "`\(operation.kind.methodName)` creates \(describe(object, operation)), but `downgrade()` does not drop it"))
            }
        }
        for (object, operation) in dropped where !isRenamed(object.table) {
            if object.kind != .table && contains(droppedTables, object.with(.table)) { continue }
            let redone: Bool
            switch object.kind {
            case .table: redone = contains(downCreated, object)
            case .column: redone = contains(downCreated, object) || contains(downCreated, object.with(.table))
            case .index, .constraint:
                redone = contains(downCreated, object.with(.index, object.name))
                    || contains(downCreated, object.with(.constraint, object.name))
                    || contains(downCreated, object.with(.table))
                    || implicitTables.contains { $0.equalsIgnoringASCIICase(object.table) }
            }
            if !redone {
                out.append((operation, "`\(operation.kind.methodName)` drops \(describe(object, operation)), but `downgrade()` does not create it again"))
            }
        }
        return out.sorted { $0.0.callRange.start < $1.0.callRange.start }
    }

    /// The object `operation` creates (`mustBeAbsent`) or drops (`mustExist`), when its names
    /// are literals; renames are collected in `renamed` (their tables are not judged).
    static func effect(_ operation: MigrationOperation, renamed: inout [String]) -> (Object, OperationTarget.Requirement)? {
        guard let table = operation.table?.value else { return nil }
        switch operation.kind {
        case .renameTable:
            renamed.append(table)
            if let new = operation.newName?.value { renamed.append(new) }
            return nil
        case .alterColumn:
            if operation.newName != nil { renamed.append(table) }
            return nil
        case .createTableComment, .dropTableComment, .bulkInsert, .execute, .batchAlterTable, .other:
            return nil
        default: break
        }
        guard let target = operation.targets.first, let kind = kind(target.kind) else { return nil }
        if kind == .table { return (Object(kind: .table, table: table, name: ""), target.requirement) }
        guard let name = target.name else { return nil }
        return (Object(kind: kind, table: table, name: name), target.requirement)
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

    /// The object as the operation writes it (the comparison key is lowercased).
    private static func describe(_ object: Object, _ operation: MigrationOperation) -> String {
        if let target = operation.targets.first { return NonIdempotentOperation.describe(target, schema: nil) }
        return object.name.isEmpty ? "table \(object.table)" : "\(object.name) on \(object.table)"
    }
}
