import TextCore

/// An operation that needs a table, column, index or constraint that does not exist at that
/// point of the revision's path (it would fail on upgrade), found by the schema replay.
public struct SchemaProblem: Hashable, Sendable {
    /// What kind of object is missing.
    public enum ObjectKind: String, Hashable, Sendable {
        case table, column, index, constraint
    }

    /// The revision whose `upgrade()` holds the operation.
    public var revision: String
    /// The migration file.
    public var path: String
    /// The operation's index in the file's ``MigrationFile/operations``.
    public var operationIndex: Int
    public var objectKind: ObjectKind
    /// The table (for a missing table, the table itself).
    public var table: String
    /// The table's schema; nil for the default schema.
    public var schema: String?
    /// The column, index or constraint name; nil for a missing table.
    public var name: String?
    /// The name as written in the operation (or the call when the name is implicit).
    public var range: ByteRange

    /// Creates a problem.
    public init(revision: String, path: String, operationIndex: Int, objectKind: ObjectKind, table: String, schema: String?, name: String?, range: ByteRange) {
        self.revision = revision
        self.path = path
        self.operationIndex = operationIndex
        self.objectKind = objectKind
        self.table = table
        self.schema = schema
        self.name = name
        self.range = range
    }

    /// The key of the missing object in ``SchemaTimeline/creators(of:)``.
    public var objectKey: SchemaObjectKey {
        SchemaObjectKey(kind: objectKind, table: table, schema: schema, name: name)
    }
}

/// A table, column, index or constraint by name, compared case-insensitively: what the
/// timeline records as created by each revision.
public struct SchemaObjectKey: Hashable, Sendable {
    public var kind: SchemaProblem.ObjectKind
    /// Lower-cased qualified table name (for an index: empty, index names are per schema).
    public var table: String
    /// Lower-cased object name; empty for a table.
    public var name: String

    /// The key of an object; `table` is ignored for an index.
    public init(kind: SchemaProblem.ObjectKind, table: String, schema: String?, name: String?) {
        self.kind = kind
        self.table = kind == .index ? "" : TableSchema.qualifiedName(table, schema: schema).lowercased()
        self.name = name?.lowercased() ?? ""
    }
}
