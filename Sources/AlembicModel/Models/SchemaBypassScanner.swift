import PythonSyntax
import TextCore

/// Finds `metadata.create_all()` / `drop_all()` calls: in Python files (a call whose receiver
/// is a `MetaData`, a `Base.metadata`, a Flask-SQLAlchemy `db`, or any name ending in
/// `metadata`) and in CI configuration and shell scripts (a textual `create_all(` /
/// `drop_all(` on a line that is not a comment).
public enum SchemaBypassScanner {
    /// The bypasses of one parsed Python file.
    static func python(_ module: WorkspaceModule, resolver: ModelResolver) -> [SchemaBypass] {
        let scope = resolver.scope(of: module)
        var out: [SchemaBypass] = []
        for stmt in module.parsed.allStatements {
            for expr in stmt.childExpressions.flatMap(\.descendantsAndSelf) {
                guard case let .call(function, _, _) = expr.kind, case let .attribute(receiver, method) = function.kind,
                      method.name == "create_all" || method.name == "drop_all" else { continue }
                let dotted = receiver.dottedName
                var isMetadata = dotted.map { $0.lowercased().hasSuffix("metadata") } ?? false
                if !isMetadata {
                    switch resolver.evaluate(receiver, in: scope) {
                    case .metadata, .flaskDatabase: isMetadata = true
                    default: break
                    }
                }
                guard isMetadata else { continue }
                out.append(SchemaBypass(location: ModelLocation(path: module.path, range: method.range), method: method.name,
                                        receiver: dotted ?? receiver.text, kind: .python))
            }
        }
        return out
    }

    /// The bypasses of a CI file or shell script.
    public static func text(path: String, bytes: [UInt8]) -> [SchemaBypass] {
        var out: [SchemaBypass] = []
        var lineStart = 0
        var i = 0
        let count = bytes.count
        while i <= count {
            if i == count || bytes[i] == UInt8(ascii: "\n") {
                scanLine(bytes, lineStart, i, path: path, into: &out)
                lineStart = i + 1
            }
            i += 1
        }
        return out
    }

    private static func scanLine(_ bytes: [UInt8], _ start: Int, _ end: Int, path: String, into out: inout [SchemaBypass]) {
        var first = start
        while first < end, bytes[first] == UInt8(ascii: " ") || bytes[first] == UInt8(ascii: "\t") { first += 1 }
        if first < end, bytes[first] == UInt8(ascii: "#") { return }
        for method in ["create_all", "drop_all"] {
            let needle = Array(method.utf8)
            var k = start
            while k + needle.count < end {
                if bytes[k] == needle[0], Array(bytes[k ..< k + needle.count]) == needle, bytes[k + needle.count] == UInt8(ascii: "("),
                   k == start || !isWordByte(bytes[k - 1]) || bytes[k - 1] == UInt8(ascii: ".") {
                    let receiver = receiverText(bytes, before: k, lineStart: start)
                    out.append(SchemaBypass(location: ModelLocation(path: path, range: ByteRange(start: k, end: k + needle.count)),
                                            method: method, receiver: receiver, kind: .ci))
                    k += needle.count
                } else {
                    k += 1
                }
            }
        }
    }

    /// `Base.metadata` before `.create_all(`.
    private static func receiverText(_ bytes: [UInt8], before index: Int, lineStart: Int) -> String? {
        guard index > lineStart, bytes[index - 1] == UInt8(ascii: ".") else { return nil }
        var k = index - 1
        while k > lineStart, isWordByte(bytes[k - 1]) || bytes[k - 1] == UInt8(ascii: ".") { k -= 1 }
        return k < index - 1 ? String(decoding: bytes[k ..< index - 1], as: UTF8.self) : nil
    }

    private static func isWordByte(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: "_") || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
            || (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
    }

    /// True when `bytes` contains one of `needles`.
    static func contains(_ bytes: [UInt8], anyOf needles: [String]) -> Bool {
        let patterns = needles.map { Array($0.utf8) }
        return bytes.withUnsafeBufferPointer { buffer in
            let count = buffer.count
            var i = 0
            while i < count {
                let byte = buffer[i]
                for pattern in patterns where pattern[0] == byte && i + pattern.count <= count {
                    var matched = true
                    for j in 1 ..< pattern.count where buffer[i + j] != pattern[j] {
                        matched = false
                        break
                    }
                    if matched { return true }
                }
                i += 1
            }
            return false
        }
    }
}
