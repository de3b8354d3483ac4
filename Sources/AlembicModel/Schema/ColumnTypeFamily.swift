/// A column type's family: the part of a type that stays meaningful across databases and
/// matches SQLAlchemy's generic types (`Integer`, `String`, `Boolean`, `DateTime`, …).
public enum ColumnTypeFamily: String, Hashable, Sendable, CaseIterable {
    case integer, text, boolean, datetime, numeric, binary, json, uuid, other

    /// The family of a SQLite declared type, as SQLAlchemy's SQLite dialect reflects it: the
    /// leading words (before any `(`) looked up among the type names SQLAlchemy knows
    /// (`BOOLEAN`, `DATETIME`, `JSON`, …), then SQLite's affinity rules: `INT` → integer;
    /// `CHAR`, `CLOB`, `TEXT` → text; `BLOB` or no type → ``other``; `REAL`, `FLOA`,
    /// `DOUB` → numeric; anything else has NUMERIC affinity → numeric.
    public static func sqlite(_ declaredType: String) -> ColumnTypeFamily {
        let name = leadingWords(declaredType)
        if let known = sqliteNames[name] { return known }
        if name.contains("INT") { return .integer }
        if name.contains("CHAR") || name.contains("CLOB") || name.contains("TEXT") { return .text }
        if name.contains("BLOB") || name.isEmpty { return .other }
        return .numeric
    }

    /// The family of a PostgreSQL type as `format_type` spells it (`character varying(50)`,
    /// `timestamp with time zone`, `integer[]`). Arrays and unknown names (enums, domains,
    /// geometric types) are ``other``.
    public static func postgresql(_ formattedType: String) -> ColumnTypeFamily {
        let trimmed = formattedType.trimmingPythonSpace()
        if trimmed.hasSuffix("]") { return .other }
        return known[baseName(trimmed)] ?? .other
    }

    /// Upper-cased, without the `(…)` modifiers, the schema prefix and surrounding spaces;
    /// inner spaces collapsed (`timestamp(3) with time zone` → `TIMESTAMP WITH TIME ZONE`).
    static func baseName(_ type: String) -> String {
        var out: [UInt8] = []
        var depth = 0
        var pendingSpace = false
        for byte in type.utf8 {
            switch byte {
            case UInt8(ascii: "("): depth += 1
            case UInt8(ascii: ")"): depth = max(0, depth - 1)
            case _ where depth > 0: continue
            case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\n"), UInt8(ascii: "\r"): pendingSpace = !out.isEmpty
            case UInt8(ascii: "\""): continue
            default:
                if pendingSpace { out.append(UInt8(ascii: " ")); pendingSpace = false }
                out.append(byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z") ? byte - 32 : byte)
            }
        }
        var name = String(decoding: out, as: UTF8.self)
        if name.hasPrefix("PG_CATALOG.") { name.removeFirst("PG_CATALOG.".count) }
        return name
    }

    /// SQLAlchemy's SQLite `ischema_names`, by family.
    static let sqliteNames: [String: ColumnTypeFamily] = [
        "BIGINT": .integer, "INT": .integer, "INTEGER": .integer, "SMALLINT": .integer,
        "BLOB": .binary, "BOOL": .boolean, "BOOLEAN": .boolean,
        "CHAR": .text, "TEXT": .text, "VARCHAR": .text, "NVARCHAR": .text, "NCHAR": .text,
        "DATE": .datetime, "DATE_CHAR": .datetime, "DATETIME": .datetime, "DATETIME_CHAR": .datetime,
        "TIME": .datetime, "TIME_CHAR": .datetime, "TIMESTAMP": .datetime,
        "DOUBLE": .numeric, "DECIMAL": .numeric, "FLOAT": .numeric, "NUMERIC": .numeric, "REAL": .numeric,
        "JSON": .json, "JSONB": .json,
    ]

    /// The leading `[\w ]+` run of an upper-cased SQLite type (`VARCHAR(20)` → `VARCHAR`),
    /// as SQLAlchemy's `_resolve_type_affinity` matches it.
    static func leadingWords(_ type: String) -> String {
        var out: [UInt8] = []
        for byte in type.utf8 {
            let isWord = byte == UInt8(ascii: " ") || byte == UInt8(ascii: "_") || byte >= 0x80
                || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
                || (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z"))
                || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
            guard isWord else { break }
            out.append(byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z") ? byte - 32 : byte)
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// PostgreSQL type names and aliases (as `format_type` and users spell them).
    static let known: [String: ColumnTypeFamily] = {
        var table: [String: ColumnTypeFamily] = [:]
        for name in [
            "INTEGER", "INT", "INT2", "INT4", "INT8", "SMALLINT", "BIGINT", "TINYINT", "MEDIUMINT",
            "SERIAL", "SMALLSERIAL", "BIGSERIAL", "SERIAL4", "SERIAL8", "SERIAL2",
        ] { table[name] = .integer }
        for name in [
            "TEXT", "VARCHAR", "CHAR", "CHARACTER", "CHARACTER VARYING", "NCHAR", "NVARCHAR",
            "NATIONAL CHARACTER", "CLOB", "STRING", "CITEXT", "NAME", "BPCHAR",
        ] { table[name] = .text }
        for name in ["BOOLEAN", "BOOL"] { table[name] = .boolean }
        for name in [
            "DATE", "DATETIME", "TIME", "TIMESTAMP", "TIMESTAMP WITHOUT TIME ZONE", "TIMESTAMP WITH TIME ZONE",
            "TIMESTAMPTZ", "TIME WITHOUT TIME ZONE", "TIME WITH TIME ZONE", "TIMETZ", "INTERVAL",
        ] { table[name] = .datetime }
        for name in [
            "NUMERIC", "DECIMAL", "REAL", "FLOAT", "FLOAT4", "FLOAT8", "DOUBLE", "DOUBLE PRECISION",
        ] { table[name] = .numeric }
        for name in ["BLOB", "BYTEA", "BINARY", "VARBINARY", "LARGEBINARY"] { table[name] = .binary }
        for name in ["JSON", "JSONB"] { table[name] = .json }
        table["UUID"] = .uuid
        return table
    }()
}
