import TextCore

/// A `match` statement pattern (the `ast.pattern` classes).
public struct Pattern: SyntaxNode {
    public let tree: SyntaxTree
    public let index: Int32
    public init(tree: SyntaxTree, index: Int32) {
        self.tree = tree
        self.index = index
    }

    public var kind: PatternKind {
        let r = raw
        switch r.tag {
        case .matchValue: return .value(node(r.a))
        case .matchSingleton: return .singleton(node(r.a))
        case .matchSequence: return .sequence(list(r.a))
        case .matchMapping: return .mapping(keys: list(r.a), patterns: list(r.b), rest: optional(r.c))
        case .matchClass:
            return .class(cls: node(r.a), patterns: list(r.b), kwdAttrs: list(r.c), kwdPatterns: list(r.d))
        case .matchStar: return .star(optional(r.a))
        case .matchAs: return .as(pattern: optional(r.a), name: optional(r.b))
        case .matchOr: return .or(list(r.a))
        default: return .invalid
        }
    }
}

/// Pattern forms: `MatchValue`, `MatchSingleton`, `MatchSequence`, `MatchMapping`,
/// `MatchClass`, `MatchStar`, `MatchAs` (also the wildcard `_`: no pattern, no name),
/// `MatchOr`.
public enum PatternKind: Sendable {
    case value(Expr)
    case singleton(Expr)
    case sequence(NodeList<Pattern>)
    case mapping(keys: NodeList<Expr>, patterns: NodeList<Pattern>, rest: Identifier?)
    case `class`(cls: Expr, patterns: NodeList<Pattern>, kwdAttrs: NodeList<Identifier>, kwdPatterns: NodeList<Pattern>)
    case star(Identifier?)
    case `as`(pattern: Pattern?, name: Identifier?)
    case or(NodeList<Pattern>)
    case invalid
}
