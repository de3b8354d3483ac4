/// Byte-level helpers reproducing Python's `str.isspace`/`str.strip` on UTF-8 text, so
/// parsing over `[UInt8]` agrees with `configparser`, which works on decoded `str`.
enum PythonText {
    /// The byte length of the Python whitespace character starting at `index`, or 0.
    ///
    /// Covers every code point for which `str.isspace()` is true: ASCII `\t\n\v\f\r`,
    /// `\x1c`–`\x1f`, space, and U+0085, U+00A0, U+1680, U+2000–U+200A, U+2028, U+2029,
    /// U+202F, U+205F, U+3000.
    static func spaceLength(_ bytes: [UInt8], _ index: Int, end: Int) -> Int {
        guard index < end else { return 0 }
        let byte = bytes[index]
        if byte == 0x20 || (0x09 ... 0x0D).contains(byte) || (0x1C ... 0x1F).contains(byte) { return 1 }
        if byte < 0x80 { return 0 }
        if byte == 0xC2, index + 1 < end {
            let next = bytes[index + 1]
            return next == 0x85 || next == 0xA0 ? 2 : 0
        }
        guard index + 2 < end else { return 0 }
        let second = bytes[index + 1]
        let third = bytes[index + 2]
        switch byte {
        case 0xE1: return second == 0x9A && third == 0x80 ? 3 : 0
        case 0xE2:
            if second == 0x80 && ((0x80 ... 0x8A).contains(third) || third == 0xA8 || third == 0xA9 || third == 0xAF) {
                return 3
            }
            return second == 0x81 && third == 0x9F ? 3 : 0
        case 0xE3: return second == 0x80 && third == 0x80 ? 3 : 0
        default: return 0
        }
    }

    /// The range left after Python's `strip()` of `bytes[start..<end]`.
    static func strip(_ bytes: [UInt8], _ start: Int, _ end: Int) -> (start: Int, end: Int) {
        var lower = start
        while lower < end {
            let length = spaceLength(bytes, lower, end: end)
            if length == 0 { break }
            lower += length
        }
        var upper = end
        while upper > lower {
            // Find the start of the last code point before `upper`.
            var begin = upper - 1
            while begin > lower && (bytes[begin] & 0xC0) == 0x80 { begin -= 1 }
            let length = spaceLength(bytes, begin, end: upper)
            if length == 0 || begin + length != upper { break }
            upper = begin
        }
        return (lower, upper)
    }

    /// Number of code points of leading whitespace in `bytes[start..<end]` (Python's
    /// `NONSPACECRE.search(line).start()`, which counts characters, not bytes).
    static func indentWidth(_ bytes: [UInt8], _ start: Int, _ end: Int) -> Int {
        var index = start
        var width = 0
        while index < end {
            let length = spaceLength(bytes, index, end: end)
            if length == 0 { break }
            index += length
            width += 1
        }
        return width
    }

    /// Offset of the first invalid UTF-8 sequence, or nil when `bytes` is valid UTF-8
    /// (what Python's strict `utf-8` decoder accepts: no overlongs, no surrogates, ≤ U+10FFFF).
    static func firstInvalidUTF8(_ bytes: [UInt8]) -> Int? {
        var index = 0
        let count = bytes.count
        while index < count {
            let byte = bytes[index]
            if byte < 0x80 {
                index += 1
                continue
            }
            let length: Int
            var lowerSecond: UInt8 = 0x80
            var upperSecond: UInt8 = 0xBF
            switch byte {
            case 0xC2 ... 0xDF: length = 2
            case 0xE0:
                length = 3
                lowerSecond = 0xA0
            case 0xE1 ... 0xEC, 0xEE ... 0xEF: length = 3
            case 0xED:
                length = 3
                upperSecond = 0x9F
            case 0xF0:
                length = 4
                lowerSecond = 0x90
            case 0xF1 ... 0xF3: length = 4
            case 0xF4:
                length = 4
                upperSecond = 0x8F
            default: return index
            }
            guard index + length <= count else { return index }
            let second = bytes[index + 1]
            guard second >= lowerSecond && second <= upperSecond else { return index }
            for offset in 2 ..< max(2, length) where (bytes[index + offset] & 0xC0) != 0x80 {
                return index
            }
            index += length
        }
        return nil
    }
}

extension String {
    /// Python's `str.strip()`.
    func trimmingPythonSpace() -> String {
        let bytes = Array(utf8)
        let (start, end) = PythonText.strip(bytes, 0, bytes.count)
        return String(decoding: bytes[start ..< end], as: UTF8.self)
    }
}
