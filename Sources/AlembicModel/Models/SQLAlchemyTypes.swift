/// SQLAlchemy's column types by name, and the Python annotations `Mapped[...]` maps to them
/// (the default `type_annotation_map`).
enum SQLAlchemyTypes {
    /// The family of a SQLAlchemy type name (generic or dialect: `String`, `VARCHAR`, `JSONB`);
    /// nil for a name that is not a type.
    static func family(of name: String) -> ColumnTypeFamily? {
        if let known = families[name] { return known }
        return otherTypes.contains(name) ? .other : nil
    }

    /// The SQLAlchemy type a `Mapped[...]` annotation's Python type maps to (`int` → `Integer`).
    static func typeName(forAnnotation name: String) -> String? {
        annotationTypes[name]
    }

    /// Names that are constructs of a column other than its type.
    static let columnArguments: Set<String> = [
        "ForeignKey", "Sequence", "Identity", "Computed", "CheckConstraint", "FetchedValue", "DefaultClause",
    ]

    static let families: [String: ColumnTypeFamily] = {
        var table: [String: ColumnTypeFamily] = [:]
        for name in ["Integer", "BigInteger", "SmallInteger", "INTEGER", "BIGINT", "SMALLINT", "INT", "TINYINT", "MEDIUMINT"] {
            table[name] = .integer
        }
        for name in ["String", "Text", "Unicode", "UnicodeText", "VARCHAR", "CHAR", "NVARCHAR", "NCHAR", "TEXT", "CLOB", "CITEXT"] {
            table[name] = .text
        }
        for name in ["Boolean", "BOOLEAN"] { table[name] = .boolean }
        for name in ["DateTime", "Date", "Time", "Interval", "TIMESTAMP", "DATETIME", "DATE", "TIME", "INTERVAL"] {
            table[name] = .datetime
        }
        for name in ["Numeric", "Float", "Double", "DECIMAL", "NUMERIC", "FLOAT", "REAL", "DOUBLE", "DOUBLE_PRECISION"] {
            table[name] = .numeric
        }
        for name in ["LargeBinary", "BLOB", "BINARY", "VARBINARY", "BYTEA", "PickleType"] { table[name] = .binary }
        for name in ["JSON", "JSONB"] { table[name] = .json }
        for name in ["Uuid", "UUID"] { table[name] = .uuid }
        return table
    }()

    static let otherTypes: Set<String> = [
        "Enum", "ARRAY", "INET", "CIDR", "MACADDR", "HSTORE", "TSVECTOR", "MONEY", "BIT", "TypeDecorator", "Variant",
        "INT4RANGE", "INT8RANGE", "NUMRANGE", "DATERANGE", "TSRANGE", "TSTZRANGE", "ENUM", "SET", "YEAR", "NullType",
    ]

    static let annotationTypes: [String: String] = [
        "int": "Integer", "str": "String", "bool": "Boolean", "float": "Float", "Decimal": "Numeric",
        "datetime": "DateTime", "date": "Date", "time": "Time", "timedelta": "Interval", "bytes": "LargeBinary",
        "UUID": "Uuid",
    ]
}
