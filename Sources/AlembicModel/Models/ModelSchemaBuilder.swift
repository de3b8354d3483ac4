/// Turns table drafts into the neutral schema values, per metadata object: naming
/// conventions applied, foreign-key targets resolved, constraints sorted as
/// ``TableSchema`` documents.
enum ModelSchemaBuilder {
    static func build(
        drafts: [TableDraft], indexer: ModelIndexer,
        metadataObjects: [MetadataIdentity: (location: ModelLocation, convention: [String: String]?)]
    ) -> (metadata: [ModelMetadata], unknowns: [ModelUnknown]) {
        var unknowns: [ModelUnknown] = []
        var byMetadata: [MetadataIdentity: ModelMetadata] = [:]
        var order: [MetadataIdentity] = []
        // Column types left out (a ForeignKey column without one) come from the referred column.
        var columnsByTable: [String: [String: ColumnDeclaration]] = [:]
        for draft in drafts {
            var columns = columnsByTable[draft.metadata.path + "\u{0}\(draft.metadata.offset)\u{0}" + draft.qualifiedName] ?? [:]
            for column in draft.columns where columns[column.name] == nil { columns[column.name] = column }
            columnsByTable[draft.metadata.path + "\u{0}\(draft.metadata.offset)\u{0}" + draft.qualifiedName] = columns
        }
        for draft in drafts {
            let known = metadataObjects[draft.metadata]
            if byMetadata[draft.metadata] == nil {
                order.append(draft.metadata)
                byMetadata[draft.metadata] = ModelMetadata(
                    identity: draft.metadata, location: known?.location ?? draft.location,
                    namingConvention: known?.convention ?? NamingConvention.defaultConvention)
            }
            guard var metadata = byMetadata[draft.metadata] else { continue }
            let convention = metadata.namingConvention
            let key = { (table: String) in draft.metadata.path + "\u{0}\(draft.metadata.offset)\u{0}" + table }
            var table = TableSchema(name: draft.name, schema: draft.schema)
            var locations: [String: ModelLocation] = [:]
            var seen = Set<String>()
            var indexes: [IndexSchema] = []
            var uniques: [UniqueConstraintSchema] = []
            var foreignKeys: [ForeignKeySchema] = []
            for column in draft.columns where seen.insert(column.name).inserted {
                var type = column.type
                var family = column.family
                var referred: [(schema: String?, table: String, column: String, name: String?)] = []
                for (target, name) in column.foreignKeys {
                    guard let resolved = resolve(target, indexer: indexer) else {
                        unknowns.append(ModelUnknown(location: column.location, reason: "the foreign key target of \(column.name) cannot be followed"))
                        continue
                    }
                    referred.append((resolved.schema, resolved.table, resolved.column, name))
                }
                if type == nil, let first = referred.first,
                   let target = columnsByTable[key(TableSchema.qualifiedName(first.table, schema: first.schema))]?[first.column] {
                    type = target.type
                    family = target.family
                }
                table.columns.append(ColumnSchema(name: column.name, type: type ?? "", family: family, nullable: column.nullable,
                                                  defaultSQL: column.serverDefault))
                locations[column.name] = column.location
                if column.index {
                    if let name = NamingConvention.name("ix", explicit: nil, convention: convention, table: draft.name, columns: [column.name]) {
                        indexes.append(IndexSchema(name: name, columns: [column.name], unique: column.unique))
                    } else {
                        unknowns.append(ModelUnknown(location: column.location, reason: "the index on \(column.name) gets no name"))
                    }
                } else if column.unique {
                    uniques.append(UniqueConstraintSchema(
                        name: NamingConvention.name("uq", explicit: nil, convention: convention, table: draft.name, columns: [column.name]),
                        columns: [column.name]))
                }
                for target in referred {
                    foreignKeys.append(ForeignKeySchema(
                        name: NamingConvention.name("fk", explicit: target.name, convention: convention, table: draft.name,
                                                    columns: [column.name], referredTable: target.table, referredColumns: [target.column]),
                        columns: [column.name], referredTable: target.table, referredSchema: target.schema,
                        referredColumns: [target.column]))
                }
            }
            var primaryKey = table.columns.indices.filter { i in draft.columns.first { $0.name == table.columns[i].name }?.primaryKey == true }
                .map { table.columns[$0].name }
            var primaryKeyName: String?
            for element in draft.elements {
                switch element {
                case let .index(name, columns, unique, location):
                    let named = NamingConvention.name("ix", explicit: name, convention: convention, table: draft.name,
                                                      columns: columns.compactMap { $0 })
                    guard let named else {
                        unknowns.append(ModelUnknown(location: location, reason: "an index without a name"))
                        continue
                    }
                    indexes.append(IndexSchema(name: named, columns: columns, unique: unique))
                case let .unique(name, columns):
                    uniques.append(UniqueConstraintSchema(
                        name: NamingConvention.name("uq", explicit: name, convention: convention, table: draft.name, columns: columns),
                        columns: columns))
                case let .primaryKey(name, columns):
                    primaryKey = columns
                    primaryKeyName = name
                case let .foreignKey(name, columns, targets):
                    let parsed = targets.map(parseTarget)
                    guard let first = parsed.first, parsed.allSatisfy({ $0 != nil }) else { continue }
                    foreignKeys.append(ForeignKeySchema(
                        name: NamingConvention.name("fk", explicit: name, convention: convention, table: draft.name, columns: columns,
                                                    referredTable: first?.table, referredColumns: parsed.compactMap { $0?.column }),
                        columns: columns, referredTable: first?.table ?? "", referredSchema: first?.schema,
                        referredColumns: parsed.compactMap { $0?.column }))
                }
            }
            // A primary key constraint makes its columns NOT NULL unless they say otherwise.
            for (i, column) in table.columns.enumerated() where primaryKey.contains(column.name) {
                let declared = draft.columns.first { $0.name == column.name }
                if declared?.nullableIsExplicit != true { table.columns[i].nullable = false }
            }
            if !primaryKey.isEmpty {
                table.primaryKey = PrimaryKeySchema(
                    name: NamingConvention.name("pk", explicit: primaryKeyName, convention: convention, table: draft.name, columns: primaryKey),
                    columns: primaryKey)
            }
            table.indexes = indexes.sorted { ($0.name, $0.columns.map { $0 ?? "" }.joined(separator: ",")) < ($1.name, $1.columns.map { $0 ?? "" }.joined(separator: ",")) }
            table.uniqueConstraints = uniques.sorted { ($0.name ?? "", $0.columns.joined(separator: ",")) < ($1.name ?? "", $1.columns.joined(separator: ",")) }
            table.foreignKeys = foreignKeys.sorted { ($0.name ?? "", $0.columns.joined(separator: ",")) < ($1.name ?? "", $1.columns.joined(separator: ",")) }
            metadata.schema.tables[table.qualifiedName] = table
            metadata.tableLocations[table.qualifiedName] = draft.location
            metadata.columnLocations[table.qualifiedName] = locations
            byMetadata[draft.metadata] = metadata
        }
        // Metadata objects without tables are kept too (a Base nothing maps to yet).
        for (id, known) in metadataObjects where byMetadata[id] == nil {
            order.append(id)
            byMetadata[id] = ModelMetadata(identity: id, location: known.location,
                                           namingConvention: known.convention ?? NamingConvention.defaultConvention)
        }
        return (order.compactMap { byMetadata[$0] }, unknowns)
    }

    /// `schema.table.column` / `table.column` → its parts.
    static func parseTarget(_ text: String) -> (schema: String?, table: String, column: String)? {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        switch parts.count {
        case 2: return (nil, parts[0], parts[1])
        case 3: return (parts[0], parts[1], parts[2])
        default: return nil
        }
    }

    static func resolve(_ target: ColumnDeclaration.Target, indexer: ModelIndexer) -> (schema: String?, table: String, column: String)? {
        switch target {
        case let .text(text):
            return parseTarget(text)
        case let .tableColumn(table, column):
            let parts = table.split(separator: ".").map(String.init)
            return parts.count == 2 ? (parts[0], parts[1], column) : (nil, table, column)
        case let .classAttribute(reference, attribute):
            guard let index = indexer.table(of: reference), indexer.drafts.indices.contains(index),
                  let column = indexer.columnName(of: reference, attribute: attribute) else { return nil }
            let draft = indexer.drafts[index]
            return (draft.schema, draft.name, column)
        }
    }
}
