/// What `op.execute(sql)` does to the tables, read from the first words of each statement:
/// data statements change nothing; `CREATE`/`DROP`/`ALTER TABLE` and `CREATE`/`DROP INDEX`
/// name the table they touch (which becomes uncertain); statements about views, functions,
/// types, sequences … leave tables alone; anything else (or SQL that is not a literal) makes
/// the whole schema uncertain.
enum SQLEffects {
    /// Leading keywords of statements that never change a table's shape.
    private static let dataStatements: Set<String> = [
        "SELECT", "INSERT", "UPDATE", "DELETE", "WITH", "SET", "RESET", "GRANT", "REVOKE", "COMMENT", "ANALYZE", "VACUUM",
        "REFRESH", "NOTIFY", "LOCK", "BEGIN", "COMMIT", "ROLLBACK", "TRUNCATE", "PRAGMA", "REINDEX", "CLUSTER", "CALL",
        "SAVEPOINT", "RELEASE", "EXPLAIN", "VALUES", "MERGE", "REPLACE", "UPSERT",
    ]

    /// Objects of `CREATE` / `DROP` / `ALTER` that are not tables or indexes.
    private static let otherObjects: Set<String> = [
        "VIEW", "MATERIALIZED", "FUNCTION", "PROCEDURE", "TRIGGER", "SEQUENCE", "EXTENSION", "TYPE", "SCHEMA", "POLICY",
        "RULE", "ROLE", "USER", "DOMAIN", "AGGREGATE", "OPERATOR", "COLLATION", "PUBLICATION", "SUBSCRIPTION",
        "STATISTICS", "EVENT", "SERVER", "DATABASE", "TEXT", "CAST", "LANGUAGE", "TABLESPACE", "DEFAULT",
    ]

    static func apply(_ sql: String?, to schema: inout ReplayedSchema) {
        guard let sql else {
            schema.isUncertain = true
            return
        }
        for statement in sql.split(separator: ";") {
            applyStatement(words(statement), to: &schema)
            if schema.isUncertain { return }
        }
    }

    /// The statement's words: upper-cased keywords, names with their quotes removed.
    static func words(_ statement: Substring) -> [String] {
        var out: [String] = []
        var current: [UInt8] = []
        var inComment = false
        for byte in statement.utf8 {
            if inComment {
                if byte == 0x0A { inComment = false }
                continue
            }
            switch byte {
            case 0x20, 0x09, 0x0A, 0x0D, UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: ","):
                if !current.isEmpty { out.append(String(decoding: current, as: UTF8.self)) }
                current = []
            case UInt8(ascii: "-") where current.last == UInt8(ascii: "-"):
                current.removeLast()
                if !current.isEmpty { out.append(String(decoding: current, as: UTF8.self)) }
                current = []
                inComment = true
            case UInt8(ascii: "\""), UInt8(ascii: "`"), UInt8(ascii: "["), UInt8(ascii: "]"):
                continue
            default:
                current.append(byte)
            }
            if out.count > 12 { break }
        }
        if !current.isEmpty, out.count <= 12 { out.append(String(decoding: current, as: UTF8.self)) }
        return out
    }

    private static func applyStatement(_ words: [String], to schema: inout ReplayedSchema) {
        guard let first = words.first?.uppercased() else { return }
        if dataStatements.contains(first) { return }
        var rest = words.dropFirst().filter { !["OR", "REPLACE", "TEMP", "TEMPORARY", "UNLOGGED", "IF", "NOT", "EXISTS", "ONLY", "CONCURRENTLY", "UNIQUE", "GLOBAL", "LOCAL"].contains($0.uppercased()) }[...]
        guard let object = rest.popFirst()?.uppercased() else {
            schema.isUncertain = true
            return
        }
        if ["CREATE", "DROP", "ALTER"].contains(first), otherObjects.contains(object) { return }
        switch (first, object) {
        case ("CREATE", "TABLE"):
            guard let name = rest.first else { break }
            let (table, owner) = split(name)
            if schema.table(table, schema: owner) == nil {
                schema.put(ReplayedTable(table: TableSchema(name: table, schema: owner), isUncertain: true))
            } else {
                schema.update(table, schema: owner) { $0.isUncertain = true }
            }
            return
        case ("DROP", "TABLE"):
            for name in rest where !["CASCADE", "RESTRICT"].contains(name.uppercased()) {
                let (table, owner) = split(name)
                schema.removeTable(table, schema: owner)
            }
            return
        case ("ALTER", "TABLE"):
            guard let name = rest.first else { break }
            let (table, owner) = split(name)
            let tail = rest.dropFirst().map { $0.uppercased() }
            if tail.count >= 3, tail[0] == "RENAME", tail[1] == "TO", var renamed = schema.table(table, schema: owner) {
                renamed.table.name = split(rest[rest.startIndex + 3]).name
                renamed.isUncertain = true
                schema.removeTable(table, schema: owner)
                schema.put(renamed)
            } else {
                schema.update(table, schema: owner) { $0.isUncertain = true }
            }
            return
        case ("CREATE", "INDEX"):
            // CREATE INDEX name ON table …
            guard let on = rest.firstIndex(where: { $0.uppercased() == "ON" }), on + 1 < rest.endIndex else { break }
            let (table, owner) = split(rest[on + 1])
            let indexName = on > rest.startIndex ? split(rest[rest.startIndex]).name : nil
            schema.update(table, schema: owner) { replayed in
                replayed.isUncertain = true
                if let indexName { replayed.table.indexes.append(IndexSchema(name: indexName, columns: [], unique: words.contains { $0.uppercased() == "UNIQUE" })) }
            }
            return
        case ("DROP", "INDEX"):
            guard let name = rest.first else { break }
            let indexName = split(name).name
            if let holder = schema.tableHoldingIndex(indexName) {
                schema.update(holder.name, schema: holder.table.schema) { replayed in
                    replayed.table.indexes.removeAll { $0.name.lowercased() == indexName.lowercased() }
                    replayed.isUncertain = true
                }
            }
            return
        default:
            break
        }
        schema.isUncertain = true
    }

    /// `schema.name` → (name, schema).
    private static func split(_ qualified: String) -> (name: String, schema: String?) {
        guard let dot = qualified.lastIndex(of: ".") else { return (qualified, nil) }
        return (String(qualified[qualified.index(after: dot)...]), String(qualified[..<dot]))
    }
}
