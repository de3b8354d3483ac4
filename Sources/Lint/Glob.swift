/// Glob matching for `per-file-ignores` patterns, as ruff and `.gitignore` users write them:
/// `*` within one path segment, `**` across segments, `?` one character, `[abc]` a class.
/// A pattern without `/` matches the file name in any directory.
enum Glob {
    static func matches(pattern: String, path: String) -> Bool {
        let p = Array(pattern.utf8)
        let s = Array(path.utf8)
        if !p.contains(UInt8(ascii: "/")) {
            let name = s.split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: false).last.map(Array.init) ?? s
            return match(p[...], name[...]) || match(p[...], s[...])
        }
        var trimmed = p[...]
        while trimmed.starts(with: Array("./".utf8)) { trimmed = trimmed.dropFirst(2) }
        return match(trimmed, s[...])
    }

    /// Iterative-with-memo-free backtracking matcher; patterns are short, so recursion depth
    /// is bounded by the pattern's length.
    private static func match(_ p: ArraySlice<UInt8>, _ s: ArraySlice<UInt8>) -> Bool {
        let slash = UInt8(ascii: "/")
        guard let c = p.first else { return s.isEmpty }
        switch c {
        case UInt8(ascii: "*"):
            let rest = p.dropFirst()
            if rest.first == UInt8(ascii: "*") {
                // `**`: any number of characters including `/`; `**/` may match nothing.
                var after = rest.dropFirst()
                if after.first == slash {
                    after = after.dropFirst()
                    if match(after, s) { return true }
                }
                var i = s.startIndex
                while i <= s.endIndex {
                    if match(after, s[i...]) { return true }
                    if i == s.endIndex { break }
                    i += 1
                }
                return false
            }
            var i = s.startIndex
            while true {
                if match(rest, s[i...]) { return true }
                if i == s.endIndex || s[i] == slash { return false }
                i += 1
            }
        case UInt8(ascii: "?"):
            guard let first = s.first, first != slash else { return false }
            return match(p.dropFirst(), s.dropFirst())
        case UInt8(ascii: "["):
            guard let first = s.first, let close = p.dropFirst().firstIndex(of: UInt8(ascii: "]")) else {
                return s.first == c && match(p.dropFirst(), s.dropFirst())
            }
            var set = p[(p.startIndex + 1) ..< close]
            var negate = false
            if set.first == UInt8(ascii: "!") || set.first == UInt8(ascii: "^") { negate = true; set = set.dropFirst() }
            var hit = false
            var i = set.startIndex
            while i < set.endIndex {
                if i + 2 < set.endIndex, set[i + 1] == UInt8(ascii: "-") {
                    if first >= set[i] && first <= set[i + 2] { hit = true }
                    i += 3
                } else {
                    if first == set[i] { hit = true }
                    i += 1
                }
            }
            guard hit != negate else { return false }
            return match(p[(close + 1)...], s.dropFirst())
        default:
            guard s.first == c else { return false }
            return match(p.dropFirst(), s.dropFirst())
        }
    }
}
