/// Python's `str % mapping` as alembic applies it to `[tool.alembic]` strings
/// (`value % self.toml_args`, where the mapping holds `here`).
///
/// Supported: `%%`, and `%(name)s` / `%(name)r` with optional flags, width and precision.
/// Everything Python would reject (a missing key, an incomplete or unknown conversion, a
/// numeric conversion of a string) is reported as an error, and so is an unkeyed
/// conversion such as `%s`, which Python fills with the whole mapping's `repr`.
enum PythonPercentFormat {
    /// A formatting failure, described the way Python's exception would be.
    struct Failure: Error, Hashable, Sendable {
        var message: String
    }

    static func apply(_ template: String, _ mapping: [String: String]) -> Result<String, Failure> {
        let bytes = Array(template.utf8)
        var output: [UInt8] = []
        var index = 0
        let percent = UInt8(ascii: "%")
        while index < bytes.count {
            guard let found = bytes[index...].firstIndex(of: percent) else {
                output.append(contentsOf: bytes[index...])
                break
            }
            output.append(contentsOf: bytes[index ..< found])
            var cursor = found + 1
            guard cursor < bytes.count else { return .failure(Failure(message: "ValueError: incomplete format")) }
            if bytes[cursor] == percent {
                output.append(percent)
                index = cursor + 1
                continue
            }
            var key: String?
            if bytes[cursor] == UInt8(ascii: "(") {
                // Python matches nested parentheses inside the key.
                var depth = 1
                var end = cursor + 1
                while end < bytes.count && depth > 0 {
                    if bytes[end] == UInt8(ascii: "(") { depth += 1 }
                    if bytes[end] == UInt8(ascii: ")") { depth -= 1 }
                    end += 1
                }
                guard depth == 0 else { return .failure(Failure(message: "ValueError: incomplete format key")) }
                key = String(decoding: bytes[(cursor + 1) ..< (end - 1)], as: UTF8.self)
                cursor = end
            }
            var leftAlign = false
            while cursor < bytes.count, "-+ #0".utf8.contains(bytes[cursor]) {
                if bytes[cursor] == UInt8(ascii: "-") { leftAlign = true }
                cursor += 1
            }
            var width = 0
            while cursor < bytes.count, (UInt8(ascii: "0") ... UInt8(ascii: "9")).contains(bytes[cursor]) {
                width = min(width * 10 + Int(bytes[cursor] - UInt8(ascii: "0")), 1 << 20)
                cursor += 1
            }
            var precision: Int?
            if cursor < bytes.count, bytes[cursor] == UInt8(ascii: ".") {
                cursor += 1
                var value = 0
                while cursor < bytes.count, (UInt8(ascii: "0") ... UInt8(ascii: "9")).contains(bytes[cursor]) {
                    value = min(value * 10 + Int(bytes[cursor] - UInt8(ascii: "0")), 1 << 20)
                    cursor += 1
                }
                precision = value
            }
            while cursor < bytes.count, "hlL".utf8.contains(bytes[cursor]) { cursor += 1 }
            guard cursor < bytes.count else { return .failure(Failure(message: "ValueError: incomplete format")) }
            let conversion = bytes[cursor]
            guard let key else {
                return .failure(
                    Failure(message: "an unkeyed '%' conversion formats the whole argument mapping, not a value")
                )
            }
            guard let value = mapping[key] else {
                return .failure(Failure(message: "KeyError: '\(key)' (only %(here)s is available)"))
            }
            var text: String
            switch conversion {
            case UInt8(ascii: "s"): text = value
            case UInt8(ascii: "r"), UInt8(ascii: "a"): text = "'" + value + "'"
            case UInt8(ascii: "d"), UInt8(ascii: "i"), UInt8(ascii: "o"), UInt8(ascii: "u"), UInt8(ascii: "x"),
                UInt8(ascii: "X"), UInt8(ascii: "e"), UInt8(ascii: "E"), UInt8(ascii: "f"), UInt8(ascii: "F"),
                UInt8(ascii: "g"), UInt8(ascii: "G"), UInt8(ascii: "c"):
                return .failure(
                    Failure(message: "TypeError: %\(Character(Unicode.Scalar(conversion))) format needs a number, not str")
                )
            default:
                return .failure(
                    Failure(message: "ValueError: unsupported format character at index \(cursor)")
                )
            }
            if let precision, precision < text.count { text = String(text.prefix(precision)) }
            if text.count < width {
                let padding = String(repeating: " ", count: width - text.count)
                text = leftAlign ? text + padding : padding + text
            }
            output.append(contentsOf: text.utf8)
            index = cursor + 1
        }
        return .success(String(decoding: output, as: UTF8.self))
    }
}
