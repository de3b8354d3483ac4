import TextCore

/// `class Name[T](bases, keywords): body`. Its ``range`` starts at `class`.
public struct ClassDef: SyntaxNode {
    public let tree: SyntaxTree
    public let index: Int32

    public init(tree: SyntaxTree, index: Int32) {
        self.tree = tree
        self.index = index
    }

    public var name: Identifier { node(raw.a) }
    public var nameRange: ByteRange { name.range }
    public var bases: NodeList<Expr> { list(raw.b) }
    public var keywords: NodeList<Keyword> { list(raw.c) }
    public var body: NodeList<Stmt> { list(raw.d) }
    public var decorators: NodeList<Expr> { list(raw.e) }
    public var typeParams: NodeList<TypeParam> { list(raw.f) }
}
