import TextCore

/// Applies one revision's `upgrade()` operations to a ``ReplayedSchema``, recording the objects
/// it creates and (when checking) the operations that need an object that is not there.
///
/// Guarded operations (an introspection test or `if_exists` / `if_not_exists`) mean "ensure":
/// a guarded create of an existing object and a guarded drop of a missing one do nothing and
/// are never reported. What the replay cannot follow marks the table, or the whole schema,
/// uncertain; nothing is reported about uncertain tables.
struct SchemaReplayer {
    let revision: String
    let path: String
    /// Report problems (false when replaying a side branch again at a merge).
    let checking: Bool
    var problems: [SchemaProblem] = []
    /// Objects created by the revision.
    var created: [SchemaObjectKey] = []
    /// Missing tables already reported in this revision.
    private var reportedTables: Set<String> = []
    /// Objects an earlier operation of this revision dropped or renamed: a later operation
    /// that misses them is most likely the other arm of an `if` the replay cannot decide
    /// (`if dialect == "sqlite": … else: …`), not a mistake.
    private var removed: Set<SchemaObjectKey> = []

    init(revision: String, path: String, checking: Bool) {
        self.revision = revision
        self.path = path
        self.checking = checking
    }

    /// Custom operations (`op.create_view`, alembic_utils' `op.replace_entity`, …) that never
    /// change tables, by a word in their name.
    private static let nonTableWords = [
        "view", "function", "trigger", "sequence", "extension", "policy", "grant", "entity", "type", "enum",
        "procedure", "schema", "role", "comment",
    ]

    /// Applies `operation` (index `index` in its file) to `schema`.
    mutating func apply(_ operation: MigrationOperation, index: Int, details: OperationDetails?, to schema: inout ReplayedSchema) {
        if operation.offlineBranch?.runsOffline == true { return }
        let ensure = operation.isGuarded || operation.hasNativeExistenceFlag
        var step = Step(
            operation: operation, index: index, details: details, ensure: ensure, report: checking && !ensure,
            schemaName: operation.schema?.value)
        switch operation.kind {
        case .execute:
            SQLEffects.apply(operation.sql, to: &schema)
            return
        case .bulkInsert, .batchAlterTable:
            return
        case .other(let name):
            let lowered = name.lowercased()
            if !Self.nonTableWords.contains(where: { lowered.contains($0) }) { schema.isUncertain = true }
            return
        default:
            break
        }
        // Every other operation names its table.
        guard let table = operation.table?.value else {
            schema.isUncertain = true
            return
        }
        if operation.kind == .createTable {
            createTable(table, &step, &schema)
            return
        }
        guard var existing = schema.table(table, schema: step.schemaName) else {
            // One report per missing table and revision.
            if !ensure, reportedTables.insert(ReplayedSchema.key(table, schema: step.schemaName)).inserted {
                missing(.table, table: table, name: nil, at: operation.table?.range ?? operation.callRange, step, schema)
            }
            return
        }
        if details?.hasUnknownArguments == true, !existing.isUncertain {
            existing.isUncertain = true
            schema.put(existing)
        }
        step.tableUncertain = existing.isUncertain
        switch operation.kind {
        case .dropTable:
            schema.removeTable(table, schema: step.schemaName)
            removed.insert(SchemaObjectKey(kind: .table, table: table, schema: step.schemaName, name: nil))
        case .renameTable:
            renameTable(existing, &step, &schema)
        case .addColumn:
            addColumn(existing, &step, &schema)
        case .dropColumn:
            dropColumn(existing, &step, &schema)
        case .alterColumn:
            alterColumn(existing, &step, &schema)
        case .createIndex:
            createIndex(existing, &step, &schema)
        case .dropIndex:
            dropIndex(existing, &step, &schema)
        case .createUniqueConstraint, .createPrimaryKey, .createCheckConstraint, .createExcludeConstraint, .createForeignKey:
            createConstraint(existing, &step, &schema)
        case .dropConstraint:
            dropConstraint(existing, &step, &schema)
        default:
            break
        }
    }

    /// The operation being applied and what is known about it.
    struct Step {
        let operation: MigrationOperation
        let index: Int
        let details: OperationDetails?
        let ensure: Bool
        let report: Bool
        let schemaName: String?
        var tableUncertain = false
    }

    private mutating func missing(
        _ kind: SchemaProblem.ObjectKind, table: String, name: String?, at range: ByteRange, _ step: Step, _ schema: ReplayedSchema
    ) {
        guard step.report, !schema.isUncertain, kind == .table || !step.tableUncertain,
              !removed.contains(SchemaObjectKey(kind: kind, table: table, schema: step.schemaName, name: name)) else { return }
        problems.append(SchemaProblem(
            revision: revision, path: path, operationIndex: step.index, objectKind: kind, table: table,
            schema: step.schemaName, name: name, range: range))
    }

    private mutating func record(_ kind: SchemaProblem.ObjectKind, table: String, schema: String?, name: String?) {
        created.append(SchemaObjectKey(kind: kind, table: table, schema: schema, name: name))
    }

    /// Reports the listed columns missing from `table`.
    private mutating func requireColumns(_ names: [OperationName], in table: ReplayedTable, _ step: Step, _ schema: ReplayedSchema) {
        for name in names {
            guard let value = name.value, table.column(value) == nil else { continue }
            missing(.column, table: table.name, name: value, at: name.range, step, schema)
        }
    }

    // MARK: - Tables

    private mutating func createTable(_ name: String, _ step: inout Step, _ schema: inout ReplayedSchema) {
        if step.ensure, schema.table(name, schema: step.schemaName) != nil { return }
        var table = ReplayedTable(table: TableSchema(name: name, schema: step.schemaName), createdIn: revision)
        let definitions = step.details?.columns ?? []
        let fallbackNames = step.operation.columns.map(\.value)
        var primaryKey: [String] = []
        if step.details == nil {
            table.isUncertain = true
            for case let columnName? in fallbackNames {
                table.table.columns.append(ColumnSchema(name: columnName, type: "", family: .other, nullable: true))
            }
        }
        for (i, definition) in definitions.enumerated() {
            let resolved = definition.name ?? (definitions.count == fallbackNames.count ? fallbackNames[i] : nil)
            guard let columnName = resolved else {
                table.isUncertain = true
                continue
            }
            table.table.columns.append(definition.schema(name: columnName))
            if definition.primaryKey { primaryKey.append(columnName) }
            addImplicitObjects(of: definition, column: columnName, to: &table)
            if definition.hasUnknownArguments { table.isUncertain = true }
        }
        if !primaryKey.isEmpty { table.table.primaryKey = PrimaryKeySchema(columns: primaryKey) }
        for constraint in step.details?.constraints ?? [] {
            add(constraint, to: &table)
        }
        if step.details?.hasUnknownArguments == true { table.isUncertain = true }
        record(.table, table: name, schema: step.schemaName, name: nil)
        for column in table.table.columns { record(.column, table: name, schema: step.schemaName, name: column.name) }
        for index in table.table.indexes { record(.index, table: name, schema: step.schemaName, name: index.name) }
        recordConstraints(of: table, schema: step.schemaName)
        schema.put(table)
    }

    private mutating func recordConstraints(of table: ReplayedTable, schema: String?) {
        let names = [table.table.primaryKey?.name] + table.table.uniqueConstraints.map(\.name) + table.table.foreignKeys.map(\.name)
            + table.checkConstraints.map { Optional($0) }
        for case let name? in names { record(.constraint, table: table.name, schema: schema, name: name) }
    }

    /// The index, unique constraint and foreign keys a column declares (`index=True`,
    /// `unique=True`, `sa.ForeignKey(...)`), named as SQLAlchemy's default naming convention
    /// names an index (`ix_<table>_<column>`).
    private func addImplicitObjects(of definition: ColumnDefinition, column: String, to table: inout ReplayedTable) {
        if definition.index {
            table.table.indexes.append(IndexSchema(name: "ix_\(table.name)_\(column)", columns: [column], unique: definition.unique))
            table.hasConventionNames = true
        } else if definition.unique {
            table.table.uniqueConstraints.append(UniqueConstraintSchema(name: nil, columns: [column]))
            table.hasConventionNames = true
        }
        for fk in definition.foreignKeys {
            table.table.foreignKeys.append(ForeignKeySchema(
                name: fk.name, columns: [column], referredTable: fk.table, referredSchema: fk.schema, referredColumns: [fk.column]))
            if fk.name == nil { table.hasConventionNames = true }
        }
    }

    private func add(_ constraint: OperationDetails.TableConstraint, to table: inout ReplayedTable) {
        let columns = constraint.columns.compactMap { $0 }
        if columns.count != constraint.columns.count { table.isUncertain = true }
        if constraint.name == nil, constraint.kind != .check { table.hasConventionNames = true }
        switch constraint.kind {
        case .primaryKey:
            table.table.primaryKey = PrimaryKeySchema(name: constraint.name, columns: columns)
            for column in columns {
                if let i = table.columnIndex(column) { table.table.columns[i].nullable = false }
            }
        case .unique:
            table.table.uniqueConstraints.append(UniqueConstraintSchema(name: constraint.name, columns: columns))
        case .check:
            if let name = constraint.name { table.checkConstraints.append(name) }
        case .index(let unique):
            guard let name = constraint.name else {
                table.isUncertain = true
                return
            }
            table.table.indexes.append(IndexSchema(name: name, columns: constraint.columns, unique: unique))
        case .foreignKey:
            guard let referred = constraint.referredTable else {
                table.isUncertain = true
                return
            }
            table.table.foreignKeys.append(ForeignKeySchema(
                name: constraint.name, columns: columns, referredTable: referred, referredSchema: constraint.referredSchema,
                referredColumns: constraint.referredColumns.compactMap { $0 }))
        }
    }

    private mutating func renameTable(_ table: ReplayedTable, _ step: inout Step, _ schema: inout ReplayedSchema) {
        guard let newName = step.operation.newName?.value else {
            schema.isUncertain = true
            return
        }
        let oldName = table.name
        removed.insert(SchemaObjectKey(kind: .table, table: oldName, schema: step.schemaName, name: nil))
        var renamed = table
        renamed.table.name = newName
        schema.removeTable(oldName, schema: step.schemaName)
        schema.put(renamed)
        record(.table, table: newName, schema: step.schemaName, name: nil)
        // Foreign keys elsewhere follow the table (SQLite ≥ 3.26 and PostgreSQL both rewrite them).
        var referring: [ReplayedTable] = []
        schema.tables.forEach { _, other in
            if other.table.foreignKeys.contains(where: { $0.referredTable.lowercased() == oldName.lowercased() }) { referring.append(other) }
        }
        for var other in referring {
            for i in other.table.foreignKeys.indices where other.table.foreignKeys[i].referredTable.lowercased() == oldName.lowercased() {
                other.table.foreignKeys[i].referredTable = newName
            }
            schema.put(other)
        }
    }

    // MARK: - Columns

    private mutating func addColumn(_ table: ReplayedTable, _ step: inout Step, _ schema: inout ReplayedSchema) {
        guard let name = step.operation.column?.value else {
            schema.update(table.name, schema: step.schemaName) { $0.isUncertain = true }
            return
        }
        if step.ensure, table.column(name) != nil { return }
        let definition = step.details?.columns.first
        var updated = table
        let column = definition?.schema(name: name) ?? ColumnSchema(name: name, type: "", family: .other, nullable: true)
        if let i = updated.columnIndex(name) { updated.table.columns[i] = column } else { updated.table.columns.append(column) }
        if let definition {
            if definition.primaryKey {
                updated.table.primaryKey = PrimaryKeySchema(
                    name: updated.table.primaryKey?.name, columns: (updated.table.primaryKey?.columns ?? []) + [name])
            }
            addImplicitObjects(of: definition, column: name, to: &updated)
            if definition.index { record(.index, table: table.name, schema: step.schemaName, name: "ix_\(table.name)_\(name)") }
        } else {
            updated.isUncertain = true
        }
        record(.column, table: table.name, schema: step.schemaName, name: name)
        schema.put(updated)
    }

    private mutating func dropColumn(_ table: ReplayedTable, _ step: inout Step, _ schema: inout ReplayedSchema) {
        guard let name = step.operation.column?.value else {
            schema.update(table.name, schema: step.schemaName) { $0.isUncertain = true }
            return
        }
        guard let i = table.columnIndex(name) else {
            missing(.column, table: table.name, name: name, at: step.operation.column?.range ?? step.operation.callRange, step, schema)
            return
        }
        var updated = table
        let lowered = name.lowercased()
        func mentions(_ columns: [String?]) -> Bool { columns.contains { $0?.lowercased() == lowered } }
        updated.table.columns.remove(at: i)
        removed.insert(SchemaObjectKey(kind: .column, table: table.name, schema: step.schemaName, name: name))
        updated.table.indexes.removeAll { mentions($0.columns) }
        updated.table.uniqueConstraints.removeAll { mentions($0.columns) }
        updated.table.foreignKeys.removeAll { mentions($0.columns) }
        if let key = updated.table.primaryKey, mentions(key.columns) {
            let rest = key.columns.filter { $0.lowercased() != lowered }
            updated.table.primaryKey = rest.isEmpty ? nil : PrimaryKeySchema(name: key.name, columns: rest)
        }
        schema.put(updated)
    }

    private mutating func alterColumn(_ table: ReplayedTable, _ step: inout Step, _ schema: inout ReplayedSchema) {
        guard let name = step.operation.column?.value else {
            schema.update(table.name, schema: step.schemaName) { $0.isUncertain = true }
            return
        }
        guard let i = table.columnIndex(name) else {
            missing(.column, table: table.name, name: name, at: step.operation.column?.range ?? step.operation.callRange, step, schema)
            return
        }
        var updated = table
        if let change = step.details?.change {
            if let nullable = change.nullable { updated.table.columns[i].nullable = nullable }
            if let type = change.typeText, let family = change.family {
                updated.table.columns[i].type = type
                updated.table.columns[i].family = family
            }
            if let serverDefault = change.serverDefault { updated.table.columns[i].defaultSQL = serverDefault }
        }
        if let newName = step.operation.newName {
            guard let new = newName.value else {
                updated.isUncertain = true
                schema.put(updated)
                return
            }
            let oldName = updated.table.columns[i].name
            removed.insert(SchemaObjectKey(kind: .column, table: table.name, schema: step.schemaName, name: oldName))
            updated.table.columns[i].name = new
            rename(column: oldName, to: new, in: &updated)
            record(.column, table: table.name, schema: step.schemaName, name: new)
            schema.put(updated)
            renameReferences(table: updated.name, column: oldName, to: new, in: &schema)
            return
        }
        schema.put(updated)
    }

    private func rename(column old: String, to new: String, in table: inout ReplayedTable) {
        let lowered = old.lowercased()
        func renamed(_ name: String) -> String { name.lowercased() == lowered ? new : name }
        for i in table.table.indexes.indices { table.table.indexes[i].columns = table.table.indexes[i].columns.map { $0.map(renamed) } }
        for i in table.table.uniqueConstraints.indices { table.table.uniqueConstraints[i].columns = table.table.uniqueConstraints[i].columns.map(renamed) }
        for i in table.table.foreignKeys.indices { table.table.foreignKeys[i].columns = table.table.foreignKeys[i].columns.map(renamed) }
        if let key = table.table.primaryKey { table.table.primaryKey = PrimaryKeySchema(name: key.name, columns: key.columns.map(renamed)) }
    }

    /// Foreign keys of every table that refer to the renamed column follow it.
    private func renameReferences(table: String, column old: String, to new: String, in schema: inout ReplayedSchema) {
        let tableName = table.lowercased(), lowered = old.lowercased()
        var referring: [ReplayedTable] = []
        schema.tables.forEach { _, other in
            if other.table.foreignKeys.contains(where: { $0.referredTable.lowercased() == tableName }) { referring.append(other) }
        }
        for var other in referring {
            for i in other.table.foreignKeys.indices where other.table.foreignKeys[i].referredTable.lowercased() == tableName {
                other.table.foreignKeys[i].referredColumns = other.table.foreignKeys[i].referredColumns.map { $0.lowercased() == lowered ? new : $0 }
            }
            schema.put(other)
        }
    }

    // MARK: - Indexes and constraints

    private mutating func createIndex(_ table: ReplayedTable, _ step: inout Step, _ schema: inout ReplayedSchema) {
        requireColumns(step.operation.columns, in: table, step, schema)
        guard let name = step.operation.objectName?.value else {
            schema.update(table.name, schema: step.schemaName) { $0.isUncertain = true }
            return
        }
        if step.ensure, table.index(name) != nil { return }
        var updated = table
        let columns = step.details?.indexColumns ?? step.operation.columns.map(\.value)
        updated.table.indexes.removeAll { $0.name.lowercased() == name.lowercased() }
        updated.table.indexes.append(IndexSchema(name: name, columns: columns, unique: step.operation.isUnique))
        record(.index, table: table.name, schema: step.schemaName, name: name)
        schema.put(updated)
    }

    private mutating func dropIndex(_ table: ReplayedTable, _ step: inout Step, _ schema: inout ReplayedSchema) {
        guard let name = step.operation.objectName?.value else {
            schema.update(table.name, schema: step.schemaName) { $0.isUncertain = true }
            return
        }
        guard table.index(name) != nil else {
            if table.hasConventionNames || table.isUncertain {
                schema.update(table.name, schema: step.schemaName) { $0.isUncertain = true }
            } else {
                missing(.index, table: table.name, name: name, at: step.operation.objectName?.range ?? step.operation.callRange, step, schema)
            }
            return
        }
        schema.update(table.name, schema: step.schemaName) { $0.table.indexes.removeAll { $0.name.lowercased() == name.lowercased() } }
        removed.insert(SchemaObjectKey(kind: .index, table: table.name, schema: step.schemaName, name: name))
    }

    private mutating func createConstraint(_ table: ReplayedTable, _ step: inout Step, _ schema: inout ReplayedSchema) {
        let operation = step.operation
        requireColumns(operation.columns, in: table, step, schema)
        let name = operation.objectName?.value
        if step.ensure, let name, table.hasConstraint(name) { return }
        var updated = table
        if name == nil { updated.hasConventionNames = true }
        let columns = operation.columns.compactMap(\.value)
        switch operation.kind {
        case .createUniqueConstraint:
            updated.table.uniqueConstraints.append(UniqueConstraintSchema(name: name, columns: columns))
        case .createPrimaryKey:
            updated.table.primaryKey = PrimaryKeySchema(name: name, columns: columns)
            for column in columns {
                if let i = updated.columnIndex(column) { updated.table.columns[i].nullable = false }
            }
        case .createForeignKey:
            guard let referent = operation.referentTable?.value else {
                updated.isUncertain = true
                break
            }
            if schema.table(referent, schema: step.details?.referentSchema) == nil, referent.lowercased() != table.name.lowercased() {
                missing(.table, table: referent, name: nil, at: operation.referentTable?.range ?? operation.callRange, step, schema)
            }
            updated.table.foreignKeys.append(ForeignKeySchema(
                name: name, columns: columns, referredTable: referent, referredSchema: step.details?.referentSchema,
                referredColumns: (step.details?.remoteColumns ?? []).compactMap { $0 }))
        default:
            if let name { updated.checkConstraints.append(name) }
        }
        if let name { record(.constraint, table: table.name, schema: step.schemaName, name: name) }
        schema.put(updated)
    }

    private mutating func dropConstraint(_ table: ReplayedTable, _ step: inout Step, _ schema: inout ReplayedSchema) {
        guard let name = step.operation.objectName?.value else {
            schema.update(table.name, schema: step.schemaName) { $0.isUncertain = true }
            return
        }
        let lowered = name.lowercased()
        func same(_ other: String?) -> Bool { other?.lowercased() == lowered }
        var updated = table
        let type = step.operation.constraintType
        var found = false
        if type == nil || type == "primary", same(updated.table.primaryKey?.name) {
            updated.table.primaryKey = nil
            found = true
        }
        if type == nil || type == "unique" {
            let before = updated.table.uniqueConstraints.count
            updated.table.uniqueConstraints.removeAll { same($0.name) }
            found = found || updated.table.uniqueConstraints.count != before
        }
        if type == nil || type == "foreignkey" {
            let before = updated.table.foreignKeys.count
            updated.table.foreignKeys.removeAll { same($0.name) }
            found = found || updated.table.foreignKeys.count != before
        }
        if type == nil || type == "check" {
            let before = updated.checkConstraints.count
            updated.checkConstraints.removeAll { same($0) }
            found = found || updated.checkConstraints.count != before
        }
        if found {
            removed.insert(SchemaObjectKey(kind: .constraint, table: table.name, schema: step.schemaName, name: name))
        } else {
            if updated.hasConventionNames || updated.isUncertain || (type != nil && !["primary", "unique", "foreignkey", "check"].contains(type ?? "")) {
                updated.isUncertain = true
            } else {
                missing(.constraint, table: table.name, name: name, at: step.operation.objectName?.range ?? step.operation.callRange, step, schema)
            }
        }
        schema.put(updated)
    }
}
