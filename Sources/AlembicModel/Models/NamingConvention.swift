/// SQLAlchemy's constraint naming conventions (`MetaData(naming_convention=...)`).
enum NamingConvention {
    /// SQLAlchemy's default: only indexes are named.
    static let defaultConvention = ["ix": "ix_%(column_0_label)s"]

    /// The name SQLAlchemy gives a constraint or index of kind `key` (`ix`, `uq`, `fk`, `pk`):
    /// an explicit name wins unless the template uses `%(constraint_name)s`; nil when unnamed
    /// or when the template uses a token this reading does not know.
    static func name(
        _ key: String, explicit: String?, convention: [String: String], table: String, columns: [String],
        referredTable: String? = nil, referredColumns: [String] = []
    ) -> String? {
        guard let template = convention[key] else { return explicit }
        if let explicit, !template.contains("%(constraint_name)s") { return explicit }
        if explicit == nil, template.contains("%(constraint_name)s") { return nil }
        var out = ""
        var rest = Substring(template)
        while let open = rest.range(of: "%(") {
            out += rest[rest.startIndex ..< open.lowerBound]
            let afterOpen = rest[open.upperBound...]
            guard let close = afterOpen.range(of: ")s") else { return nil }
            let token = String(afterOpen[afterOpen.startIndex ..< close.lowerBound])
            guard let value = substitute(token, explicit: explicit, table: table, columns: columns,
                                         referredTable: referredTable, referredColumns: referredColumns) else { return nil }
            out += value
            rest = afterOpen[close.upperBound...]
        }
        out += rest
        return out
    }

    private static func substitute(
        _ token: String, explicit: String?, table: String, columns: [String], referredTable: String?, referredColumns: [String]
    ) -> String? {
        switch token {
        case "table_name": return table
        case "constraint_name": return explicit
        case "referred_table_name": return referredTable
        default: break
        }
        for (prefix, list) in [("referred_column_0", referredColumns), ("column_0", columns)] where token.hasPrefix(prefix) {
            let kind = token.dropFirst(prefix.count)
            func render(_ column: String) -> String { kind.hasSuffix("label") ? table + "_" + column : column }
            switch kind {
            case "_name", "_key", "_label":
                return list.first.map(render)
            case "N_name", "N_key", "N_label":
                return list.isEmpty ? nil : list.map(render).joined()
            case "_N_name", "_N_key", "_N_label":
                return list.isEmpty ? nil : list.map(render).joined(separator: "_")
            default:
                return nil
            }
        }
        return nil
    }
}
