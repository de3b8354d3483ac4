import TextCore

/// Reads the header that alembic's `script.py.mako` writes into a migration's docstring:
///
///     """add users table
///
///     Revision ID: 1975ea83b712
///     Revises: 3c2a1f0e9b7d, 8d7f6e5c4b3a
///     Create Date: 2026-01-01 12:00:00.000000
///
///     """
///
/// Alembic itself never reads these lines; they can silently disagree with the variables.
enum DocstringFacts {
    /// - Parameters:
    ///   - value: the docstring's decoded value.
    ///   - contentStart: byte offset of the first content byte in the file when the literal's
    ///     raw bytes equal its value (no escapes), so ranges can point inside it; otherwise nil
    ///     and every range is the whole literal.
    ///   - literalRange: the docstring literal's range.
    static func parse(value: String, contentStart: Int?, literalRange: ByteRange) -> MigrationDocstring {
        let bytes = Array(value.utf8)
        var message: String?
        var revisionID: StringItem?
        var revises: [StringItem]?
        var revisesRange: ByteRange?
        var createDate: String?

        func range(_ start: Int, _ end: Int) -> ByteRange {
            guard let base = contentStart else { return literalRange }
            return ByteRange(start: base + start, end: base + end)
        }

        // Alembic's `Script.doc`: the stripped docstring up to the first blank line.
        let stripped = Array(value.trimmingPythonSpace().utf8)
        if !stripped.isEmpty {
            var end = stripped.count
            var k = 0
            while k + 1 < stripped.count {
                if stripped[k] == 0x0A && stripped[k + 1] == 0x0A { end = k; break }
                k += 1
            }
            message = String(decoding: stripped[..<end], as: UTF8.self)
        }

        var lineStart = 0
        while lineStart <= bytes.count {
            var lineEnd = lineStart
            while lineEnd < bytes.count && bytes[lineEnd] != 0x0A && bytes[lineEnd] != 0x0D { lineEnd += 1 }
            // Trim leading spaces of the line.
            var s = lineStart
            while s < lineEnd && (bytes[s] == 0x20 || bytes[s] == 0x09) { s += 1 }
            var e = lineEnd
            while e > s && (bytes[e - 1] == 0x20 || bytes[e - 1] == 0x09) { e -= 1 }
            if let valueStart = Self.value(after: "Revision ID:", in: bytes, from: s, to: e) {
                let text = String(decoding: bytes[valueStart ..< e], as: UTF8.self)
                revisionID = StringItem(value: text, range: range(valueStart, e))
            } else if let valueStart = Self.value(after: "Revises:", in: bytes, from: s, to: e) {
                var items: [StringItem] = []
                var i = valueStart
                while i < e {
                    while i < e && (bytes[i] == 0x20 || bytes[i] == 0x2C || bytes[i] == 0x09) { i += 1 }
                    let start = i
                    while i < e && bytes[i] != 0x2C && bytes[i] != 0x20 && bytes[i] != 0x09 { i += 1 }
                    if i > start {
                        items.append(StringItem(value: String(decoding: bytes[start ..< i], as: UTF8.self), range: range(start, i)))
                    }
                }
                revises = items
                revisesRange = range(valueStart, e)
            } else if let valueStart = Self.value(after: "Create Date:", in: bytes, from: s, to: e) {
                createDate = String(decoding: bytes[valueStart ..< e], as: UTF8.self)
            }
            if lineEnd >= bytes.count { break }
            lineStart = lineEnd + ((bytes[lineEnd] == 0x0D && lineEnd + 1 < bytes.count && bytes[lineEnd + 1] == 0x0A) ? 2 : 1)
        }
        return MigrationDocstring(
            message: message, revisionID: revisionID, revises: revises, revisesRange: revisesRange,
            createDate: createDate, range: literalRange, value: value)
    }

    /// If the line `bytes[from..<to]` starts with `label`, the offset where its value starts
    /// (after spaces).
    private static func value(after label: String, in bytes: [UInt8], from: Int, to: Int) -> Int? {
        let l = Array(label.utf8)
        guard to - from >= l.count, Array(bytes[from ..< from + l.count]) == l else { return nil }
        var i = from + l.count
        while i < to && (bytes[i] == 0x20 || bytes[i] == 0x09) { i += 1 }
        return i
    }
}
