import Foundation
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

    /// Reads `path`; I/O errors, oversized files and directories become ``ReadError`` values.
    public static func read(_ path: String) -> Outcome {
        let fm = FileManager.default
        var isDirectory: ObjCBool = false
        guard fm.fileExists(atPath: path, isDirectory: &isDirectory) else {
            return .failed(ReadError(message: "the file does not exist (a dangling symbolic link?)", range: .empty(at: 0)))
        }
        if isDirectory.boolValue {
            return .failed(ReadError(message: "the path is a directory", range: .empty(at: 0)))
        }
        if let size = (try? fm.attributesOfItem(atPath: path))?[.size] as? Int, size > maxFileBytes {
            return .failed(ReadError(message: "the file is \(size) bytes, larger than the \(maxFileBytes >> 20) MiB limit; not analysed", range: .empty(at: 0)))
        }
        guard let handle = FileHandle(forReadingAtPath: path) else {
            return .failed(ReadError(message: "the file cannot be opened (permission denied?)", range: .empty(at: 0)))
        }
        defer { try? handle.close() }
        do {
            let data = try handle.readToEnd() ?? Data()
            return .bytes([UInt8](data))
        } catch {
            return .failed(ReadError(message: "the file cannot be read: \(error.localizedDescription)", range: .empty(at: 0)))
        }
    }

    /// A reason the bytes are not Python source text alembic could import: a NUL byte
    /// (a binary file) or bytes that are not UTF-8 when no other encoding is declared.
    public static func decodingProblem(_ bytes: [UInt8]) -> ReadError? {
        if let nul = bytes.firstIndex(of: 0) {
            return ReadError(message: "the file contains a NUL byte: it is binary, not Python source", range: ByteRange(start: nul, end: nul + 1))
        }
        if declaresNonUTF8Encoding(bytes) { return nil }
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
            let line = String(decoding: bytes[lineStart ..< end], as: UTF8.self)
            if line.trimmingCharacters(in: .whitespaces).hasPrefix("#"), let r = line.range(of: "coding") {
                var rest = line[r.upperBound...]
                if rest.first == ":" || rest.first == "=" {
                    rest = rest.dropFirst().drop { $0 == " " || $0 == "\t" }
                    let name = rest.prefix { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" || $0 == "." }.lowercased()
                    return !(name == "utf-8" || name == "utf8" || name.hasPrefix("utf-8-") || name.hasPrefix("utf_8"))
                }
            }
            end += (end < bytes.count && bytes[end] == 0x0D && end + 1 < bytes.count && bytes[end + 1] == 0x0A) ? 2 : 1
            lineStart = end
        }
        return false
    }
}
