import TextCore

/// Finds byte ranges of `[tool.alembic]` keys and values in a `pyproject.toml`.
///
/// TOMLKit (toml++) parses the document but does not expose source positions, so this
/// lexical pass only *locates* values for diagnostics: it follows table headers, dotted
/// keys, strings (all four kinds), comments and bracket nesting. The values themselves
/// always come from TOMLKit.
struct TomlValueLocator {
    /// Where one `[tool.alembic]` key sits in the file.
    struct Location: Hashable, Sendable {
        var keyRange: ByteRange
        var valueRange: ByteRange
        /// For an array value, the range of each top-level element in order.
        var elementRanges: [ByteRange]
    }

    private(set) var tableRange: ByteRange?
    private(set) var locations: [String: Location] = [:]

    private let bytes: [UInt8]
    private var index = 0

    init(bytes: [UInt8]) {
        self.bytes = bytes
        scan()
    }

    private mutating func scan() {
        var table: [String] = []
        var inArrayTable = false
        while index < bytes.count {
            skipBlank()
            guard index < bytes.count else { break }
            let byte = bytes[index]
            if byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r") {
                index += 1
            } else if byte == UInt8(ascii: "#") {
                skipToLineEnd()
            } else if byte == UInt8(ascii: "[") {
                let start = index
                let isArray = index + 1 < bytes.count && bytes[index + 1] == UInt8(ascii: "[")
                index += isArray ? 2 : 1
                let path = readKeyPath()
                skipToLineEnd()
                table = path
                inArrayTable = isArray
                if !isArray && path == ["tool", "alembic"] && tableRange == nil {
                    tableRange = ByteRange(start: start, end: index)
                }
            } else {
                let keyStart = index
                let key = readKeyPath()
                let keyEnd = lastNonBlank(before: index)
                skipBlank()
                guard index < bytes.count, bytes[index] == UInt8(ascii: "=") else {
                    skipToLineEnd()
                    continue
                }
                index += 1
                skipBlank()
                let valueStart = index
                let elements = skipValue()
                let location = Location(
                    keyRange: ByteRange(start: keyStart, end: keyEnd),
                    valueRange: ByteRange(start: valueStart, end: index), elementRanges: elements
                )
                let full = table + key
                if !inArrayTable, full.count == 3, full[0] == "tool", full[1] == "alembic", locations[full[2]] == nil {
                    locations[full[2]] = location
                } else if !inArrayTable, full == ["tool", "alembic"], tableRange == nil {
                    tableRange = location.valueRange
                }
                skipToLineEnd()
            }
        }
    }

    private func lastNonBlank(before end: Int) -> Int {
        var position = end
        while position > 0, bytes[position - 1] == UInt8(ascii: " ") || bytes[position - 1] == UInt8(ascii: "\t") {
            position -= 1
        }
        return position
    }

    private mutating func skipBlank() {
        while index < bytes.count, bytes[index] == UInt8(ascii: " ") || bytes[index] == UInt8(ascii: "\t") {
            index += 1
        }
    }

    private mutating func skipToLineEnd() {
        while index < bytes.count, bytes[index] != UInt8(ascii: "\n") { index += 1 }
    }

    /// Reads a dotted key (bare or quoted parts) up to `]`, `=` or the line end.
    private mutating func readKeyPath() -> [String] {
        var parts: [String] = []
        var current: [UInt8] = []
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
                let start = index
                skipString()
                let inner = bytes[min(start + 1, index) ..< max(start + 1, index - 1)]
                current.append(contentsOf: inner)
                continue
            }
            if byte == UInt8(ascii: "]") || byte == UInt8(ascii: "=") || byte == UInt8(ascii: "\n") {
                break
            }
            if byte == UInt8(ascii: ".") {
                parts.append(String(decoding: current, as: UTF8.self))
                current = []
            } else if byte != UInt8(ascii: " ") && byte != UInt8(ascii: "\t") {
                current.append(byte)
            }
            index += 1
        }
        parts.append(String(decoding: current, as: UTF8.self))
        if index < bytes.count, bytes[index] == UInt8(ascii: "]") { index += 1 }
        return parts
    }

    /// Skips one value (string, array, inline table, or scalar); returns top-level array
    /// element ranges when the value is an array.
    private mutating func skipValue() -> [ByteRange] {
        guard index < bytes.count else { return [] }
        let first = bytes[index]
        if first == UInt8(ascii: "\"") || first == UInt8(ascii: "'") {
            skipString()
            return []
        }
        if first == UInt8(ascii: "[") || first == UInt8(ascii: "{") {
            var depth = 0
            var elements: [ByteRange] = []
            var elementStart: Int?
            while index < bytes.count {
                let byte = bytes[index]
                if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
                    let start = index
                    skipString()
                    if depth == 1 && first == UInt8(ascii: "[") && elementStart == nil { elementStart = start }
                    continue
                }
                if byte == UInt8(ascii: "#") {
                    skipToLineEnd()
                    continue
                }
                if byte == UInt8(ascii: "[") || byte == UInt8(ascii: "{") {
                    if depth == 1 && elementStart == nil { elementStart = index }
                    depth += 1
                } else if byte == UInt8(ascii: "]") || byte == UInt8(ascii: "}") {
                    depth -= 1
                    if depth == 0 {
                        if let start = elementStart { elements.append(trimmed(start, index)) }
                        index += 1
                        break
                    }
                } else if byte == UInt8(ascii: ",") && depth == 1 {
                    if let start = elementStart { elements.append(trimmed(start, index)) }
                    elementStart = nil
                } else if depth == 1 && elementStart == nil && !isBlankOrNewline(byte) {
                    elementStart = index
                }
                index += 1
            }
            return first == UInt8(ascii: "[") ? elements : []
        }
        while index < bytes.count, bytes[index] != UInt8(ascii: "\n"), bytes[index] != UInt8(ascii: "#") {
            index += 1
        }
        index = lastNonBlank(before: index)
        return []
    }

    private func isBlankOrNewline(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r")
    }

    private func trimmed(_ start: Int, _ end: Int) -> ByteRange {
        var upper = end
        while upper > start, isBlankOrNewline(bytes[upper - 1]) { upper -= 1 }
        return ByteRange(start: start, end: upper)
    }

    /// Skips a basic, literal or multi-line string starting at `index`.
    private mutating func skipString() {
        let quote = bytes[index]
        let isTriple = index + 2 < bytes.count && bytes[index + 1] == quote && bytes[index + 2] == quote
        if isTriple {
            index += 3
            while index < bytes.count {
                if bytes[index] == UInt8(ascii: "\\") && quote == UInt8(ascii: "\"") {
                    index += 2
                    continue
                }
                if index + 2 < bytes.count, bytes[index] == quote, bytes[index + 1] == quote, bytes[index + 2] == quote {
                    index += 3
                    // Up to two extra quotes may close a multi-line string.
                    while index < bytes.count, bytes[index] == quote { index += 1 }
                    return
                }
                index += 1
            }
            index = min(index, bytes.count)
            return
        }
        index += 1
        while index < bytes.count, bytes[index] != quote, bytes[index] != UInt8(ascii: "\n") {
            if bytes[index] == UInt8(ascii: "\\") && quote == UInt8(ascii: "\"") { index += 1 }
            index += 1
        }
        if index < bytes.count, bytes[index] == quote { index += 1 }
        index = min(index, bytes.count)
    }
}
