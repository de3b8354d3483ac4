import Foundation
#if canImport(Glibc)
    import Glibc

    private let systemRead = Glibc.read
#elseif canImport(Darwin)
    import Darwin

    private let systemRead = Darwin.read
#endif
import TextCore

/// Reads source files as bytes and decides whether they can be analysed as Python text.
public enum SourceReader {
    /// Files larger than this are not analysed: real migrations are kilobytes, and a file of
    /// this size is generated data that would only slow every keystroke down.
    public static let maxFileBytes = 16 << 20

    public enum Outcome: Sendable {
        case bytes([UInt8])
        case failed(ReadError)
    }

    /// Reads `path` with one `open`, one `fstat` and as few `read`s as the size needs; I/O
    /// errors, directories and oversized files become ``ReadError`` values.
    public static func read(_ path: String) -> Outcome {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else {
            let code = errno
            let reason = code == ENOENT ? "the file does not exist (a dangling symbolic link?)" : "the file cannot be opened: \(String(cString: strerror(code)))"
            return .failed(ReadError(message: reason, range: .empty(at: 0)))
        }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else {
            return .failed(ReadError(message: "the file cannot be read: \(String(cString: strerror(errno)))", range: .empty(at: 0)))
        }
        if (info.st_mode & S_IFMT) == S_IFDIR {
            return .failed(ReadError(message: "the path is a directory", range: .empty(at: 0)))
        }
        let size = Int(info.st_size)
        if size > maxFileBytes {
            return .failed(ReadError(message: "the file is \(size) bytes, larger than the \(maxFileBytes >> 20) MiB limit; not analysed", range: .empty(at: 0)))
        }
        // Regular files report their size; others (pipes, /proc) grow as they are read.
        var bytes = [UInt8](repeating: 0, count: max(size, 0) + 1)
        var count = 0
        while true {
            if count == bytes.count {
                if count > maxFileBytes {
                    return .failed(ReadError(message: "the file is larger than the \(maxFileBytes >> 20) MiB limit; not analysed", range: .empty(at: 0)))
                }
                bytes.append(contentsOf: repeatElement(0, count: max(4096, count)))
            }
            let n = bytes.withUnsafeMutableBytes { buffer in
                systemRead(fd, buffer.baseAddress.map { $0 + count }, buffer.count - count)
            }
            if n < 0 {
                if errno == EINTR { continue }
                return .failed(ReadError(message: "the file cannot be read: \(String(cString: strerror(errno)))", range: .empty(at: 0)))
            }
            if n == 0 { break }
            count += n
            // A regular file that delivered its whole size is done: skip the read of EOF.
            if (info.st_mode & S_IFMT) == S_IFREG && count == size && size > 0 { break }
        }
        bytes.removeSubrange(count...)
        return .bytes(bytes)
    }

    /// A reason the bytes are not Python source text alembic could import: a NUL byte
    /// (a binary file) or bytes that are not UTF-8 when no other encoding is declared.
    public static func decodingProblem(_ bytes: [UInt8]) -> ReadError? {
        let (nul, allASCII) = bytes.withUnsafeBufferPointer { buffer -> (Int?, Bool) in
            var high: UInt8 = 0
            for (i, b) in buffer.enumerated() {
                if b == 0 { return (i, false) }
                high |= b
            }
            return (nil, high < 0x80)
        }
        if let nul {
            return ReadError(message: "the file contains a NUL byte: it is binary, not Python source", range: ByteRange(start: nul, end: nul + 1))
        }
        if allASCII || declaresNonUTF8Encoding(bytes) { return nil }
        if let bad = PythonText.firstInvalidUTF8(bytes) {
            return ReadError(message: "the file is not valid UTF-8 (byte 0x\(String(bytes[bad], radix: 16, uppercase: true)) at offset \(bad)) and declares no other encoding", range: ByteRange(start: bad, end: bad + 1))
        }
        return nil
    }

    /// PEP 263: a `coding[:=]` comment on one of the first two lines naming something other
    /// than UTF-8.
    static func declaresNonUTF8Encoding(_ bytes: [UInt8]) -> Bool {
        var lineStart = 0
        for _ in 0 ..< 2 {
            guard lineStart < bytes.count else { return false }
            var end = lineStart
            while end < bytes.count && bytes[end] != 0x0A && bytes[end] != 0x0D { end += 1 }
            let line = bytes[lineStart ..< end]
            if line.first(where: { $0 != 0x20 && $0 != 0x09 && $0 != 0x0C }) == UInt8(ascii: "#"),
               let name = codingName(in: line) {
                return !(name == "utf-8" || name == "utf8" || name.hasPrefix("utf-8-") || name.hasPrefix("utf_8"))
            }
            end += (end < bytes.count && bytes[end] == 0x0D && end + 1 < bytes.count && bytes[end + 1] == 0x0A) ? 2 : 1
            lineStart = end
        }
        return false
    }

    /// The lowercased encoding name after `coding:` or `coding=` in a comment line.
    private static func codingName(in line: ArraySlice<UInt8>) -> String? {
        let key = Array("coding".utf8)
        var i = line.startIndex
        while i + key.count < line.endIndex {
            if line[i ..< i + key.count].elementsEqual(key), line[i + key.count] == UInt8(ascii: ":") || line[i + key.count] == UInt8(ascii: "=") {
                var j = i + key.count + 1
                while j < line.endIndex && (line[j] == 0x20 || line[j] == 0x09) { j += 1 }
                var k = j
                while k < line.endIndex, line[k] < 0x80, let c = Optional(Character(Unicode.Scalar(line[k]))),
                      c.isLetter || c.isNumber || c == "-" || c == "_" || c == "." { k += 1 }
                return String(decoding: line[j ..< k], as: UTF8.self).lowercased()
            }
            i += 1
        }
        return nil
    }
}
