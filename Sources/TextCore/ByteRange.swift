/// A half-open range of UTF-8 byte offsets, `start ..< end`, into one file's bytes.
///
/// Every layer below the LSP edge speaks in byte offsets; conversion to lines, columns and
/// UTF-16 units happens only through ``LineIndex``.
public struct ByteRange: Hashable, Sendable, Comparable, CustomStringConvertible {
    public var start: Int
    public var end: Int

    public init(start: Int, end: Int) {
        self.start = start
        self.end = max(start, end)
    }

    public init(_ range: Range<Int>) {
        self.init(start: range.lowerBound, end: range.upperBound)
    }

    /// An empty range at `offset`.
    public static func empty(at offset: Int) -> ByteRange { ByteRange(start: offset, end: offset) }

    public var length: Int { end - start }
    public var isEmpty: Bool { start == end }
    public var range: Range<Int> { start ..< end }

    public func contains(_ offset: Int) -> Bool { offset >= start && offset < end }

    /// True when `offset` is inside the range or at its end (a cursor touching the range).
    public func touches(_ offset: Int) -> Bool { offset >= start && offset <= end }

    public func contains(_ other: ByteRange) -> Bool { other.start >= start && other.end <= end }

    public func union(_ other: ByteRange) -> ByteRange {
        ByteRange(start: min(start, other.start), end: max(end, other.end))
    }

    public static func < (lhs: ByteRange, rhs: ByteRange) -> Bool {
        lhs.start != rhs.start ? lhs.start < rhs.start : lhs.end < rhs.end
    }

    public var description: String { "\(start)..<\(end)" }
}
