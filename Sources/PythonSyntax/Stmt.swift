import TextCore

/// A statement of the syntax tree. Switch over ``kind`` to inspect it; ``range`` is CPython's
/// extent (from the first token to the end of the last child, decorators excluded).
public struct Stmt: SyntaxNode {
    public let tree: SyntaxTree
    public let index: Int32

    public init(tree: SyntaxTree, index: Int32) {
        self.tree = tree
        self.index = index
    }

    /// The statement, decoded.
    public var kind: StmtKind {
        let r = raw
        switch r.tag {
        case .functionDef: return .functionDef(FunctionDef(tree: tree, index: index))
        case .classDef: return .classDef(ClassDef(tree: tree, index: index))
        case .returnStmt: return .return(optional(r.a))
        case .delete: return .delete(list(r.a))
        case .assign: return .assign(targets: list(r.a), value: node(r.b))
        case .typeAlias: return .typeAlias(name: node(r.a), typeParams: list(r.b), value: node(r.c))
        case .augAssign:
            return .augAssign(target: node(r.a), op: BinaryOperator(rawValue: r.flag) ?? .add, value: node(r.b))
        case .annAssign:
            return .annAssign(target: node(r.a), annotation: node(r.b), value: optional(r.c), simple: r.flag == 1)
        case .forStmt:
            return .for(target: node(r.a), iter: node(r.b), body: list(r.c), orelse: list(r.d), isAsync: r.flag == 1)
        case .whileStmt: return .while(test: node(r.a), body: list(r.b), orelse: list(r.c))
        case .ifStmt: return .if(test: node(r.a), body: list(r.b), orelse: list(r.c))
        case .with: return .with(items: list(r.a), body: list(r.b), isAsync: r.flag == 1)
        case .match: return .match(subject: node(r.a), cases: list(r.b))
        case .raise: return .raise(exc: optional(r.a), cause: optional(r.b))
        case .tryStmt:
            return .try(
                body: list(r.a), handlers: list(r.b), orelse: list(r.c), finalbody: list(r.d), isStar: r.flag == 1)
        case .assert: return .assert(test: node(r.a), msg: optional(r.b))
        case .importStmt: return .import(list(r.a))
        case .importFrom: return .importFrom(module: optional(r.a), names: list(r.b), level: Int(r.c))
        case .global: return .global(list(r.a))
        case .nonlocal: return .nonlocal(list(r.a))
        case .exprStmt: return .expr(node(r.a))
        case .pass: return .pass
        case .breakStmt: return .break
        case .continueStmt: return .continue
        default: return .invalid
        }
    }

    /// Statements directly nested in this one (bodies, `else`, handler and case bodies), in
    /// source order.
    public var childStatements: [Stmt] {
        switch kind {
        case .functionDef(let f): return Array(f.body)
        case .classDef(let c): return Array(c.body)
        case .for(_, _, let body, let orelse, _), .while(_, let body, let orelse), .if(_, let body, let orelse):
            return Array(body) + Array(orelse)
        case .with(_, let body, _): return Array(body)
        case .match(_, let cases): return cases.flatMap { Array($0.body) }
        case .try(let body, let handlers, let orelse, let finalbody, _):
            return Array(body) + handlers.flatMap { Array($0.body) } + Array(orelse) + Array(finalbody)
        default: return []
        }
    }
}

/// The statement forms of Python 3.13 (the `ast.stmt` classes).
public enum StmtKind: Sendable {
    case functionDef(FunctionDef)
    case classDef(ClassDef)
    case `return`(Expr?)
    case delete(NodeList<Expr>)
    /// `a = b = value`: `targets` holds `a` and `b`.
    case assign(targets: NodeList<Expr>, value: Expr)
    /// `type X[T] = value`.
    case typeAlias(name: Expr, typeParams: NodeList<TypeParam>, value: Expr)
    case augAssign(target: Expr, op: BinaryOperator, value: Expr)
    /// `target: annotation = value`; `simple` when the target is a plain, unparenthesised name.
    case annAssign(target: Expr, annotation: Expr, value: Expr?, simple: Bool)
    case `for`(target: Expr, iter: Expr, body: NodeList<Stmt>, orelse: NodeList<Stmt>, isAsync: Bool)
    case `while`(test: Expr, body: NodeList<Stmt>, orelse: NodeList<Stmt>)
    /// `elif` chains appear as a single nested `if` in `orelse`, as in CPython.
    case `if`(test: Expr, body: NodeList<Stmt>, orelse: NodeList<Stmt>)
    case with(items: NodeList<WithItem>, body: NodeList<Stmt>, isAsync: Bool)
    case match(subject: Expr, cases: NodeList<MatchCase>)
    case raise(exc: Expr?, cause: Expr?)
    case `try`(
        body: NodeList<Stmt>, handlers: NodeList<ExceptHandler>, orelse: NodeList<Stmt>,
        finalbody: NodeList<Stmt>, isStar: Bool)
    case assert(test: Expr, msg: Expr?)
    case `import`(NodeList<Alias>)
    /// `from ..module import names`; `level` counts the leading dots.
    case importFrom(module: Identifier?, names: NodeList<Alias>, level: Int)
    case global(NodeList<Identifier>)
    case nonlocal(NodeList<Identifier>)
    /// An expression statement (a call, a docstring ...).
    case expr(Expr)
    case pass
    case `break`
    case `continue`
    /// Tokens the parser skipped while recovering from a syntax error.
    case invalid
}
