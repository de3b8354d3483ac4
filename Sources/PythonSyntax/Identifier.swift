import TextCore

/// A name as written in the source: a `Name` expression, an attribute, a parameter, a
/// function or class name, or a (possibly dotted) module name in an import.
public struct Identifier: SyntaxNode {
    public let tree: SyntaxTree
    public let index: Int32

    public init(tree: SyntaxTree, index: Int32) {
        self.tree = tree
        self.index = index
    }

    /// The name's text; a dotted module name has its inner blanks and line continuations
    /// removed (`a . b` gives "a.b").
    public var name: String {
        let r = range
        let src = tree.source
        var plain = true
        for k in r.start..<min(r.end, src.count) {
            let c = src[k]
            if c == 0x20 || c == 0x09 || c == 0x0C || c == 0x5C || c == 0x0A || c == 0x0D || c == 0x23 {
                plain = false
                break
            }
        }
        if plain { return tree.text(r) }
        // Dotted names may contain blanks, comments and continuations between the parts.
        var out: [UInt8] = []
        var k = r.start
        while k < min(r.end, src.count) {
            let c = src[k]
            if c == 0x23 {
                while k < r.end && src[k] != 0x0A && src[k] != 0x0D { k += 1 }
                continue
            }
            if !(c == 0x20 || c == 0x09 || c == 0x0C || c == 0x5C || c == 0x0A || c == 0x0D) { out.append(c) }
            k += 1
        }
        return String(decoding: out, as: UTF8.self)
    }
}
