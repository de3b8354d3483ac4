/// Python's `format % arguments` for strings and integers: used for alembic's
/// `file_template % {...}`, for `"%s_upgrades" % name` in templates and for the
/// `[tool.alembic]` strings alembic formats with `here` (`value % self.toml_args`).
///
/// Supported: `%%`, `%(key)X` with a mapping, `%X` with positional values, the flags
/// `-+ #0`, width and precision, and the conversions `s r a d i u x X o`. Everything else is
/// a failure message worded like Python's exception.
enum PercentFormatter {
    /// The right operand of `%`.
    enum Arguments {
        case positional([MakoValue])
        case mapping([String: MakoValue])
    }

    /// A formatting failure, worded like Python's exception.
    struct Failure: Error, Hashable {
        var message: String
    }

    static func apply(_ format: String, _ arguments: Arguments) -> Result<String, Failure> {
        let bytes = Array(format.utf8)
        var output: [UInt8] = []
        var index = 0
        var nextPositional = 0
        let percent = UInt8(ascii: "%")
        while index < bytes.count {
            guard let found = bytes[index...].firstIndex(of: percent) else {
                output.append(contentsOf: bytes[index...])
                break
            }
            output.append(contentsOf: bytes[index..<found])
            var cursor = found + 1
            guard cursor < bytes.count else { return .failure(Failure(message: "ValueError: incomplete format")) }
            if bytes[cursor] == percent {
                output.append(percent)
                index = cursor + 1
                continue
            }
            var key: String?
            if bytes[cursor] == UInt8(ascii: "(") {
                var depth = 1
                var end = cursor + 1
                while end < bytes.count && depth > 0 {
                    if bytes[end] == UInt8(ascii: "(") { depth += 1 }
                    if bytes[end] == UInt8(ascii: ")") { depth -= 1 }
                    end += 1
                }
                guard depth == 0 else { return .failure(Failure(message: "ValueError: incomplete format key")) }
                key = String(decoding: bytes[(cursor + 1)..<(end - 1)], as: UTF8.self)
                cursor = end
            }
            var flags = Set<UInt8>()
            while cursor < bytes.count, "-+ #0".utf8.contains(bytes[cursor]) {
                flags.insert(bytes[cursor])
                cursor += 1
            }
            var width = 0
            while cursor < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[cursor]) {
                width = min(width * 10 + Int(bytes[cursor] - UInt8(ascii: "0")), 1 << 16)
                cursor += 1
            }
            var precision: Int?
            if cursor < bytes.count, bytes[cursor] == UInt8(ascii: ".") {
                cursor += 1
                var value = 0
                while cursor < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[cursor]) {
                    value = min(value * 10 + Int(bytes[cursor] - UInt8(ascii: "0")), 1 << 16)
                    cursor += 1
                }
                precision = value
            }
            while cursor < bytes.count, "hlL".utf8.contains(bytes[cursor]) { cursor += 1 }
            guard cursor < bytes.count else { return .failure(Failure(message: "ValueError: incomplete format")) }
            let conversion = Character(Unicode.Scalar(bytes[cursor]))
            let value: MakoValue
            switch arguments {
            case .mapping(let mapping):
                guard let key else { return .failure(Failure(message: "TypeError: format requires a mapping key for every conversion")) }
                guard let found = mapping[key] else { return .failure(Failure(message: "KeyError: '\(key)'")) }
                value = found
            case .positional(let values):
                if key != nil { return .failure(Failure(message: "TypeError: format requires a mapping")) }
                guard nextPositional < values.count else { return .failure(Failure(message: "TypeError: not enough arguments for format string")) }
                value = values[nextPositional]
                nextPositional += 1
            }
            switch convert(value, conversion, flags: flags, precision: precision) {
            case .failure(let failure):
                return .failure(Failure(message: failure.message + " (at index \(cursor))"))
            case .success(var text):
                let length = text.unicodeScalars.count
                if length < width {
                    let padding = width - length
                    if flags.contains(UInt8(ascii: "-")) {
                        text += String(repeating: " ", count: padding)
                    } else if flags.contains(UInt8(ascii: "0")) && "diuxXo".contains(conversion) {
                        let signed = text.hasPrefix("-") || text.hasPrefix("+") || text.hasPrefix(" ")
                        let sign = signed ? String(text.prefix(1)) : ""
                        text = sign + String(repeating: "0", count: padding) + String(text.dropFirst(sign.count))
                    } else {
                        text = String(repeating: " ", count: padding) + text
                    }
                }
                output.append(contentsOf: text.utf8)
            }
            index = cursor + 1
        }
        if case .positional(let values) = arguments, nextPositional < values.count {
            return .failure(Failure(message: "TypeError: not all arguments converted during string formatting"))
        }
        return .success(String(decoding: output, as: UTF8.self))
    }

    private static func convert(
        _ value: MakoValue, _ conversion: Character, flags: Set<UInt8>, precision: Int?
    ) -> Result<String, Failure> {
        switch conversion {
        case "s", "r", "a":
            guard var text = conversion == "s" ? value.pythonStr : value.pythonRepr else {
                return .failure(Failure(message: "cannot format a \(value.typeName) value"))
            }
            if let precision, precision < text.unicodeScalars.count {
                text = String(String.UnicodeScalarView(text.unicodeScalars.prefix(precision)))
            }
            return .success(text)
        case "d", "i", "u", "x", "X", "o":
            let number: Int
            switch value {
            case .int(let value): number = value
            case .bool(let value): number = value ? 1 : 0
            default: return .failure(Failure(message: "TypeError: %\(conversion) format: a real number is required, not \(value.typeName)"))
            }
            let radix = conversion == "x" || conversion == "X" ? 16 : conversion == "o" ? 8 : 10
            var digits = String(number.magnitude, radix: radix, uppercase: conversion == "X")
            if let precision, digits.count < precision {
                digits = String(repeating: "0", count: precision - digits.count) + digits
            }
            if flags.contains(UInt8(ascii: "#")) && radix != 10 {
                digits = (radix == 8 ? "0o" : conversion == "X" ? "0X" : "0x") + digits
            }
            let sign = number < 0 ? "-" : flags.contains(UInt8(ascii: "+")) ? "+" : flags.contains(UInt8(ascii: " ")) ? " " : ""
            return .success(sign + digits)
        default:
            return .failure(Failure(message: "ValueError: unsupported format character '\(conversion)'"))
        }
    }
}
