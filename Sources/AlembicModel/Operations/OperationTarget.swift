/// An object an operation needs to be absent (it creates it) or present (it drops or renames
/// it), so that it succeeds: what running the migration twice trips over, and what an
/// introspection guard around it should test.
public struct OperationTarget: Hashable, Sendable {
    public enum Requirement: Hashable, Sendable {
        /// The operation creates the object: it fails (or duplicates it) if it already exists.
        case mustBeAbsent
        /// The operation drops or renames the object: it fails if it does not exist.
        case mustExist
    }

    /// `tableExists`, `columnExists`, `indexExists` or `constraintExists`.
    public var kind: OperationGuard.Kind
    /// The table (for a table target, the table itself); nil when not a literal.
    public var table: String?
    /// The column, index or constraint name; nil for a table, or when not a literal.
    public var name: String?
    public var requirement: Requirement

    public init(kind: OperationGuard.Kind, table: String?, name: String?, requirement: Requirement) {
        self.kind = kind
        self.table = table
        self.name = name
        self.requirement = requirement
    }
}

extension MigrationOperation {
    /// The objects whose existence decides whether the operation succeeds, the primary one
    /// first. Empty for operations that do not depend on it (`execute`, `bulk_insert`, comments,
    /// `alter_column` without a rename, custom operations).
    public var targets: [OperationTarget] {
        let t = table?.value
        func target(_ kind: OperationGuard.Kind, _ name: String?, _ requirement: OperationTarget.Requirement) -> OperationTarget {
            OperationTarget(kind: kind, table: t, name: name, requirement: requirement)
        }
        switch kind {
        case .createTable: return [target(.tableExists, nil, .mustBeAbsent)]
        case .dropTable: return [target(.tableExists, nil, .mustExist)]
        case .renameTable:
            return [target(.tableExists, nil, .mustExist),
                    OperationTarget(kind: .tableExists, table: newName?.value, name: nil, requirement: .mustBeAbsent)]
        case .addColumn: return [target(.columnExists, column?.value, .mustBeAbsent)]
        case .dropColumn: return [target(.columnExists, column?.value, .mustExist)]
        case .alterColumn:
            guard let newName else { return [] }
            return [target(.columnExists, column?.value, .mustExist), target(.columnExists, newName.value, .mustBeAbsent)]
        case .createIndex: return [target(.indexExists, objectName?.value, .mustBeAbsent)]
        case .dropIndex: return [target(.indexExists, objectName?.value, .mustExist)]
        case .createUniqueConstraint, .createForeignKey, .createCheckConstraint, .createPrimaryKey, .createExcludeConstraint:
            return [target(.constraintExists, objectName?.value, .mustBeAbsent)]
        case .dropConstraint: return [target(.constraintExists, objectName?.value, .mustExist)]
        case .createTableComment, .dropTableComment, .bulkInsert, .execute, .batchAlterTable, .other: return []
        }
    }

    /// True when `if_exists=True` / `if_not_exists=True` is passed to an operation that
    /// accepts it (Alembic 1.20: `create_table`, `drop_table`, `add_column`, `drop_column`,
    /// `create_index`, `drop_index`, `drop_constraint`) in the direction of its primary target.
    /// It covers the statement itself, not the ``separatelyCreatedObjects``.
    public var hasNativeExistenceFlag: Bool {
        guard let flag = nativeFlag, flag.value == true, let primary = targets.first else { return false }
        switch kind {
        case .createTable, .addColumn, .createIndex: return flag.name == .ifNotExists && primary.requirement == .mustBeAbsent
        case .dropTable, .dropColumn, .dropIndex, .dropConstraint: return flag.name == .ifExists && primary.requirement == .mustExist
        default: return false
        }
    }

    /// Implicit objects Alembic creates with statements of their own, which the native flag
    /// does not cover: the indexes of `create_table`; the indexes and constraints of
    /// `add_column` (its primary key aside).
    public var separatelyCreatedObjects: [ImplicitObject] {
        switch kind {
        case .createTable: implicitObjects.filter { $0.kind == .index || $0.kind == .uniqueIndex }
        case .addColumn: implicitObjects.filter { $0.kind != .primaryKey }
        default: []
        }
    }
}
