/// Generic traversal helpers: direct sub-expressions, in source order.
extension Expr {
    /// Direct sub-expressions in source order (f-string parts included; parameters' defaults
    /// and annotations of a lambda included).
    public var children: [Expr] {
        switch kind {
        case .boolOp(_, let values): return Array(values)
        case .namedExpr(let target, let value): return [target, value]
        case .binOp(let left, _, let right): return [left, right]
        case .unaryOp(_, let operand): return [operand]
        case .lambda(let parameters, let body): return parameters.expressions + [body]
        case .ifExp(let test, let body, let orelse): return [body, test, orelse]
        case .dict(let keys, let values):
            var out: [Expr] = []
            for (k, v) in zip(keys, values) {
                if let k { out.append(k) }
                out.append(v)
            }
            return out
        case .set(let elts), .list(let elts), .tuple(let elts), .joinedStr(let elts): return Array(elts)
        case .listComp(let elt, let gens), .setComp(let elt, let gens), .generatorExp(let elt, let gens):
            return [elt] + gens.flatMap { [$0.target, $0.iter] + Array($0.ifs) }
        case .dictComp(let key, let value, let gens):
            return [key, value] + gens.flatMap { [$0.target, $0.iter] + Array($0.ifs) }
        case .await(let v), .yieldFrom(let v), .starred(let v): return [v]
        case .yield(let v): return v.map { [$0] } ?? []
        case .compare(let left, _, let comparators): return [left] + Array(comparators)
        case .call(let function, let args, let keywords):
            // Positional and keyword arguments interleave in source order.
            let all = Array(args) + keywords.map(\.value)
            return [function] + all.sorted { $0.range.start < $1.range.start }
        case .formattedValue(let value, _, let spec): return [value] + (spec.map { [$0] } ?? [])
        case .constant, .name, .invalid: return []
        case .attribute(let value, _): return [value]
        case .subscript(let value, let slice): return [value, slice]
        case .slice(let lower, let upper, let step): return [lower, upper, step].compactMap { $0 }
        }
    }

    /// This expression and all expressions inside it, in source (pre-)order. Iterative, so
    /// deep trees cannot overflow the stack.
    public var descendantsAndSelf: [Expr] {
        var out: [Expr] = []
        forEachDescendantAndSelf { out.append($0) }
        return out
    }

    /// Calls `body` with this expression and every expression inside it, in the order of
    /// ``descendantsAndSelf``, without building the list. Iterative.
    public func forEachDescendantAndSelf(_ body: (Expr) -> Void) {
        var stack: [Expr] = [self]
        while let e = stack.popLast() {
            body(e)
            e.pushChildrenReversed(e.kind, onto: &stack)
        }
    }

    /// Pushes ``children`` onto `stack` last-first (so that popping yields source order),
    /// without allocating an intermediate array. `kind` is this expression's ``kind``, for
    /// walkers that decoded it already.
    public func pushChildrenReversed(_ kind: ExprKind, onto stack: inout [Expr]) {
        @inline(__always) func pushAll(_ list: NodeList<Expr>) {
            var i = list.count - 1
            while i >= 0 {
                stack.append(list[i])
                i -= 1
            }
        }
        @inline(__always) func pushGenerators(_ gens: NodeList<Comprehension>) {
            var g = gens.count - 1
            while g >= 0 {
                let gen = gens[g]
                pushAll(gen.ifs)
                stack.append(gen.iter)
                stack.append(gen.target)
                g -= 1
            }
        }
        switch kind {
        case .call(let function, let args, let keywords):
            // Positional and keyword arguments interleave in source order: merge from the end.
            var i = args.count - 1
            var j = keywords.count - 1
            while i >= 0 || j >= 0 {
                if j < 0 || (i >= 0 && args[i].range.start > keywords[j].value.range.start) {
                    stack.append(args[i])
                    i -= 1
                } else {
                    stack.append(keywords[j].value)
                    j -= 1
                }
            }
            stack.append(function)
        case .attribute(let value, _): stack.append(value)
        case .constant, .name, .invalid: return
        case .set(let elts), .list(let elts), .tuple(let elts), .joinedStr(let elts), .boolOp(_, let elts): pushAll(elts)
        case .compare(let left, _, let comparators):
            pushAll(comparators)
            stack.append(left)
        case .listComp(let elt, let gens), .setComp(let elt, let gens), .generatorExp(let elt, let gens):
            pushGenerators(gens)
            stack.append(elt)
        case .dictComp(let key, let value, let gens):
            pushGenerators(gens)
            stack.append(value)
            stack.append(key)
        default:
            stack.append(contentsOf: children.reversed())
        }
    }
}

extension Parameters {
    /// Annotations and defaults of all parameters, in source order.
    public var expressions: [Expr] {
        var params = Array(posonly) + Array(args)
        if let vararg { params.append(vararg) }
        params += Array(kwonly)
        if let kwarg { params.append(kwarg) }
        return params.flatMap { [$0.annotation, $0.defaultValue].compactMap { $0 } }
    }
}

extension Stmt {
    /// Expressions that belong to this statement itself (not to nested statements), in source
    /// order: decorators, targets, values, tests, context managers, exception types ...
    public var childExpressions: [Expr] {
        switch kind {
        case .functionDef(let f):
            return Array(f.decorators) + f.typeParams.flatMap(\.expressions) + f.parameters.expressions
                + (f.returns.map { [$0] } ?? [])
        case .classDef(let c):
            let arguments = (Array(c.bases) + c.keywords.map(\.value)).sorted { $0.range.start < $1.range.start }
            return Array(c.decorators) + c.typeParams.flatMap(\.expressions) + arguments
        case .return(let v): return v.map { [$0] } ?? []
        case .delete(let targets): return Array(targets)
        case .assign(let targets, let value): return Array(targets) + [value]
        case .typeAlias(let name, let params, let value): return [name] + params.flatMap(\.expressions) + [value]
        case .augAssign(let target, _, let value): return [target, value]
        case .annAssign(let target, let annotation, let value, _):
            return [target, annotation] + (value.map { [$0] } ?? [])
        case .for(let target, let iter, _, _, _): return [target, iter]
        case .while(let test, _, _), .if(let test, _, _): return [test]
        case .with(let items, _, _):
            return items.flatMap { [$0.contextExpr] + ($0.optionalVars.map { [$0] } ?? []) }
        case .match(let subject, let cases): return [subject] + cases.compactMap(\.guardExpr)
        case .raise(let exc, let cause): return [exc, cause].compactMap { $0 }
        case .try(_, let handlers, _, _, _): return handlers.compactMap(\.type)
        case .assert(let test, let msg): return [test] + (msg.map { [$0] } ?? [])
        case .expr(let e): return [e]
        case .import, .importFrom, .global, .nonlocal, .pass, .break, .continue, .invalid: return []
        }
    }
}

extension TypeParam {
    /// Bound and default, when present.
    public var expressions: [Expr] { [bound, defaultValue].compactMap { $0 } }
}
