import PythonSyntax

/// The parameters of one Alembic operation method, as its arguments are bound: positional
/// names in order (including those Alembic 1.11 made keyword-only, which older migrations pass
/// positionally), a variadic tail, and the legacy keyword names of Alembic before 1.7
/// (`name=`, `source=`, `referent=`, `tablename=`, `type=`, `cols=`, `local_cols=`).
///
/// Taken from `alembic/op.pyi` and `operations/ops.py` of Alembic 1.20.1.
struct OperationSignature: Sendable {
    var positional: [String]
    /// The name the remaining positional arguments are bound to (`columns` of `create_table`).
    var variadic: String?
    /// Legacy keyword → current parameter name (a handful each: searched linearly).
    var legacy: [(keyword: String, parameter: String)]

    init(_ positional: [String], variadic: String? = nil, legacy: KeyValuePairs<String, String> = [:]) {
        self.positional = positional
        self.variadic = variadic
        self.legacy = legacy.map { ($0.key, $0.value) }
    }

    /// Arguments of `call` bound to parameter names (variadic ones in order).
    func bind(args: NodeList<Expr>, keywords: NodeList<Keyword>) -> BoundArguments {
        var bound = BoundArguments(parameters: positional)
        for (i, arg) in args.enumerated() {
            if case .starred = arg.kind { break }
            if i < positional.count {
                bound.values[i] = arg
            } else if variadic != nil {
                bound.variadic.append(arg)
            }
        }
        for keyword in keywords {
            guard let name = keyword.name?.name else { continue }
            if name == "if_exists" || name == "if_not_exists" { bound.nativeFlags.append((name, keyword)) }
            let parameter = positional.contains(name) ? name : (legacy.first { $0.keyword == name }?.parameter ?? name)
            bound.bind(parameter, keyword.value)
        }
        return bound
    }

    /// The signature of `method` on `op` (`batch` false) or on a batch operations object.
    static func of(_ kind: OperationKind, batch: Bool) -> OperationSignature? {
        batch ? batchSignatures[kind] : signatures[kind]
    }

    static let alterColumnTail = [
        "nullable", "comment", "server_default", "new_column_name", "type_", "existing_type",
        "existing_server_default", "existing_nullable", "existing_comment",
    ]

    static let signatures: [OperationKind: OperationSignature] = [
        .createTable: OperationSignature(["table_name"], variadic: "columns", legacy: ["name": "table_name"]),
        .dropTable: OperationSignature(["table_name", "schema"], legacy: ["name": "table_name"]),
        .renameTable: OperationSignature(["old_table_name", "new_table_name", "schema"]),
        .addColumn: OperationSignature(["table_name", "column", "schema"]),
        .dropColumn: OperationSignature(["table_name", "column_name", "schema"]),
        .alterColumn: OperationSignature(["table_name", "column_name"] + alterColumnTail + ["schema"], legacy: ["name": "new_column_name"]),
        .createIndex: OperationSignature(
            ["index_name", "table_name", "columns", "schema", "unique"], legacy: ["name": "index_name"]),
        .dropIndex: OperationSignature(
            ["index_name", "table_name", "schema"], legacy: ["name": "index_name", "tablename": "table_name"]),
        .createUniqueConstraint: OperationSignature(
            ["constraint_name", "table_name", "columns", "schema"],
            legacy: ["name": "constraint_name", "source": "table_name", "local_cols": "columns"]),
        .createForeignKey: OperationSignature(
            ["constraint_name", "source_table", "referent_table", "local_cols", "remote_cols", "onupdate", "ondelete",
             "deferrable", "initially", "match", "source_schema", "referent_schema"],
            legacy: ["name": "constraint_name", "source": "source_table", "referent": "referent_table"]),
        .createCheckConstraint: OperationSignature(
            ["constraint_name", "table_name", "condition", "schema"],
            legacy: ["name": "constraint_name", "source": "table_name"]),
        .createPrimaryKey: OperationSignature(
            ["constraint_name", "table_name", "columns", "schema"], legacy: ["name": "constraint_name", "cols": "columns"]),
        .createExcludeConstraint: OperationSignature(["constraint_name", "table_name"], variadic: "elements"),
        .dropConstraint: OperationSignature(
            ["constraint_name", "table_name", "type_", "schema"], legacy: ["name": "constraint_name", "type": "type_"]),
        .createTableComment: OperationSignature(["table_name", "comment", "existing_comment", "schema"]),
        .dropTableComment: OperationSignature(["table_name", "existing_comment", "schema"]),
        .bulkInsert: OperationSignature(["table", "rows", "multiinsert"]),
        .execute: OperationSignature(["sqltext", "execution_options"]),
        .batchAlterTable: OperationSignature(["table_name", "schema", "recreate"]),
    ]

    static let batchSignatures: [OperationKind: OperationSignature] = [
        .addColumn: OperationSignature(["column", "insert_before", "insert_after"]),
        .dropColumn: OperationSignature(["column_name"]),
        .alterColumn: OperationSignature(["column_name"] + alterColumnTail, legacy: ["name": "new_column_name"]),
        .createIndex: OperationSignature(["index_name", "columns"], legacy: ["name": "index_name"]),
        .dropIndex: OperationSignature(["index_name"], legacy: ["name": "index_name"]),
        .createUniqueConstraint: OperationSignature(["constraint_name", "columns"], legacy: ["name": "constraint_name"]),
        .createForeignKey: OperationSignature(
            ["constraint_name", "referent_table", "local_cols", "remote_cols"],
            legacy: ["name": "constraint_name", "referent": "referent_table"]),
        .createCheckConstraint: OperationSignature(["constraint_name", "condition"], legacy: ["name": "constraint_name"]),
        .createPrimaryKey: OperationSignature(["constraint_name", "columns"], legacy: ["name": "constraint_name"]),
        .createExcludeConstraint: OperationSignature(["constraint_name"], variadic: "elements"),
        .dropConstraint: OperationSignature(["constraint_name", "type_"], legacy: ["name": "constraint_name", "type": "type_"]),
        .createTableComment: OperationSignature(["comment", "existing_comment"]),
        .dropTableComment: OperationSignature(["existing_comment"]),
        .execute: OperationSignature(["sqltext", "execution_options"]),
    ]
}

/// Arguments bound to parameter names by ``OperationSignature/bind(args:keywords:)``: parallel
/// arrays searched linearly (a call has a handful of arguments; hashing costs more).
struct BoundArguments {
    /// The signature's positional parameters, then the other keywords passed.
    private(set) var parameters: [String]
    /// The argument bound to each of ``parameters``.
    fileprivate(set) var values: [Expr?]
    var variadic: [Expr] = []
    /// The `if_exists=` / `if_not_exists=` keywords as written.
    var nativeFlags: [(name: String, keyword: Keyword)] = []

    init(parameters: [String] = []) {
        self.parameters = parameters
        self.values = Array(repeating: nil, count: parameters.count)
    }

    /// Binds `parameter` to `value` unless a positional argument already did.
    fileprivate mutating func bind(_ parameter: String, _ value: Expr) {
        if let i = parameters.firstIndex(of: parameter) {
            if values[i] == nil { values[i] = value }
        } else {
            parameters.append(parameter)
            values.append(value)
        }
    }

    subscript(_ name: String) -> Expr? {
        guard let i = parameters.firstIndex(of: name) else { return nil }
        return values[i]
    }

    /// The `if_exists=` or `if_not_exists=` keyword argument, if written.
    func nativeFlag(_ name: NativeExistenceFlag.Name) -> Keyword? {
        nativeFlags.first { $0.name == name.rawValue }?.keyword
    }
}
