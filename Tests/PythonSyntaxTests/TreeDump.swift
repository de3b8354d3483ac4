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
        case .functionDef(let f):
            emit(f.isAsync ? "AsyncFunctionDef" : "FunctionDef", s.range)
            parameters(f.parameters)
            stmts(f.body)
            exprs(f.decorators)
            opt(f.returns)
            typeParams(f.typeParams)
        case .classDef(let c):
            emit("ClassDef", s.range)
            exprs(c.bases)
            for k in c.keywords { expr(k.value) }
            stmts(c.body)
            exprs(c.decorators)
            typeParams(c.typeParams)
        case .return(let v):
            emit("Return", s.range)
            opt(v)
        case .delete(let targets):
            emit("Delete", s.range)
            exprs(targets)
        case .assign(let targets, let value):
            emit("Assign", s.range)
            exprs(targets)
            expr(value)
        case .typeAlias(let name, let params, let value):
            emit("TypeAlias", s.range)
            expr(name)
            typeParams(params)
            expr(value)
        case .augAssign(let target, _, let value):
            emit("AugAssign", s.range)
            expr(target)
            expr(value)
        case .annAssign(let target, let annotation, let value, _):
            emit("AnnAssign", s.range)
            expr(target)
            expr(annotation)
            opt(value)
        case .for(let target, let iter, let body, let orelse, let isAsync):
            emit(isAsync ? "AsyncFor" : "For", s.range)
            expr(target)
            expr(iter)
            stmts(body)
            stmts(orelse)
        case .while(let test, let body, let orelse):
            emit("While", s.range)
            expr(test)
            stmts(body)
            stmts(orelse)
        case .if(let test, let body, let orelse):
            emit("If", s.range)
            expr(test)
            stmts(body)
            stmts(orelse)
        case .with(let items, let body, let isAsync):
            emit(isAsync ? "AsyncWith" : "With", s.range)
            for item in items {
                expr(item.contextExpr)
                opt(item.optionalVars)
            }
            stmts(body)
        case .match(let subject, let cases):
            emit("Match", s.range)
            expr(subject)
            for c in cases {
                pattern(c.pattern)
                opt(c.guardExpr)
                stmts(c.body)
            }
        case .raise(let exc, let cause):
            emit("Raise", s.range)
            opt(exc)
            opt(cause)
        case .try(let body, let handlers, let orelse, let finalbody, let isStar):
            emit(isStar ? "TryStar" : "Try", s.range)
            stmts(body)
            for h in handlers {
                opt(h.type)
                stmts(h.body)
            }
            stmts(orelse)
            stmts(finalbody)
        case .assert(let test, let msg):
            emit("Assert", s.range)
            expr(test)
            opt(msg)
        case .import: emit("Import", s.range)
        case .importFrom: emit("ImportFrom", s.range)
        case .global: emit("Global", s.range)
        case .nonlocal: emit("Nonlocal", s.range)
        case .expr(let e):
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
        case .boolOp(_, let values):
            emit("BoolOp", e.range)
            exprs(values)
        case .namedExpr(let target, let value):
            emit("NamedExpr", e.range)
            expr(target)
            expr(value)
        case .binOp(let left, _, let right):
            emit("BinOp", e.range)
            expr(left)
            expr(right)
        case .unaryOp(_, let operand):
            emit("UnaryOp", e.range)
            expr(operand)
        case .lambda(let params, let body):
            emit("Lambda", e.range)
            parameters(params)
            expr(body)
        case .ifExp(let test, let body, let orelse):
            emit("IfExp", e.range)
            expr(test)
            expr(body)
            expr(orelse)
        case .dict(let keys, let values):
            emit("Dict", e.range)
            for k in keys { opt(k) }
            exprs(values)
        case .set(let elts):
            emit("Set", e.range)
            exprs(elts)
        case .listComp(let elt, let gens):
            emit("ListComp", e.range)
            expr(elt)
            comprehensions(gens)
        case .setComp(let elt, let gens):
            emit("SetComp", e.range)
            expr(elt)
            comprehensions(gens)
        case .generatorExp(let elt, let gens):
            emit("GeneratorExp", e.range)
            expr(elt)
            comprehensions(gens)
        case .dictComp(let key, let value, let gens):
            emit("DictComp", e.range)
            expr(key)
            expr(value)
            comprehensions(gens)
        case .await(let v):
            emit("Await", e.range)
            expr(v)
        case .yield(let v):
            emit("Yield", e.range)
            opt(v)
        case .yieldFrom(let v):
            emit("YieldFrom", e.range)
            expr(v)
        case .compare(let left, _, let comparators):
            emit("Compare", e.range)
            expr(left)
            exprs(comparators)
        case .call(let function, let args, let keywords):
            emit("Call", e.range)
            expr(function)
            exprs(args)
            for k in keywords { expr(k.value) }
        case .formattedValue: emit("FormattedValue", e.range)
        case .joinedStr: emit("JoinedStr", e.range)
        case .constant: emit("Constant", e.range)
        case .attribute(let value, _):
            emit("Attribute", e.range)
            expr(value)
        case .subscript(let value, let slice):
            emit("Subscript", e.range)
            expr(value)
            expr(slice)
        case .starred(let v):
            emit("Starred", e.range)
            expr(v)
        case .name: emit("Name", e.range)
        case .list(let elts):
            emit("List", e.range)
            exprs(elts)
        case .tuple(let elts):
            emit("Tuple", e.range)
            exprs(elts)
        case .slice(let lower, let upper, let step):
            emit("Slice", e.range)
            opt(lower)
            opt(upper)
            opt(step)
        case .invalid: emit("Invalid", e.range)
        }
    }

    mutating func pattern(_ p: Pattern) {
        switch p.kind {
        case .value(let v):
            emit("MatchValue", p.range)
            expr(v)
        case .singleton: emit("MatchSingleton", p.range)
        case .sequence(let ps):
            emit("MatchSequence", p.range)
            for x in ps { pattern(x) }
        case .mapping(let keys, let ps, _):
            emit("MatchMapping", p.range)
            exprs(keys)
            for x in ps { pattern(x) }
        case .class(let cls, let ps, _, let kps):
            emit("MatchClass", p.range)
            expr(cls)
            for x in ps { pattern(x) }
            for x in kps { pattern(x) }
        case .star: emit("MatchStar", p.range)
        case .as(let inner, _):
            emit("MatchAs", p.range)
            if let inner { pattern(inner) }
        case .or(let ps):
            emit("MatchOr", p.range)
            for x in ps { pattern(x) }
        case .invalid: emit("Invalid", p.range)
        }
    }
}
