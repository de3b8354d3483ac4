import TextCore

/// One `key = value` (or `key: value`) entry of an ``IniSection``.
public struct IniEntry: Hashable, Sendable {
    /// The key after `optionxform` (lowercased, trailing space removed).
    public var key: String
    /// The byte range of the key as written.
    public var keyRange: ByteRange
    /// The raw value: the first line's value and every continuation line, each stripped,
    /// joined with `\n`, trailing whitespace removed — exactly what `configparser` stores.
    public var value: String
    /// The byte range from the first value byte to the end of the last non-empty value line;
    /// empty (positioned after the delimiter) when the value is empty.
    public var valueRange: ByteRange
    /// The byte range of each stored value line (first line's value, then continuations);
    /// the `n`-th element corresponds to the `n`-th line of ``value``.
    public var lineRanges: [ByteRange]

    /// Creates an entry.
    public init(key: String, keyRange: ByteRange, value: String, valueRange: ByteRange, lineRanges: [ByteRange]) {
        self.key = key
        self.keyRange = keyRange
        self.value = value
        self.valueRange = valueRange
        self.lineRanges = lineRanges
    }

    /// The whole entry, key through the last value byte.
    public var range: ByteRange { keyRange.union(valueRange) }
}
