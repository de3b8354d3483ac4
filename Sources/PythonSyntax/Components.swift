import TextCore

/// `name=value` in a call or class definition; `name` is nil for `**value`.
public struct Keyword: SyntaxNode {
    public let tree: SyntaxTree
    public let index: Int32
    public init(tree: SyntaxTree, index: Int32) {
        self.tree = tree
        self.index = index
    }

    public var name: Identifier? { optional(raw.a) }
    public var value: Expr { node(raw.b) }
}

/// `name as asname` in an import (`name` may be dotted, or `*`).
public struct Alias: SyntaxNode {
    public let tree: SyntaxTree
    public let index: Int32
    public init(tree: SyntaxTree, index: Int32) {
        self.tree = tree
        self.index = index
    }

    public var name: Identifier { node(raw.a) }
    public var asname: Identifier? { optional(raw.b) }
}

/// `contextExpr as optionalVars` in a `with` statement.
public struct WithItem: SyntaxNode {
    public let tree: SyntaxTree
    public let index: Int32
    public init(tree: SyntaxTree, index: Int32) {
        self.tree = tree
        self.index = index
    }

    public var contextExpr: Expr { node(raw.a) }
    public var optionalVars: Expr? { optional(raw.b) }
}

/// `except type as name: body` (or `except*`).
public struct ExceptHandler: SyntaxNode {
    public let tree: SyntaxTree
    public let index: Int32
    public init(tree: SyntaxTree, index: Int32) {
        self.tree = tree
        self.index = index
    }

    public var type: Expr? { optional(raw.a) }
    public var name: Identifier? { optional(raw.b) }
    public var body: NodeList<Stmt> { list(raw.c) }
}

/// `case pattern if guard: body` of a `match` statement.
public struct MatchCase: SyntaxNode {
    public let tree: SyntaxTree
    public let index: Int32
    public init(tree: SyntaxTree, index: Int32) {
        self.tree = tree
        self.index = index
    }

    public var pattern: Pattern { node(raw.a) }
    public var guardExpr: Expr? { optional(raw.b) }
    public var body: NodeList<Stmt> { list(raw.c) }
}

/// `for target in iter if cond ...` clause of a comprehension.
public struct Comprehension: SyntaxNode {
    public let tree: SyntaxTree
    public let index: Int32
    public init(tree: SyntaxTree, index: Int32) {
        self.tree = tree
        self.index = index
    }

    public var target: Expr { node(raw.a) }
    public var iter: Expr { node(raw.b) }
    public var ifs: NodeList<Expr> { list(raw.c) }
    public var isAsync: Bool { raw.flag == 1 }
}

/// A PEP 695 type parameter: `T: bound = default`, `*Ts`, `**P`.
public struct TypeParam: SyntaxNode {
    public enum Kind: UInt8, Sendable { case typeVar, typeVarTuple, paramSpec }

    public let tree: SyntaxTree
    public let index: Int32
    public init(tree: SyntaxTree, index: Int32) {
        self.tree = tree
        self.index = index
    }

    public var kind: Kind { Kind(rawValue: raw.flag) ?? .typeVar }
    public var name: Identifier { node(raw.a) }
    public var bound: Expr? { optional(raw.b) }
    public var defaultValue: Expr? { optional(raw.c) }
}
