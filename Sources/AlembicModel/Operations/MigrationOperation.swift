import TextCore

/// A name an operation refers to (a table, column, index or constraint) and where it is written.
///
/// `value` is nil when the argument is not a literal the analyzer can read (a variable bound
/// at run time, an f-string); `range` is then the argument expression's range.
public struct OperationName: Hashable, Sendable {
    public var value: String?
    /// The string literal (quotes included), or the whole argument when `value` is nil.
    public var range: ByteRange
    /// True when the name was wrapped in `op.f(...)` (exempt from the naming convention).
    public var isConventionExempt: Bool

    public init(value: String?, range: ByteRange, isConventionExempt: Bool = false) {
        self.value = value
        self.range = range
        self.isConventionExempt = isConventionExempt
    }
}

/// An index or constraint an operation creates without saying so in its name:
/// `sa.Column(..., index=True)`, `unique=True`, `sa.ForeignKey(...)` in `create_table` /
/// `add_column`, and `sa.Index` / `sa.UniqueConstraint` / … arguments of `create_table`.
public struct ImplicitObject: Hashable, Sendable {
    public enum Kind: Hashable, Sendable {
        case index
        case uniqueIndex
        case uniqueConstraint
        case foreignKey
        case primaryKey
        case checkConstraint
    }

    public var kind: Kind
    /// The explicit name (`name=` or the first argument of `sa.Index`), if any; SQLAlchemy's
    /// naming convention names the others.
    public var name: OperationName?
    /// Column names the object covers, as written (literals only).
    public var columns: [String]
    /// For a foreign key: the referenced `table.column` (or table) as written.
    public var referent: String?
    /// The `sa.Column(...)`, `sa.ForeignKey(...)` or `sa.Index(...)` expression, or the keyword.
    public var range: ByteRange

    public init(kind: Kind, name: OperationName?, columns: [String], referent: String?, range: ByteRange) {
        self.kind = kind
        self.name = name
        self.columns = columns
        self.referent = referent
        self.range = range
    }
}

/// `if_exists=` / `if_not_exists=` passed to an operation.
public struct NativeExistenceFlag: Hashable, Sendable {
    public enum Name: String, Hashable, Sendable {
        case ifExists = "if_exists"
        case ifNotExists = "if_not_exists"
    }

    public var name: Name
    /// The literal value; nil when it is not a `True`/`False`/`None` literal.
    public var value: Bool?
    /// The whole keyword argument (`if_not_exists=True`).
    public var range: ByteRange

    public init(name: Name, value: Bool?, range: ByteRange) {
        self.name = name
        self.value = value
        self.range = range
    }
}

/// The `with op.batch_alter_table('t', schema=...) as batch_op:` a `batch_op.*` call sits in.
public struct BatchContext: Hashable, Sendable {
    public var table: OperationName?
    public var schema: OperationName?
    /// The name the context is bound to (`batch_op`).
    public var variable: String
    /// The whole `with` statement.
    public var statementRange: ByteRange
    /// The `op.batch_alter_table(...)` call.
    public var callRange: ByteRange

    public init(table: OperationName?, schema: OperationName?, variable: String, statementRange: ByteRange, callRange: ByteRange) {
        self.table = table
        self.schema = schema
        self.variable = variable
        self.statementRange = statementRange
        self.callRange = callRange
    }
}

/// One Alembic operation a migration performs: a call on `op` (or on a `batch_op` of a
/// `batch_alter_table` context) in `upgrade()`/`downgrade()` (or a multi-database
/// `upgrade_<name>()`/`downgrade_<name>()`), with what it touches, where it is written and the
/// introspection guards around it.
public struct MigrationOperation: Hashable, Sendable {
    /// The fields, in one shared copy-on-write box: rules iterate the operations of every
    /// file several times, and copying an operation out of an array then costs one reference
    /// count instead of one per string and array field.
    struct Fields: Hashable, Sendable {
        var kind: OperationKind
        var function: String
        var table: OperationName?
        var schema: OperationName?
        var column: OperationName?
        var objectName: OperationName?
        var newName: OperationName?
        var columns: [OperationName]
        var referentTable: OperationName?
        var constraintType: String?
        var isUnique: Bool
        var implicitObjects: [ImplicitObject]
        var columnSpec: ColumnSpec?
        var nativeFlag: NativeExistenceFlag?
        var sql: String?
        var batch: BatchContext?
        var guards: [OperationGuard]
        var offlineBranch: OfflineBranch?
        var statementRange: ByteRange
        var callRange: ByteRange
        var calleeRange: ByteRange
    }

    final class Box: @unchecked Sendable {
        var fields: Fields

        init(_ fields: Fields) {
            self.fields = fields
        }
    }

    private var box: Box

    private mutating func unique() -> Box {
        if !isKnownUniquelyReferenced(&box) { box = Box(box.fields) }
        return box
    }

    /// What the operation does (`add_column`, …).
    public var kind: OperationKind {
        get { box.fields.kind }
        set { unique().fields.kind = newValue }
    }

    /// The function the call is in (`upgrade`, `downgrade`, `upgrade_engine1`, …).
    public var function: String {
        get { box.fields.function }
        set { unique().fields.function = newValue }
    }

    /// The table: the call's own argument, or the batch context's table.
    public var table: OperationName? {
        get { box.fields.table }
        set { unique().fields.table = newValue }
    }

    public var schema: OperationName? {
        get { box.fields.schema }
        set { unique().fields.schema = newValue }
    }

    /// `add_column` / `drop_column` / `alter_column`: the column (for `add_column`, the
    /// `sa.Column`'s name).
    public var column: OperationName? {
        get { box.fields.column }
        set { unique().fields.column = newValue }
    }

    /// The index or constraint name (`op.f(...)` unwrapped) for index and constraint operations.
    public var objectName: OperationName? {
        get { box.fields.objectName }
        set { unique().fields.objectName = newValue }
    }

    /// `rename_table`'s new table name; `alter_column`'s `new_column_name`.
    public var newName: OperationName? {
        get { box.fields.newName }
        set { unique().fields.newName = newValue }
    }

    /// Columns listed by `create_index`, `create_unique_constraint`, `create_primary_key`,
    /// the local columns of `create_foreign_key`, the columns of `create_table`.
    public var columns: [OperationName] {
        get { box.fields.columns }
        set { unique().fields.columns = newValue }
    }

    /// `create_foreign_key`'s referent table.
    public var referentTable: OperationName? {
        get { box.fields.referentTable }
        set { unique().fields.referentTable = newValue }
    }

    /// `drop_constraint`'s `type_` (`foreignkey`, `unique`, `check`, `primary`), if a literal.
    public var constraintType: String? {
        get { box.fields.constraintType }
        set { unique().fields.constraintType = newValue }
    }

    /// `create_index(..., unique=True)`.
    public var isUnique: Bool {
        get { box.fields.isUnique }
        set { unique().fields.isUnique = newValue }
    }

    /// Indexes and constraints created implicitly (by `create_table` / `add_column`).
    public var implicitObjects: [ImplicitObject] {
        get { box.fields.implicitObjects }
        set { unique().fields.implicitObjects = newValue }
    }

    /// `add_column`: what its `sa.Column(...)` says about NULLs and defaults (nil when the
    /// column is not a literal `sa.Column(...)` call).
    public var columnSpec: ColumnSpec? {
        get { box.fields.columnSpec }
        set { unique().fields.columnSpec = newValue }
    }

    /// `if_exists=` / `if_not_exists=`, if passed.
    public var nativeFlag: NativeExistenceFlag? {
        get { box.fields.nativeFlag }
        set { unique().fields.nativeFlag = newValue }
    }

    /// `execute`: the SQL text when it is a literal (or `sa.text(...)` of one).
    public var sql: String? {
        get { box.fields.sql }
        set { unique().fields.sql = newValue }
    }

    /// The batch context of a `batch_op.*` call.
    public var batch: BatchContext? {
        get { box.fields.batch }
        set { unique().fields.batch = newValue }
    }

    /// The conditions around the call that test the database (innermost last).
    public var guards: [OperationGuard] {
        get { box.fields.guards }
        set { unique().fields.guards = newValue }
    }

    /// The enclosing `context.is_offline_mode()` test, if any.
    public var offlineBranch: OfflineBranch? {
        get { box.fields.offlineBranch }
        set { unique().fields.offlineBranch = newValue }
    }

    /// The whole statement holding the call (for a `with`, the whole `with` statement).
    public var statementRange: ByteRange {
        get { box.fields.statementRange }
        set { unique().fields.statementRange = newValue }
    }

    /// The call expression.
    public var callRange: ByteRange {
        get { box.fields.callRange }
        set { unique().fields.callRange = newValue }
    }

    /// The callee (`op.add_column`).
    public var calleeRange: ByteRange {
        get { box.fields.calleeRange }
        set { unique().fields.calleeRange = newValue }
    }

    public init(
        kind: OperationKind, function: String, table: OperationName? = nil, schema: OperationName? = nil,
        column: OperationName? = nil, objectName: OperationName? = nil, newName: OperationName? = nil,
        columns: [OperationName] = [], referentTable: OperationName? = nil, constraintType: String? = nil,
        isUnique: Bool = false, implicitObjects: [ImplicitObject] = [], columnSpec: ColumnSpec? = nil,
        nativeFlag: NativeExistenceFlag? = nil,
        sql: String? = nil, batch: BatchContext? = nil, guards: [OperationGuard] = [], offlineBranch: OfflineBranch? = nil,
        statementRange: ByteRange, callRange: ByteRange, calleeRange: ByteRange
    ) {
        box = Box(Fields(
            kind: kind, function: function, table: table, schema: schema, column: column, objectName: objectName,
            newName: newName, columns: columns, referentTable: referentTable, constraintType: constraintType,
            isUnique: isUnique, implicitObjects: implicitObjects, columnSpec: columnSpec, nativeFlag: nativeFlag, sql: sql,
            batch: batch, guards: guards, offlineBranch: offlineBranch, statementRange: statementRange,
            callRange: callRange, calleeRange: calleeRange))
    }

    public static func == (lhs: MigrationOperation, rhs: MigrationOperation) -> Bool {
        lhs.box === rhs.box || lhs.box.fields == rhs.box.fields
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(box.fields)
    }

    /// True in `upgrade()` or a multi-database `upgrade_<name>()`.
    public var isUpgrade: Bool { function == "upgrade" || function.hasPrefix("upgrade_") }

    /// True when an introspection test (recognised or not) encloses the operation.
    public var isGuarded: Bool { !guards.isEmpty }
}
