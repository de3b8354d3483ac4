import TextCore

/// `def` / `async def`. Its ``range`` starts at `def` (or `async`), as in CPython; decorators
/// are separate expressions.
public struct FunctionDef: SyntaxNode {
    public let tree: SyntaxTree
    public let index: Int32

    public init(tree: SyntaxTree, index: Int32) {
        self.tree = tree
        self.index = index
    }

    public var name: Identifier { node(raw.a) }
    public var nameRange: ByteRange { name.range }
    public var parameters: Parameters { node(raw.b) }
    public var body: NodeList<Stmt> { list(raw.c) }
    public var decorators: NodeList<Expr> { list(raw.d) }
    public var returns: Expr? { optional(raw.e) }
    public var typeParams: NodeList<TypeParam> { list(raw.f) }
    public var isAsync: Bool { raw.flag == 1 }
}

/// The parameter list of a function or lambda (`ast.arguments`), each parameter carrying
/// its own default.
public struct Parameters: SyntaxNode {
    public let tree: SyntaxTree
    public let index: Int32

    public init(tree: SyntaxTree, index: Int32) {
        self.tree = tree
        self.index = index
    }

    /// Parameters before `/`.
    public var posonly: NodeList<Parameter> { list(raw.a) }
    public var args: NodeList<Parameter> { list(raw.b) }
    public var vararg: Parameter? { optional(raw.c) }
    /// Parameters after `*` or `*args`.
    public var kwonly: NodeList<Parameter> { list(raw.d) }
    public var kwarg: Parameter? { optional(raw.e) }
}

/// One parameter: name, optional annotation, optional default.
public struct Parameter: SyntaxNode {
    public let tree: SyntaxTree
    public let index: Int32

    public init(tree: SyntaxTree, index: Int32) {
        self.tree = tree
        self.index = index
    }

    public var name: Identifier { node(raw.a) }
    public var annotation: Expr? { optional(raw.b) }
    public var defaultValue: Expr? { optional(raw.c) }
}
