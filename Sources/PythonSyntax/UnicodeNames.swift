/// Look-up of Unicode character names for `\N{...}` escapes, built lazily on first use.
enum UnicodeNames {
    private static let table: [String: Unicode.Scalar] = {
        var table: [String: Unicode.Scalar] = [:]
        table.reserveCapacity(160_000)
        var v: UInt32 = 0
        while v <= 0x10FFFF {
            if let scalar = Unicode.Scalar(v) {
                let props = scalar.properties
                if let name = props.name { table[name] = scalar }
                if let alias = props.nameAlias, table[alias] == nil { table[alias] = scalar }
            }
            v += 1
        }
        return table
    }()

    /// The scalar named `name` (case-insensitive), as `unicodedata.lookup` finds it.
    static func scalar(named name: String) -> Unicode.Scalar? {
        table[name.uppercased()]
    }
}
