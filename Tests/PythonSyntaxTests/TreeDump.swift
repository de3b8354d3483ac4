import TextCore

@testable import PythonSyntax

/// Dumps statements, expressions and patterns in the order and format of the oracle's
/// `ranges` mode (CPython's `_fields` order), to compare node extents with `ast`.
struct TreeDump {
    let tree: SyntaxTree
    let index: LineIndex
    let bom: Bool
    var lines: [String] = []

    init(_ parsed: ParsedModule) {
        tree = parsed.tree
        index = LineIndex(parsed.tree.source)
        bom = parsed.tree.source.starts(with: [0xEF, 0xBB, 0xBF])
    }

    static func dump(_ parsed: ParsedModule) -> [String] {
        var d = TreeDump(parsed)
        for s in parsed.body { d.stmt(s) }
        return d.lines
    }

    mutating func emit(_ name: String, _ range: ByteRange) {
        let a = index.position(of: range.start)
        let b = index.position(of: range.end)
        let ac = a.column - (bom && a.line == 0 ? 3 : 0)
        let bc = b.column - (bom && b.line == 0 ? 3 : 0)
        lines.append("\(name) \(a.line + 1) \(ac) \(b.line + 1) \(bc)")
    }

    mutating func stmts(_ list: NodeList<Stmt>) { for s in list { stmt(s) } }
    mutating func exprs(_ list: NodeList<Expr>) { for e in list { expr(e) } }
    mutating func opt(_ e: Expr?) { if let e { expr(e) } }

    mutating func parameters(_ p: Parameters) {
        for a in p.posonly { opt(a.annotation) }
        for a in p.args { opt(a.annotation) }
        if let v = p.vararg { opt(v.annotation) }
        for a in p.kwonly { opt(a.annotation) }
        for a in p.kwonly { opt(a.defaultValue) }
        if let k = p.kwarg { opt(k.annotation) }
        for a in p.posonly { opt(a.defaultValue) }
        for a in p.args { opt(a.defaultValue) }
    }

    mutating func typeParams(_ list: NodeList<TypeParam>) {
        for t in list {
            opt(t.bound)
            opt(t.defaultValue)
        }
    }

    mutating func stmt(_ s: Stmt) {
        switch s.kind {
        case let .functionDef(f):
            emit(f.isAsync ? "AsyncFunctionDef" : "FunctionDef", s.range)
            parameters(f.parameters)
            stmts(f.body)
            exprs(f.decorators)
            opt(f.returns)
            typeParams(f.typeParams)
        case let .classDef(c):
            emit("ClassDef", s.range)
            exprs(c.bases)
            for k in c.keywords { expr(k.value) }
            stmts(c.body)
            exprs(c.decorators)
            typeParams(c.typeParams)
        case let .return(v):
            emit("Return", s.range)
            opt(v)
        case let .delete(targets):
            emit("Delete", s.range)
            exprs(targets)
        case let .assign(targets, value):
            emit("Assign", s.range)
            exprs(targets)
            expr(value)
        case let .typeAlias(name, params, value):
            emit("TypeAlias", s.range)
            expr(name)
            typeParams(params)
            expr(value)
        case let .augAssign(target, _, value):
            emit("AugAssign", s.range)
            expr(target)
            expr(value)
        case let .annAssign(target, annotation, value, _):
            emit("AnnAssign", s.range)
            expr(target)
            expr(annotation)
            opt(value)
        case let .for(target, iter, body, orelse, isAsync):
            emit(isAsync ? "AsyncFor" : "For", s.range)
            expr(target)
            expr(iter)
            stmts(body)
            stmts(orelse)
        case let .while(test, body, orelse):
            emit("While", s.range)
            expr(test)
            stmts(body)
            stmts(orelse)
        case let .if(test, body, orelse):
            emit("If", s.range)
            expr(test)
            stmts(body)
            stmts(orelse)
        case let .with(items, body, isAsync):
            emit(isAsync ? "AsyncWith" : "With", s.range)
            for item in items {
                expr(item.contextExpr)
                opt(item.optionalVars)
            }
            stmts(body)
        case let .match(subject, cases):
            emit("Match", s.range)
            expr(subject)
            for c in cases {
                pattern(c.pattern)
                opt(c.guardExpr)
                stmts(c.body)
            }
        case let .raise(exc, cause):
            emit("Raise", s.range)
            opt(exc)
            opt(cause)
        case let .try(body, handlers, orelse, finalbody, isStar):
            emit(isStar ? "TryStar" : "Try", s.range)
            stmts(body)
            for h in handlers {
                opt(h.type)
                stmts(h.body)
            }
            stmts(orelse)
            stmts(finalbody)
        case let .assert(test, msg):
            emit("Assert", s.range)
            expr(test)
            opt(msg)
        case .import: emit("Import", s.range)
        case .importFrom: emit("ImportFrom", s.range)
        case .global: emit("Global", s.range)
        case .nonlocal: emit("Nonlocal", s.range)
        case let .expr(e):
            emit("Expr", s.range)
            expr(e)
        case .pass: emit("Pass", s.range)
        case .break: emit("Break", s.range)
        case .continue: emit("Continue", s.range)
        case .invalid: emit("Invalid", s.range)
        }
    }

    mutating func comprehensions(_ gens: NodeList<Comprehension>) {
        for g in gens {
            expr(g.target)
            expr(g.iter)
            exprs(g.ifs)
        }
    }

    mutating func expr(_ e: Expr) {
        switch e.kind {
        case let .boolOp(_, values):
            emit("BoolOp", e.range)
            exprs(values)
        case let .namedExpr(target, value):
            emit("NamedExpr", e.range)
            expr(target)
            expr(value)
        case let .binOp(left, _, right):
            emit("BinOp", e.range)
            expr(left)
            expr(right)
        case let .unaryOp(_, operand):
            emit("UnaryOp", e.range)
            expr(operand)
        case let .lambda(params, body):
            emit("Lambda", e.range)
            parameters(params)
            expr(body)
        case let .ifExp(test, body, orelse):
            emit("IfExp", e.range)
            expr(test)
            expr(body)
            expr(orelse)
        case let .dict(keys, values):
            emit("Dict", e.range)
            for k in keys { opt(k) }
            exprs(values)
        case let .set(elts):
            emit("Set", e.range)
            exprs(elts)
        case let .listComp(elt, gens):
            emit("ListComp", e.range)
            expr(elt)
            comprehensions(gens)
        case let .setComp(elt, gens):
            emit("SetComp", e.range)
            expr(elt)
            comprehensions(gens)
        case let .generatorExp(elt, gens):
            emit("GeneratorExp", e.range)
            expr(elt)
            comprehensions(gens)
        case let .dictComp(key, value, gens):
            emit("DictComp", e.range)
            expr(key)
            expr(value)
            comprehensions(gens)
        case let .await(v):
            emit("Await", e.range)
            expr(v)
        case let .yield(v):
            emit("Yield", e.range)
            opt(v)
        case let .yieldFrom(v):
            emit("YieldFrom", e.range)
            expr(v)
        case let .compare(left, _, comparators):
            emit("Compare", e.range)
            expr(left)
            exprs(comparators)
        case let .call(function, args, keywords):
            emit("Call", e.range)
            expr(function)
            exprs(args)
            for k in keywords { expr(k.value) }
        case .formattedValue: emit("FormattedValue", e.range)
        case .joinedStr: emit("JoinedStr", e.range)
        case .constant: emit("Constant", e.range)
        case let .attribute(value, _):
            emit("Attribute", e.range)
            expr(value)
        case let .subscript(value, slice):
            emit("Subscript", e.range)
            expr(value)
            expr(slice)
        case let .starred(v):
            emit("Starred", e.range)
            expr(v)
        case .name: emit("Name", e.range)
        case let .list(elts):
            emit("List", e.range)
            exprs(elts)
        case let .tuple(elts):
            emit("Tuple", e.range)
            exprs(elts)
        case let .slice(lower, upper, step):
            emit("Slice", e.range)
            opt(lower)
            opt(upper)
            opt(step)
        case .invalid: emit("Invalid", e.range)
        }
    }

    mutating func pattern(_ p: Pattern) {
        switch p.kind {
        case let .value(v):
            emit("MatchValue", p.range)
            expr(v)
        case .singleton: emit("MatchSingleton", p.range)
        case let .sequence(ps):
            emit("MatchSequence", p.range)
            for x in ps { pattern(x) }
        case let .mapping(keys, ps, _):
            emit("MatchMapping", p.range)
            exprs(keys)
            for x in ps { pattern(x) }
        case let .class(cls, ps, _, kps):
            emit("MatchClass", p.range)
            expr(cls)
            for x in ps { pattern(x) }
            for x in kps { pattern(x) }
        case .star: emit("MatchStar", p.range)
        case let .as(inner, _):
            emit("MatchAs", p.range)
            if let inner { pattern(inner) }
        case let .or(ps):
            emit("MatchOr", p.range)
            for x in ps { pattern(x) }
        case .invalid: emit("Invalid", p.range)
        }
    }
}
