import AlembicModel
import TextCore

/// The introspection test that lets an operation run only when it can succeed: the object it
/// creates is absent, the one it drops or renames exists (and a rename's new name is free).
///
/// Built from the operation's own argument expressions (a literal stays a literal, a
/// variable stays that variable), in the style of Alembic users' hand-written guards:
///
/// ```python
/// if 'locale' not in [c['name'] for c in inspector.get_columns('users')]:
/// ```
struct GuardCondition {
    /// The tests, joined with `and`.
    var parts: [String]

    /// The test as Python: `a and b`, parenthesised when `grouped` and compound.
    func text(grouped: Bool = false) -> String {
        let joined = parts.joined(separator: " and ")
        return grouped && parts.count > 1 ? "(\(joined))" : joined
    }

    /// The test for `operation` using the inspector expression `inspector`; nil when the
    /// operation has nothing to test or its table or name is unknown (`None`, missing).
    /// `source` gives the text of an argument's range.
    init?(_ operation: MigrationOperation, inspector: String, source: (ByteRange) -> String) {
        func expression(_ name: OperationName?) -> String? {
            guard let name else { return nil }
            let text = source(name.range)
            return text.isEmpty || text == "None" ? nil : text
        }
        guard let table = expression(operation.table) else { return nil }
        let schema = expression(operation.schema).map { ", schema=\($0)" } ?? ""
        let quote = table.first(where: { $0 == "'" || $0 == "\"" }).map(String.init) ?? "'"
        let key = "\(quote)name\(quote)"
        func names(_ method: String, _ variable: String) -> String {
            "[\(variable)[\(key)] for \(variable) in \(inspector).\(method)(\(table)\(schema))]"
        }
        func member(_ name: String?, of set: String, present: Bool) -> String? {
            name.map { "\($0) \(present ? "in" : "not in") \(set)" }
        }
        let hasTable = "\(inspector).has_table(\(table)\(schema))"
        let object = expression(operation.objectName)
        let parts: [String?]
        switch operation.kind {
        case .createTable: parts = ["not \(hasTable)"]
        case .dropTable: parts = [hasTable]
        case .renameTable:
            parts = [hasTable, expression(operation.newName).map { "not \(inspector).has_table(\($0)\(schema))" }]
        case .addColumn: parts = [member(expression(operation.column), of: names("get_columns", "c"), present: false)]
        case .dropColumn: parts = [member(expression(operation.column), of: names("get_columns", "c"), present: true)]
        case .alterColumn:
            guard operation.newName != nil else { return nil }
            parts = [member(expression(operation.column), of: names("get_columns", "c"), present: true),
                     member(expression(operation.newName), of: names("get_columns", "c"), present: false)]
        case .createIndex: parts = [member(object, of: names("get_indexes", "ix"), present: false)]
        case .dropIndex: parts = [member(object, of: names("get_indexes", "ix"), present: true)]
        case .createUniqueConstraint: parts = [member(object, of: names("get_unique_constraints", "uq"), present: false)]
        case .createForeignKey: parts = [member(object, of: names("get_foreign_keys", "fk"), present: false)]
        case .createCheckConstraint: parts = [member(object, of: names("get_check_constraints", "ck"), present: false)]
        case .createPrimaryKey: parts = ["not \(inspector).get_pk_constraint(\(table)\(schema))[\(quote)constrained_columns\(quote)]"]
        case .dropConstraint:
            switch operation.constraintType {
            case "foreignkey": parts = [member(object, of: names("get_foreign_keys", "fk"), present: true)]
            case "unique": parts = [member(object, of: names("get_unique_constraints", "uq"), present: true)]
            case "check": parts = [member(object, of: names("get_check_constraints", "ck"), present: true)]
            case "primary": parts = [object.map { "\(inspector).get_pk_constraint(\(table)\(schema))[\(key)] == \($0)" }]
            default:
                let all = ["get_foreign_keys", "get_unique_constraints", "get_check_constraints"]
                    .map { "\(inspector).\($0)(\(table)\(schema))" }.joined(separator: " + ")
                parts = [member(object, of: "[c[\(key)] for c in \(all)]", present: true)]
            }
        default: return nil
        }
        guard !parts.isEmpty, parts.allSatisfy({ $0 != nil }) else { return nil }
        self.parts = parts.compactMap { $0 }
    }
}
