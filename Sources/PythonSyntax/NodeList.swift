import TextCore

/// A typed view of one arena node: a tree reference and the node's index.
public protocol SyntaxNode: Sendable, Hashable {
    init(tree: SyntaxTree, index: Int32)
    var tree: SyntaxTree { get }
    var index: Int32 { get }
}

extension SyntaxNode {
    /// The node's UTF-8 byte range (CPython's node extent).
    public var range: ByteRange { tree.range(index) }

    /// The node's source text.
    public var text: String { tree.text(range) }

    public static func == (lhs: Self, rhs: Self) -> Bool { lhs.tree === rhs.tree && lhs.index == rhs.index }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(ObjectIdentifier(tree))
        hasher.combine(index)
    }

    @inline(__always)
    var raw: RawNode { tree.nodes[Int(index)] }

    @inline(__always)
    func list<T: SyntaxNode>(_ field: Int32) -> NodeList<T> { NodeList(tree: tree, list: field) }

    @inline(__always)
    func node<T: SyntaxNode>(_ field: Int32) -> T { T(tree: tree, index: field) }

    @inline(__always)
    func optional<T: SyntaxNode>(_ field: Int32) -> T? { field < 0 ? nil : T(tree: tree, index: field) }
}

/// A list of child nodes, read straight from the arena (no copying).
public struct NodeList<Element: SyntaxNode>: RandomAccessCollection, Sendable {
    public let tree: SyntaxTree
    let base: Int
    public let count: Int

    init(tree: SyntaxTree, list: Int32) {
        self.tree = tree
        let l = Int(list)
        if l > 0 && l < tree.extra.count {
            base = l + 1
            count = Int(tree.extra[l])
        } else {
            base = 0
            count = 0
        }
    }

    public var startIndex: Int { 0 }
    public var endIndex: Int { count }

    public subscript(position: Int) -> Element {
        Element(tree: tree, index: tree.extra[base + position])
    }
}
