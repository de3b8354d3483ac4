/// A zero-based line and column. The unit of `column` depends on the call that produced it:
/// UTF-8 bytes, UTF-16 code units or Unicode scalars.
public struct LineColumn: Hashable, Sendable, CustomStringConvertible {
    public var line: Int
    public var column: Int

    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    public var description: String { "\(line):\(column)" }
}

/// The unit a column is counted in, as negotiated by LSP's `positionEncodings`.
public enum PositionEncoding: String, Sendable, CaseIterable {
    case utf8 = "utf-8"
    case utf16 = "utf-16"
    case utf32 = "utf-32"
}

/// Maps UTF-8 byte offsets to lines and columns and back.
///
/// Line breaks are `\n`, `\r\n` and a lone `\r`, as Python's tokenizer and LSP both count them.
/// Every conversion clamps out-of-range input instead of trapping.
public struct LineIndex: Sendable {
    /// Byte offset at which each line starts; `lineStarts[0] == 0`.
    public let lineStarts: [Int]
    private let bytes: [UInt8]

    public init(_ bytes: [UInt8]) {
        self.bytes = bytes
        var starts = [0]
        starts.reserveCapacity(bytes.count / 32 + 1)
        bytes.withUnsafeBufferPointer { buf in
            var i = 0
            let n = buf.count
            while i < n {
                let b = buf[i]
                if b == 0x0A {
                    starts.append(i + 1)
                } else if b == 0x0D {
                    if i + 1 < n && buf[i + 1] == 0x0A { i += 1 }
                    starts.append(i + 1)
                }
                i += 1
            }
        }
        lineStarts = starts
    }

    public init(_ text: String) { self.init(Array(text.utf8)) }

    public var lineCount: Int { lineStarts.count }
    public var byteCount: Int { bytes.count }

    /// The zero-based line containing `offset` (clamped to the text).
    public func line(of offset: Int) -> Int {
        let offset = min(max(offset, 0), bytes.count)
        var lo = 0
        var hi = lineStarts.count - 1
        while lo < hi {
            let mid = (lo + hi + 1) / 2
            if lineStarts[mid] <= offset { lo = mid } else { hi = mid - 1 }
        }
        return lo
    }

    /// The byte range of a line without its line break (clamped).
    public func lineRange(_ line: Int) -> ByteRange {
        let line = min(max(line, 0), lineStarts.count - 1)
        let start = lineStarts[line]
        var end = line + 1 < lineStarts.count ? lineStarts[line + 1] : bytes.count
        while end > start && (bytes[end - 1] == 0x0A || bytes[end - 1] == 0x0D) { end -= 1 }
        return ByteRange(start: start, end: end)
    }

    /// Line and column of `offset`, the column in `encoding` units.
    public func position(of offset: Int, encoding: PositionEncoding = .utf8) -> LineColumn {
        let offset = min(max(offset, 0), bytes.count)
        let line = line(of: offset)
        let start = lineStarts[line]
        switch encoding {
        case .utf8:
            return LineColumn(line: line, column: offset - start)
        case .utf16, .utf32:
            var column = 0
            var i = start
            while i < offset {
                let b = bytes[i]
                let width = Self.sequenceLength(b)
                if encoding == .utf16 && width == 4 { column += 2 } else { column += 1 }
                i += width
            }
            return LineColumn(line: line, column: column)
        }
    }

    /// Byte offset of a line and column given in `encoding` units. A column past the end of
    /// the line clamps to the line end; a line past the end clamps to the end of the text.
    public func offset(of position: LineColumn, encoding: PositionEncoding = .utf8) -> Int {
        if position.line < 0 { return 0 }
        if position.line >= lineStarts.count { return bytes.count }
        let range = lineRange(position.line)
        let wanted = max(position.column, 0)
        switch encoding {
        case .utf8:
            var offset = min(range.start + wanted, range.end)
            // Never land inside a multi-byte sequence.
            while offset > range.start && offset < bytes.count && (bytes[offset] & 0xC0) == 0x80 { offset -= 1 }
            return offset
        case .utf16, .utf32:
            var column = 0
            var i = range.start
            while i < range.end {
                let width = Self.sequenceLength(bytes[i])
                let units = (encoding == .utf16 && width == 4) ? 2 : 1
                if column + units > wanted { break }
                column += units
                i += width
            }
            return min(i, range.end)
        }
    }

    /// Length of the UTF-8 sequence introduced by `lead` (1 for invalid lead bytes, so
    /// iteration always progresses).
    @inline(__always)
    static func sequenceLength(_ lead: UInt8) -> Int {
        if lead < 0x80 { return 1 }
        if lead >= 0xF0 { return 4 }
        if lead >= 0xE0 { return 3 }
        if lead >= 0xC0 { return 2 }
        return 1
    }
}
