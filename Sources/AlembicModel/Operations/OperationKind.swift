/// Which Alembic operation a call performs: the `op.*` (and `batch_op.*`) API of Alembic 1.20,
/// plus the `batch_alter_table` context itself. An `op.xxx` call this model does not know is
/// kept as ``other(_:)`` with its method name.
public enum OperationKind: Hashable, Sendable {
    case createTable
    case dropTable
    case renameTable
    case addColumn
    case dropColumn
    /// `alter_column`; a rename when the operation has a ``MigrationOperation/newName``.
    case alterColumn
    case createIndex
    case dropIndex
    case createUniqueConstraint
    case createForeignKey
    case createCheckConstraint
    case createPrimaryKey
    case createExcludeConstraint
    /// `drop_constraint`; its `type_` is ``MigrationOperation/constraintType``.
    case dropConstraint
    case createTableComment
    case dropTableComment
    /// `bulk_insert(table, rows)`: data, not schema; the table is usually a variable.
    case bulkInsert
    /// `execute(sql)`: opaque SQL, kept as text in ``MigrationOperation/sql``.
    case execute
    /// The `with op.batch_alter_table(...) as batch_op:` statement itself.
    case batchAlterTable
    /// Any other `op.name(...)` call that is an operation (a custom registered operation).
    case other(String)

    /// The kind of Alembic's operation method `name`; nil for the helpers of `op` that are not
    /// operations (`f`, `get_bind`, `get_context`, `inline_literal`, `run_async`, …).
    public init?(method name: String) {
        switch name {
        case "create_table": self = .createTable
        case "drop_table": self = .dropTable
        case "rename_table": self = .renameTable
        case "add_column": self = .addColumn
        case "drop_column": self = .dropColumn
        case "alter_column": self = .alterColumn
        case "create_index": self = .createIndex
        case "drop_index": self = .dropIndex
        case "create_unique_constraint": self = .createUniqueConstraint
        case "create_foreign_key": self = .createForeignKey
        case "create_check_constraint": self = .createCheckConstraint
        case "create_primary_key": self = .createPrimaryKey
        case "create_exclude_constraint": self = .createExcludeConstraint
        case "drop_constraint": self = .dropConstraint
        case "create_table_comment": self = .createTableComment
        case "drop_table_comment": self = .dropTableComment
        case "bulk_insert": self = .bulkInsert
        case "execute": self = .execute
        case "batch_alter_table": self = .batchAlterTable
        case "f", "get_bind", "get_context", "inline_literal", "run_async", "implementation_for",
            "register_operation", "invoke", "context", "migration_context", "impl", "schema_obj":
            return nil
        default:
            guard let first = name.utf8.first, first != UInt8(ascii: "_") else { return nil }
            self = .other(name)
        }
    }

    /// Alembic's method name (`create_table`, …).
    public var methodName: String {
        switch self {
        case .createTable: "create_table"
        case .dropTable: "drop_table"
        case .renameTable: "rename_table"
        case .addColumn: "add_column"
        case .dropColumn: "drop_column"
        case .alterColumn: "alter_column"
        case .createIndex: "create_index"
        case .dropIndex: "drop_index"
        case .createUniqueConstraint: "create_unique_constraint"
        case .createForeignKey: "create_foreign_key"
        case .createCheckConstraint: "create_check_constraint"
        case .createPrimaryKey: "create_primary_key"
        case .createExcludeConstraint: "create_exclude_constraint"
        case .dropConstraint: "drop_constraint"
        case .createTableComment: "create_table_comment"
        case .dropTableComment: "drop_table_comment"
        case .bulkInsert: "bulk_insert"
        case .execute: "execute"
        case .batchAlterTable: "batch_alter_table"
        case .other(let name): name
        }
    }

    /// True for the operations that create or drop a constraint (not an index).
    public var isConstraintCreation: Bool {
        switch self {
        case .createUniqueConstraint, .createForeignKey, .createCheckConstraint, .createPrimaryKey,
            .createExcludeConstraint:
            true
        default: false
        }
    }
}
