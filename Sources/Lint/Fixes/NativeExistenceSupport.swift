import AlembicModel

/// Where Alembic's native `if_exists=` / `if_not_exists=` work: which operations accept
/// them, since which Alembic version, and on which databases the emitted
/// `IF [NOT] EXISTS` is valid SQL.
///
/// From Alembic 1.20's `operations/ops.py` (`versionadded`): `create_index` / `drop_index`
/// 1.12, `create_table` / `drop_table` 1.13.3, `add_column` / `drop_column` /
/// `drop_constraint` 1.16. The batch forms accept them only where they forward their keyword
/// arguments (`batch_op.drop_constraint` does not).
public enum NativeExistenceSupport {
    /// The flag `kind` accepts and the Alembic version that added it; nil when the operation
    /// has none (or, with `batch`, its batch form has none).
    public static func flag(for kind: OperationKind, batch: Bool) -> (name: NativeExistenceFlag.Name, since: PackageVersion)? {
        switch kind {
        case .createIndex: (.ifNotExists, PackageVersion([1, 12]))
        case .dropIndex: (.ifExists, PackageVersion([1, 12]))
        case .createTable: batch ? nil : (.ifNotExists, PackageVersion([1, 13, 3]))
        case .dropTable: batch ? nil : (.ifExists, PackageVersion([1, 13, 3]))
        case .addColumn: (.ifNotExists, PackageVersion([1, 16]))
        case .dropColumn: (.ifExists, PackageVersion([1, 16]))
        case .dropConstraint: batch ? nil : (.ifExists, PackageVersion([1, 16]))
        default: nil
        }
    }

    /// Whether `dialect` accepts the `IF [NOT] EXISTS` Alembic emits for `kind`: SQLite has
    /// none on `ADD COLUMN` / `DROP COLUMN` / `DROP CONSTRAINT`, MySQL none on indexes and
    /// columns, SQL Server and Oracle (before 23ai) none at all.
    public static func dialect(_ dialect: SQLDialect, accepts kind: OperationKind) -> Bool {
        switch kind {
        case .createTable, .dropTable: [.postgresql, .sqlite, .mysql, .mariadb].contains(dialect)
        case .createIndex, .dropIndex: [.postgresql, .sqlite, .mariadb].contains(dialect)
        case .addColumn, .dropColumn: [.postgresql, .mariadb].contains(dialect)
        case .dropConstraint: dialect == .postgresql
        default: false
        }
    }

    /// Whether switching `operation` to its native flag makes it idempotent: the operation
    /// (outside a batch, where the table may be recreated) accepts the flag in every Alembic
    /// version the project allows, the target database is known and accepts the SQL, and a
    /// `create_table` creates no index with a statement of its own.
    public static func makesIdempotent(_ operation: MigrationOperation, alembic: AlembicVersionFacts, dialect: SQLDialect?) -> Bool {
        guard operation.batch == nil, let flag = flag(for: operation.kind, batch: false), alembic.guarantees(atLeast: flag.since),
              let dialect, Self.dialect(dialect, accepts: operation.kind), operation.separatelyCreatedObjects.isEmpty
        else { return false }
        return operation.targets.first.map { ($0.requirement == .mustBeAbsent) == (flag.name == .ifNotExists) } ?? false
    }
}
