import AlembicModel

extension MigrationFile {
    /// The operations of `upgrade()` (and of the multi-database `upgrade_<name>()`), each with
    /// whether its table was created by an earlier `create_table` of the same function: such a
    /// table is new and empty, so dropping it loses no data and a `NOT NULL` column fits it.
    /// Table names compare case-insensitively; a table named at run time is never "new".
    var upgradeOperationsWithNewTables: [(operation: MigrationOperation, tableIsNew: Bool)] {
        var created: [String: Set<String>] = [:]
        var out: [(operation: MigrationOperation, tableIsNew: Bool)] = []
        for operation in operations where operation.isUpgrade {
            let table = operation.table?.value?.lowercased()
            let isNew = table.map { created[operation.function]?.contains($0) ?? false } ?? false
            out.append((operation, isNew))
            guard let table else { continue }
            switch operation.kind {
            case .createTable: created[operation.function, default: []].insert(table)
            case .dropTable: created[operation.function]?.remove(table)
            default: break
            }
        }
        return out
    }
}
