import AlembicModel

extension MigrationFile {
    /// Calls `body` with each operation of `upgrade()` (and of the multi-database
    /// `upgrade_<name>()`) and whether its table was created by an earlier `create_table` of
    /// the same function: such a table is new and empty, so dropping it loses no data and a
    /// `NOT NULL` column fits it. Table names compare case-insensitively; a table named at run
    /// time is never "new".
    func forEachUpgradeOperation(_ body: (MigrationOperation, _ tableIsNew: Bool) -> Void) {
        // (function, table) of the tables created so far; most files create none.
        var created: [(function: String, table: String)] = []
        for operation in operations where operation.isUpgrade {
            let table = operation.table?.value
            var isNew = false
            if let table, !created.isEmpty {
                isNew = created.contains { $0.function == operation.function && $0.table.equalsIgnoringASCIICase(table) }
            }
            body(operation, isNew)
            guard let table else { continue }
            switch operation.kind {
            case .createTable: created.append((operation.function, table))
            case .dropTable: created.removeAll { $0.function == operation.function && $0.table.equalsIgnoringASCIICase(table) }
            default: break
            }
        }
    }
}

extension String {
    /// Equal when ASCII letters are compared without case (SQL's unquoted identifiers),
    /// without allocating.
    func equalsIgnoringASCIICase(_ other: String) -> Bool {
        var a = utf8.makeIterator()
        var b = other.utf8.makeIterator()
        while true {
            switch (a.next(), b.next()) {
            case (nil, nil): return true
            case let (x?, y?):
                if x == y { continue }
                let lx = x >= 0x41 && x <= 0x5A ? x | 0x20 : x
                let ly = y >= 0x41 && y <= 0x5A ? y | 0x20 : y
                if lx != ly { return false }
            default: return false
            }
        }
    }
}
