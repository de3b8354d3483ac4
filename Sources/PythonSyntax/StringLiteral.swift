import TextCore

/// A string or bytes constant: one or more implicitly concatenated literal parts.
/// ``value`` is the decoded value (escapes processed, parts joined), computed on access.
public struct StringLiteral: SyntaxNode {
    public let tree: SyntaxTree
    public let index: Int32
    public init(tree: SyntaxTree, index: Int32) {
        self.tree = tree
        self.index = index
    }

    /// Each literal of the concatenation, in order.
    public var parts: NodeList<StringPart> { list(raw.a) }

    /// The decoded text (bytes literals decode as Latin-1). Lone surrogates (`"\ud800"`)
    /// become U+FFFD.
    public var value: String {
        let parts = self.parts
        if parts.count == 1, let plain = parts[0].plainASCIIValue { return plain }
        var scalars = String.UnicodeScalarView()
        for part in parts { part.decode(into: &scalars) }
        return String(scalars)
    }

    /// The decoded bytes of a bytes literal (for a string: its UTF-8 encoding).
    public var bytesValue: [UInt8] {
        var out: [UInt8] = []
        for part in parts {
            var scalars = String.UnicodeScalarView()
            part.decode(into: &scalars)
            if part.isBytes {
                for s in scalars { out.append(UInt8(truncatingIfNeeded: s.value)) }
            } else {
                out.append(contentsOf: String(scalars).utf8)
            }
        }
        return out
    }
}

/// One literal token of a string constant (`r"..."`, `'''...'''`), or the literal text
/// between replacement fields of an f-string.
public struct StringPart: SyntaxNode {
    public let tree: SyntaxTree
    public let index: Int32
    public init(tree: SyntaxTree, index: Int32) {
        self.tree = tree
        self.index = index
    }

    static let rawFlag: UInt8 = 1
    static let bytesFlag: UInt8 = 2
    static let middleFlag: UInt8 = 4

    public var isRaw: Bool { raw.flag & StringPart.rawFlag != 0 }
    public var isBytes: Bool { raw.flag & StringPart.bytesFlag != 0 }

    /// The range between the quotes (the whole range for f-string text).
    public var contentRange: ByteRange {
        let r = range
        if raw.flag & StringPart.middleFlag != 0 { return r }
        let src = tree.source
        var k = r.start
        while k < r.end && src[k] != 0x22 && src[k] != 0x27 { k += 1 }
        if k >= r.end { return ByteRange(start: r.end, end: r.end) }
        let q = src[k]
        let tripleQuoted = r.end - k >= 6 && src[k + 1] == q && src[k + 2] == q
        let qlen = tripleQuoted ? 3 : 1
        let start = k + qlen
        var end = r.end
        // An unterminated literal (after an error) has no closing quotes.
        if end - start >= qlen {
            var closed = true
            for j in 0..<qlen where src[end - 1 - j] != q { closed = false }
            if closed { end -= qlen }
        }
        return ByteRange(start: start, end: max(start, end))
    }

    /// The value of a part that needs no decoding (ASCII, no escapes, no carriage returns,
    /// no doubled f-string braces): its content bytes as they are. Nil otherwise.
    var plainASCIIValue: String? {
        let r = contentRange
        let isMiddle = raw.flag & StringPart.middleFlag != 0
        return tree.source.withUnsafeBufferPointer { src -> String? in
            let end = min(r.end, src.count)
            guard r.start <= end else { return nil }
            for k in r.start..<end {
                let c = src[k]
                if c >= 0x80 || c == 0x5C || c == 0x0D || (isMiddle && (c == 0x7B || c == 0x7D)) { return nil }
            }
            return String(decoding: UnsafeBufferPointer(rebasing: src[r.start..<end]), as: UTF8.self)
        }
    }

    /// Appends the decoded value of this part.
    func decode(into out: inout String.UnicodeScalarView) {
        tree.source.withUnsafeBufferPointer { src in decode(src, into: &out) }
    }

    private func decode(_ src: UnsafeBufferPointer<UInt8>, into out: inout String.UnicodeScalarView) {
        let r = contentRange
        let isMiddle = raw.flag & StringPart.middleFlag != 0
        let latin1 = isBytes || !tree.sourceIsUTF8
        let rawString = isRaw
        var k = r.start
        let end = min(r.end, src.count)
        @inline(__always) func put(_ v: UInt32) {
            out.append(Unicode.Scalar(v) ?? "\u{FFFD}")
        }
        while k < end {
            let c = src[k]
            if c == 0x0D {
                put(0x0A)
                k += (k + 1 < end && src[k + 1] == 0x0A) ? 2 : 1
                continue
            }
            if isMiddle && (c == 0x7B || c == 0x7D) && k + 1 < end && src[k + 1] == c {
                put(UInt32(c))
                k += 2
                continue
            }
            if c == 0x5C && !rawString && k + 1 < end {
                k = decodeEscape(src, k, end, &out)
                continue
            }
            if c < 0x80 || latin1 {
                put(UInt32(c))
                k += 1
            } else if let (scalar, len) = Lexer.decodeScalar(src, k) {
                out.append(scalar)
                k += len
            } else {
                put(0xFFFD)
                k += 1
            }
        }
    }

    /// Decodes the escape at `k` (a backslash); returns the offset after it.
    private func decodeEscape(
        _ src: UnsafeBufferPointer<UInt8>, _ k: Int, _ end: Int, _ out: inout String.UnicodeScalarView
    ) -> Int {
        let e = src[k + 1]
        @inline(__always) func put(_ v: UInt32) { out.append(Unicode.Scalar(v) ?? "\u{FFFD}") }
        func hex(_ from: Int, _ count: Int) -> UInt32? {
            if from + count > end { return nil }
            var v: UInt32 = 0
            for j in from..<from + count {
                guard Lexer.isHex(Int(src[j])) else { return nil }
                v = v &* 16 &+ UInt32(Lexer.hexValue(src[j]))
            }
            return v
        }
        switch e {
        case 0x0A: return k + 2
        case 0x0D: return (k + 2 < end && src[k + 2] == 0x0A) ? k + 3 : k + 2
        case 0x5C, 0x27, 0x22:
            put(UInt32(e))
            return k + 2
        case UInt8(ascii: "a"):
            put(7)
            return k + 2
        case UInt8(ascii: "b"):
            put(8)
            return k + 2
        case UInt8(ascii: "f"):
            put(12)
            return k + 2
        case UInt8(ascii: "n"):
            put(10)
            return k + 2
        case UInt8(ascii: "r"):
            put(13)
            return k + 2
        case UInt8(ascii: "t"):
            put(9)
            return k + 2
        case UInt8(ascii: "v"):
            put(11)
            return k + 2
        case UInt8(ascii: "0")...UInt8(ascii: "7"):
            var v: UInt32 = 0
            var j = k + 1
            while j < end && j < k + 4 && src[j] >= 0x30 && src[j] <= 0x37 {
                v = v * 8 + UInt32(src[j] - 0x30)
                j += 1
            }
            put(isBytes ? v & 0xFF : v)
            return j
        case UInt8(ascii: "x"):
            if let v = hex(k + 2, 2) {
                put(v)
                return k + 4
            }
        case UInt8(ascii: "u") where !isBytes:
            if let v = hex(k + 2, 4) {
                put(v)
                return k + 6
            }
        case UInt8(ascii: "U") where !isBytes:
            if let v = hex(k + 2, 8) {
                put(v)
                return k + 10
            }
        case UInt8(ascii: "N") where !isBytes:
            if k + 2 < end && src[k + 2] == 0x7B {
                var j = k + 3
                while j < end && src[j] != 0x7D { j += 1 }
                if j < end {
                    let name = String(decoding: UnsafeBufferPointer(rebasing: src[(k + 3)..<j]), as: UTF8.self)
                    out.append(UnicodeNames.scalar(named: name) ?? "\u{FFFD}")
                    return j + 1
                }
            }
        default:
            break
        }
        // Unknown escapes keep their backslash (Python only warns).
        put(0x5C)
        return k + 1
    }
}
