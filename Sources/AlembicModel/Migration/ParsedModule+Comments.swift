import PythonSyntax
import TextCore

extension ParsedModule {
    /// The comments that can be suppression directives (they mention `noqa`), as
    /// (zero-based line, text). Other comments are not needed and not decoded.
    func commentLines() -> [(line: Int, text: String)] {
        let source = tree.source
        let directives = comments.filter { range in
            let lo = min(range.start, source.count)
            let hi = min(max(range.end, lo), source.count)
            return Self.containsNoqa(source[lo ..< hi])
        }
        guard !directives.isEmpty else { return [] }
        let index = LineIndex(source)
        return directives.map { range in
            let lo = min(range.start, source.count)
            let hi = min(max(range.end, lo), source.count)
            return (index.line(of: range.start), String(decoding: source[lo ..< hi], as: UTF8.self))
        }
    }

    /// Case-insensitive search for `noqa` in a comment's bytes.
    static func containsNoqa(_ bytes: ArraySlice<UInt8>) -> Bool {
        guard bytes.count >= 4 else { return false }
        var i = bytes.startIndex
        while i + 3 < bytes.endIndex {
            if bytes[i] | 0x20 == UInt8(ascii: "n"), bytes[i + 1] | 0x20 == UInt8(ascii: "o"),
               bytes[i + 2] | 0x20 == UInt8(ascii: "q"), bytes[i + 3] | 0x20 == UInt8(ascii: "a") {
                return true
            }
            i += 1
        }
        return false
    }
}
