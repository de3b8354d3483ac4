import TextCore

/// The result of parsing one Python file: the tree, the syntax errors and the comments.
///
/// ```swift
/// let parsed = parseModule(Array(source.utf8))
/// for stmt in parsed.body { ... }          // top-level statements
/// parsed.errors.first                      // where CPython's ast.parse would fail, if it would
/// parsed.comments                          // ranges of `# ...` comments
/// parsed.statement(containing: offset)     // innermost statement at an offset
/// ```
public struct ParsedModule: Sendable {
    public let tree: SyntaxTree
    /// Syntax errors; the first is located where CPython reports its `SyntaxError`.
    public let errors: [SyntaxError]
    /// Ranges of comments, `#` included, line break excluded, in source order.
    public let comments: [ByteRange]

    /// The module's top-level statements.
    public var body: NodeList<Stmt> { tree.body }

    /// The module docstring: the first statement when it is a string constant.
    public var docstring: StringLiteral? {
        guard let first = body.first, case .expr(let e) = first.kind, case .constant(.string(let s)) = e.kind else {
            return nil
        }
        return s
    }

    /// Every statement of the module in source order, nested ones included.
    public var allStatements: [Stmt] {
        var out: [Stmt] = []
        func visit(_ s: Stmt) {
            out.append(s)
            for child in s.childStatements { visit(child) }
        }
        for s in body { visit(s) }
        return out
    }

    /// The innermost statement whose range contains `offset` (or touches it at its end).
    public func statement(containing offset: Int) -> Stmt? {
        var best: Stmt?
        var candidates = Array(body)
        while let hit = candidates.first(where: { $0.range.touches(offset) }) {
            best = hit
            candidates = hit.childStatements
        }
        return best
    }
}

/// Parses Python source bytes (any encoding PEP 263 allows; UTF-8 by default) into a tree.
/// Never fails: problems are reported in ``ParsedModule/errors``.
public func parseModule(_ bytes: [UInt8]) -> ParsedModule {
    ModuleParser.parse(bytes)
}
