extension ColumnTypeFamily {
    /// The family of a SQLAlchemy type as a migration or a model writes it: the class name
    /// (the last component of `sa.String`, `postgresql.UUID`, `mysql.INTEGER`), looked up among
    /// SQLAlchemy's generic and upper-case types, then among the database type names. `Enum`
    /// is ``text`` (a `VARCHAR` where the database has no enum type); `ARRAY`, `PickleType`
    /// and unknown names are ``other``.
    public init(sqlalchemyType name: String) {
        let last = name.split(separator: ".").last.map(String.init) ?? name
        let upper = last.uppercased()
        if let family = Self.sqlalchemyNames[upper] {
            self = family
        } else {
            self = Self.known[upper] ?? .other
        }
    }

    /// SQLAlchemy's type classes (upper-cased) by family; the database names in ``known``
    /// cover the rest.
    static let sqlalchemyNames: [String: ColumnTypeFamily] = [
        "BIGINTEGER": .integer, "SMALLINTEGER": .integer,
        "STRING": .text, "UNICODE": .text, "UNICODETEXT": .text, "ENUM": .text, "NVARCHAR": .text,
        "DATETIME": .datetime, "INTERVAL": .datetime,
        "DOUBLE_PRECISION": .numeric,
        "LARGEBINARY": .binary, "BLOB": .binary, "PICKLETYPE": .binary, "VARBINARY": .binary,
        "JSON": .json, "JSONB": .json,
        "UUID": .uuid, "UUIDTYPE": .uuid,
        "ARRAY": .other,
    ]
}
