import PythonSyntax
import TextCore

/// What the schema replay reads from an operation's call beyond the ``MigrationOperation``:
/// column definitions (type, nullability, server default, keys), the table-level constraints
/// of `create_table`, the changes of `alter_column` and the referred columns of
/// `create_foreign_key`. Read lazily, from the call's own bytes, only by the replay.
struct OperationDetails: Sendable {
    /// A table-level argument of `create_table` (`sa.PrimaryKeyConstraint(...)`, …).
    struct TableConstraint: Hashable, Sendable {
        enum Kind: Hashable, Sendable {
            case primaryKey, unique, foreignKey, check
            case index(unique: Bool)
        }

        var kind: Kind
        var name: String?
        var columns: [String?]
        var referredTable: String?
        var referredSchema: String?
        var referredColumns: [String?]
    }

    /// `alter_column`'s changes; nil fields are left as they are.
    struct ColumnChange: Hashable, Sendable {
        var nullable: Bool?
        var typeText: String?
        var family: ColumnTypeFamily?
        /// Set when `server_default=` is passed: the new default (nil inside: dropped).
        var serverDefault: String??
    }

    /// `create_table`'s columns in order; `add_column`'s column.
    var columns: [ColumnDefinition] = []
    var constraints: [TableConstraint] = []
    var change: ColumnChange?
    /// `create_index`'s columns (nil for an expression such as `sa.text('lower(email)')`).
    var indexColumns: [String?] = []
    /// `create_foreign_key`'s referred columns.
    var remoteColumns: [String?] = []
    var referentSchema: String?
    /// An argument the reader could not follow (`*cols`, `**kw`, a non-literal where a name or
    /// flag belongs).
    var hasUnknownArguments = false

    /// The details of `operation`, read from `source` (the file's bytes); nil when the call
    /// cannot be read or the operation has none worth reading.
    static func read(_ operation: MigrationOperation, source: [UInt8]) -> OperationDetails? {
        switch operation.kind {
        case .createTable, .addColumn, .alterColumn, .createForeignKey, .createIndex: break
        default: return nil
        }
        let range = operation.callRange
        guard range.start >= 0, range.end <= source.count, range.start < range.end else { return nil }
        let parsed = parseModule(Array(source[range.start ..< range.end]))
        guard let statement = parsed.body.first, case let .expr(call) = statement.kind,
              case let .call(_, args, keywords) = call.kind else { return nil }
        var details = OperationDetails()
        let batch = operation.batch != nil
        if args.contains(where: { if case .starred = $0.kind { true } else { false } }) || keywords.contains(where: { $0.name == nil }) {
            details.hasUnknownArguments = true
        }
        switch operation.kind {
        case .createTable:
            for argument in args.dropFirst() {
                if let column = ColumnDefinition.read(argument) {
                    details.columns.append(column)
                } else if let constraint = tableConstraint(argument) {
                    details.constraints.append(constraint)
                } else {
                    details.hasUnknownArguments = true
                }
            }
        case .addColumn:
            let argument = keywords.first { $0.name?.name == "column" }?.value ?? (batch ? args.first : args.dropFirst().first)
            if let argument, let column = ColumnDefinition.read(argument) { details.columns = [column] } else { details.hasUnknownArguments = true }
        case .alterColumn:
            var change = ColumnChange()
            for keyword in keywords {
                switch keyword.name?.name {
                case "nullable":
                    change.nullable = ExpressionReader.bool(keyword.value)
                    if change.nullable == nil { details.hasUnknownArguments = true }
                case "type_":
                    if let type = ExpressionReader.typeName(keyword.value) {
                        change.typeText = keyword.value.text
                        change.family = ColumnTypeFamily(sqlalchemyType: type)
                    }
                case "server_default":
                    if case .constant(.bool(false)) = keyword.value.kind { continue }
                    change.serverDefault = .some(ExpressionReader.serverDefault(keyword.value))
                default: continue
                }
            }
            details.change = change
        case .createForeignKey:
            let remote = keywords.first { $0.name?.name == "remote_cols" }?.value ?? (batch ? args.dropFirst(3).first : args.dropFirst(4).first)
            details.remoteColumns = remote.flatMap(ExpressionReader.strings) ?? []
            details.referentSchema = keywords.first { $0.name?.name == "referent_schema" }.flatMap { ExpressionReader.string($0.value) }
        case .createIndex:
            let columns = keywords.first { $0.name?.name == "columns" }?.value ?? (batch ? args.dropFirst().first : args.dropFirst(2).first)
            switch columns?.kind {
            case let .list(elements), let .tuple(elements): details.indexColumns = elements.map(ExpressionReader.string)
            case .some: details.indexColumns = [columns.flatMap(ExpressionReader.string)]
            case .none: details.hasUnknownArguments = true
            }
        default:
            break
        }
        return details
    }

    /// `sa.Index`, `sa.UniqueConstraint`, `sa.ForeignKeyConstraint`, `sa.PrimaryKeyConstraint`,
    /// `sa.CheckConstraint` arguments of `create_table`.
    static func tableConstraint(_ e: Expr) -> TableConstraint? {
        guard let callee = ExpressionReader.calleeName(e), case let .call(_, args, keywords) = e.kind else { return nil }
        let name = keywords.first { $0.name?.name == "name" }.flatMap { ExpressionReader.string($0.value) }
        let strings = args.map(ExpressionReader.string)
        func constraint(_ kind: TableConstraint.Kind, name: String?, columns: [String?]) -> TableConstraint {
            TableConstraint(kind: kind, name: name, columns: columns, referredTable: nil, referredSchema: nil, referredColumns: [])
        }
        switch callee {
        case "PrimaryKeyConstraint": return constraint(.primaryKey, name: name, columns: strings)
        case "UniqueConstraint": return constraint(.unique, name: name, columns: strings)
        case "CheckConstraint": return constraint(.check, name: name, columns: [])
        case "Index":
            let unique = keywords.contains { $0.name?.name == "unique" && ExpressionReader.bool($0.value) == true }
            return constraint(.index(unique: unique), name: strings.first ?? nil, columns: Array(strings.dropFirst()))
        case "ForeignKeyConstraint":
            guard args.count >= 2 else { return nil }
            let local = ExpressionReader.strings(args[0]) ?? []
            let remote = ExpressionReader.strings(args[1]) ?? []
            var out = constraint(.foreignKey, name: name, columns: local)
            var referredColumns: [String?] = []
            for target in remote {
                let parts = target.map { $0.split(separator: ".", omittingEmptySubsequences: false).map(String.init) } ?? []
                if parts.count >= 2 {
                    out.referredTable = parts[parts.count - 2]
                    out.referredSchema = parts.count > 2 ? parts.dropLast(2).joined(separator: ".") : nil
                    referredColumns.append(parts.last)
                } else {
                    referredColumns.append(nil)
                }
            }
            out.referredColumns = referredColumns
            return out
        default:
            return nil
        }
    }
}
