import AlembicModel
import TextCore

/// Table, column, index and constraint names inside `op.*` arguments: completion from the
/// schema at that point of the revision, and hover on a table name.
extension AnalysisSnapshot {
    /// What a string argument of an operation names.
    enum SchemaNameRole {
        case table, column, index, constraint
    }

    /// The operation under `offset`, the argument literal the offset is in, and its role.
    struct SchemaNameSite {
        var environment: EnvironmentAnalysis
        var file: MigrationFile
        var operation: MigrationOperation
        var name: OperationName
        var role: SchemaNameRole
        var bytes: [UInt8]
    }

    /// The schema names an operation's string arguments refer to, by role.
    static func schemaNames(of operation: MigrationOperation) -> [(OperationName, SchemaNameRole)] {
        var out: [(OperationName, SchemaNameRole)] = []
        if operation.batch == nil, operation.kind != .createTable, let table = operation.table { out.append((table, .table)) }
        if let referent = operation.referentTable { out.append((referent, .table)) }
        switch operation.kind {
        case .dropColumn, .alterColumn:
            if let column = operation.column { out.append((column, .column)) }
        case .createIndex, .createUniqueConstraint, .createPrimaryKey, .createForeignKey:
            out += operation.columns.map { ($0, .column) }
        case .dropIndex:
            if let name = operation.objectName { out.append((name, .index)) }
        case .dropConstraint:
            if let name = operation.objectName { out.append((name, .constraint)) }
        default:
            break
        }
        return out
    }

    func schemaNameSite(path: String, offset: Int) -> SchemaNameSite? {
        guard let (environment, file) = migration(at: path), let bytes = source(path)?.bytes else { return nil }
        for operation in file.operations where operation.callRange.start < offset && offset < operation.callRange.end {
            for (name, role) in Self.schemaNames(of: operation) where name.range.start < offset && offset < name.range.end {
                guard name.range.start < bytes.count, bytes[name.range.start] == UInt8(ascii: "'") || bytes[name.range.start] == UInt8(ascii: "\"") else {
                    continue
                }
                return SchemaNameSite(environment: environment, file: file, operation: operation, name: name, role: role, bytes: bytes)
            }
        }
        return nil
    }

    /// The schema the operation at `site` runs on.
    func schema(at site: SchemaNameSite) -> ReplayedSchema? {
        site.environment.schemaTimeline(sources: project.sources)
            .schema(in: site.file, function: site.operation.function, before: site.operation.callRange.start, source: site.bytes)
    }

    /// Table names (for a table argument), the table's columns, indexes or constraints, as
    /// they exist where the operation runs, for the string literal under `offset` in an
    /// `op.*` / `batch_op.*` call.
    public func schemaCompletion(path: String, offset: Int) -> CompletionResult? {
        guard let site = schemaNameSite(path: path, offset: offset), let schema = schema(at: site) else { return nil }
        let contentStart = site.name.range.start + 1
        let replace = ByteRange(start: contentStart, end: max(contentStart, site.name.range.end - 1))
        let prefix = String(decoding: site.bytes[contentStart ..< min(max(offset, contentStart), replace.end)], as: UTF8.self)
        let table = site.operation.table?.value.flatMap { schema.table($0, schema: site.operation.schema?.value) }
        var proposals: [(String, String, CompletionCandidate.Kind)] = []
        switch site.role {
        case .table:
            proposals = schema.allTables.map { ($0.name, "table, \($0.table.columns.count) columns", .table) }
        case .column:
            let owner = site.name == site.operation.referentTable ? nil : table
            proposals = (owner?.table.columns ?? []).map { ($0.name, Self.describe($0), .column) }
        case .index:
            let tables = table.map { [$0] } ?? schema.allTables
            for owner in tables {
                proposals += owner.table.indexes.map { ($0.name, "index on \(owner.name) (\($0.columns.map { $0 ?? "expression" }.joined(separator: ", ")))", .index) }
            }
        case .constraint:
            if let table {
                let t = table.table
                if let name = t.primaryKey?.name { proposals.append((name, "primary key", .constraint)) }
                proposals += t.uniqueConstraints.compactMap { u in u.name.map { ($0, "unique (\(u.columns.joined(separator: ", ")))", .constraint) } }
                proposals += t.foreignKeys.compactMap { fk in fk.name.map { ($0, "foreign key → \(fk.referredTable)", .constraint) } }
                proposals += table.checkConstraints.map { ($0, "check", .constraint) }
            }
        }
        var out: [CompletionCandidate] = []
        var matched = 0
        for (label, detail, kind) in proposals where label.hasPrefix(prefix) {
            matched += 1
            guard out.count < Self.completionLimit else { continue }
            out.append(CompletionCandidate(label: label, detail: detail, sortText: label, kind: kind, replaceRange: replace))
        }
        return CompletionResult(candidates: out, isIncomplete: matched > out.count)
    }

    /// The columns, key, indexes and constraints of the table named under `offset` in an
    /// operation's arguments, as they are where the operation runs.
    public func tableHover(path: String, offset: Int) -> HoverInfo? {
        guard let site = schemaNameSite(path: path, offset: offset), site.role == .table, let name = site.name.value,
              let schema = schema(at: site) else { return nil }
        let revision = site.file.revisionID ?? "?"
        guard let replayed = schema.table(name, schema: site.name == site.operation.table ? site.operation.schema?.value : nil) else {
            let note = schema.isUncertain ? " (the schema is uncertain here: SQL or a custom operation may have created it)" : ""
            return HoverInfo(markdown: "**`\(name)`**: no such table where this operation runs in `\(revision)`\(note)", range: site.name.range)
        }
        let table = replayed.table
        var lines = ["**`\(table.qualifiedName)`** where this operation runs in `\(revision)`" + (replayed.isUncertain ? " (uncertain: SQL or an unknown construct touched it)" : ""), ""]
        for column in table.columns {
            let key = table.primaryKey?.columns.contains(column.name) == true ? ", primary key" : ""
            lines.append("- `\(column.name)`: \(Self.describe(column))\(key)")
        }
        for index in table.indexes {
            lines.append("- index `\(index.name)`\(index.unique ? " (unique)" : ""): \(index.columns.map { $0 ?? "expression" }.joined(separator: ", "))")
        }
        for unique in table.uniqueConstraints {
            lines.append("- unique\(unique.name.map { " `\($0)`" } ?? ""): \(unique.columns.joined(separator: ", "))")
        }
        for fk in table.foreignKeys {
            lines.append("- foreign key\(fk.name.map { " `\($0)`" } ?? ""): \(fk.columns.joined(separator: ", ")) → \(fk.referredTable)(\(fk.referredColumns.joined(separator: ", ")))")
        }
        if let created = replayed.createdIn { lines += ["", "created in `\(created)`"] }
        return HoverInfo(markdown: lines.joined(separator: "\n"), range: site.name.range)
    }

    /// `String(length=50), NOT NULL, default 'x'`.
    static func describe(_ column: ColumnSchema) -> String {
        var type = column.type
        if let dot = type.firstIndex(of: "."), !type[..<dot].contains("(") { type = String(type[type.index(after: dot)...]) }
        var parts = [type.isEmpty ? column.family.rawValue : type]
        parts.append(column.nullable ? "NULL" : "NOT NULL")
        if let value = column.defaultSQL { parts.append("default \(value)") }
        return parts.joined(separator: ", ")
    }
}
