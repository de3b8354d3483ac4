/// Splits a byte stream into LSP messages (`Content-Length` headers, a `Content-Type`
/// header tolerated), recovering from garbage by skipping to the next header.
public struct MessageFramer: Sendable {
    /// One unit taken from the stream.
    public enum Frame: Equatable, Sendable {
        case message([UInt8])
        /// Bytes that could not be framed; already skipped.
        case error(String)
    }

    /// Headers longer than this are garbage.
    static let maxHeaderBytes = 8192
    /// Bodies larger than this are refused (and skipped).
    static let maxBodyBytes = 256 << 20

    private var buffer: [UInt8] = []
    private var start = 0
    /// Body bytes still to skip after a refused oversized message.
    private var skipping = 0

    public init() {}

    /// Adds bytes read from the stream.
    public mutating func append(_ bytes: some Collection<UInt8>) {
        if start > 0 && start >= buffer.count / 2 {
            buffer.removeSubrange(0 ..< start)
            start = 0
        }
        buffer.append(contentsOf: bytes)
    }

    /// Bytes received but not yet framed (at end of input: a header without its body).
    public var pendingByteCount: Int { buffer.count - start }

    /// The next complete frame, or nil when more bytes are needed.
    public mutating func next() -> Frame? {
        if skipping > 0 {
            let n = min(skipping, buffer.count - start)
            start += n
            skipping -= n
            if skipping > 0 { return nil }
        }
        guard start < buffer.count else { return nil }
        // Resynchronise: a header must start with "Content-".
        if let garbage = garbageLength() {
            start += garbage
            return .error("skipped \(garbage) bytes that are not a message header")
        }
        guard let (headerEnd, bodyStart) = headerTerminator() else {
            if buffer.count - start > Self.maxHeaderBytes {
                start += 1
                return .error("header longer than \(Self.maxHeaderBytes) bytes")
            }
            return nil
        }
        let header = String(decoding: buffer[start ..< headerEnd], as: UTF8.self)
        var length: Int?
        for line in header.split(whereSeparator: \.isNewline) {
            let parts = line.split(separator: ":", maxSplits: 1)
            guard parts.count == 2 else { continue }
            if parts[0].trimmingSpaces.lowercased() == "content-length" { length = Int(parts[1].trimmingSpaces) }
        }
        guard let length, length >= 0 else {
            start = bodyStart
            return .error("message header without a valid Content-Length: \(header.debugDescription)")
        }
        if length > Self.maxBodyBytes {
            start = bodyStart
            skipping = length
            return .error("message of \(length) bytes refused (limit \(Self.maxBodyBytes))")
        }
        guard buffer.count - bodyStart >= length else { return nil }
        let body = Array(buffer[bodyStart ..< bodyStart + length])
        start = bodyStart + length
        return .message(body)
    }

    /// How many bytes before the next plausible header, when the buffer does not start with one.
    private func garbageLength() -> Int? {
        let prefix = Array("content-".utf8)
        func matches(at i: Int) -> Bool? {
            var k = 0
            while k < prefix.count {
                guard i + k < buffer.count else { return nil }
                let b = buffer[i + k] | (buffer[i + k] >= 0x41 && buffer[i + k] <= 0x5A ? 0x20 : 0)
                if b != prefix[k] { return false }
                k += 1
            }
            return true
        }
        // Leading blank lines are tolerated.
        var i = start
        while i < buffer.count, buffer[i] == 0x0D || buffer[i] == 0x0A { i += 1 }
        if i == buffer.count { return i > start ? i - start : nil }
        if matches(at: i) != false { return i > start ? i - start : nil }
        var j = i + 1
        while j < buffer.count {
            if buffer[j] == UInt8(ascii: "C") || buffer[j] == UInt8(ascii: "c"), matches(at: j) != false { return j - start }
            j += 1
        }
        return buffer.count - start
    }

    /// The end of the header and the start of the body (`\r\n\r\n`, or `\n\n`).
    private func headerTerminator() -> (Int, Int)? {
        var i = start
        let limit = min(buffer.count, start + Self.maxHeaderBytes + 4)
        while i < limit {
            if buffer[i] == 0x0A {
                if i + 1 < buffer.count, buffer[i + 1] == 0x0A { return (i, i + 2) }
                if i + 2 < buffer.count, buffer[i + 1] == 0x0D, buffer[i + 2] == 0x0A { return (i, i + 3) }
            }
            i += 1
        }
        return nil
    }
}

extension Substring {
    var trimmingSpaces: Substring {
        var s = self
        while let first = s.first, first == " " || first == "\t" { s = s.dropFirst() }
        while let last = s.last, last == " " || last == "\t" { s = s.dropLast() }
        return s
    }
}
