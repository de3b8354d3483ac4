/// Converts between `file:` URIs and file-system paths (percent-escapes, spaces).
public enum URIPath {
    /// The path of a `file:` URI; nil for other schemes.
    public static func path(fromURI uri: String) -> String? {
        let bytes = Array(uri.utf8)
        let scheme = Array("file://".utf8)
        guard bytes.count >= scheme.count,
              bytes[0 ..< scheme.count].map({ $0 | 0x20 }) == scheme.map({ $0 | 0x20 }) || Array(bytes[0 ..< scheme.count]) == scheme
        else { return nil }
        var rest = Array(bytes[scheme.count...])
        // An authority (`file://localhost/x`) before the path.
        if let slash = rest.firstIndex(of: UInt8(ascii: "/")), slash > 0 { rest.removeSubrange(0 ..< slash) }
        if let query = rest.firstIndex(where: { $0 == UInt8(ascii: "?") || $0 == UInt8(ascii: "#") }) { rest.removeSubrange(query...) }
        var out: [UInt8] = []
        out.reserveCapacity(rest.count)
        var i = 0
        while i < rest.count {
            if rest[i] == UInt8(ascii: "%"), i + 2 < rest.count, let hi = hex(rest[i + 1]), let lo = hex(rest[i + 2]) {
                out.append(hi << 4 | lo)
                i += 3
            } else {
                out.append(rest[i])
                i += 1
            }
        }
        guard !out.isEmpty else { return nil }
        var path = String(decoding: out, as: UTF8.self)
        while path.count > 1 && path.hasSuffix("/") { path.removeLast() }
        return path
    }

    /// A `file:` URI for `path`, percent-encoding everything but unreserved characters and `/`.
    public static func uri(fromPath path: String) -> String {
        var out = "file://"
        for byte in path.utf8 {
            switch byte {
            case UInt8(ascii: "a") ... UInt8(ascii: "z"), UInt8(ascii: "A") ... UInt8(ascii: "Z"), UInt8(ascii: "0") ... UInt8(ascii: "9"),
                 UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"), UInt8(ascii: "/"):
                out.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                let digits = Array("0123456789ABCDEF".utf8)
                out += "%" + String(decoding: [digits[Int(byte >> 4)], digits[Int(byte & 15)]], as: UTF8.self)
            }
        }
        return out
    }

    private static func hex(_ b: UInt8) -> UInt8? {
        switch b {
        case UInt8(ascii: "0") ... UInt8(ascii: "9"): b - UInt8(ascii: "0")
        case UInt8(ascii: "a") ... UInt8(ascii: "f"): b - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A") ... UInt8(ascii: "F"): b - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}
