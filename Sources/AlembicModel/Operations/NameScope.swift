import PythonSyntax

/// Where the analyzer looks up a name while reading an operation's arguments or a guard:
/// the assignments of the enclosing function (flow-insensitive: the last one written before
/// the use), a helper's parameters bound to the caller's arguments, then the module's
/// top-level assignments.
///
/// The bindings are recorded on the first lookup: most migrations pass literals only and
/// never look a name up.
final class NameScope {
    /// Name → the values assigned to it, in source order (statement start, value).
    private var bindings: [String: [(start: Int, value: Expr)]] = [:]
    /// The statements whose assignments are not recorded yet, and whether to descend into
    /// nested blocks (a function body) or not (the module).
    private var unrecorded: (body: NodeList<Stmt>, nested: Bool)?
    /// A helper's parameters: name → the argument expression and the scope to read it in.
    private var parameters: [String: (value: Expr, scope: NameScope)] = [:]
    private let parent: NameScope?

    init(parent: NameScope?) {
        self.parent = parent
    }

    /// The scope of a function body (nested functions and classes excluded).
    static func function(_ body: NodeList<Stmt>, parent: NameScope?) -> NameScope {
        let scope = NameScope(parent: parent)
        scope.unrecorded = (body, true)
        return scope
    }

    /// The module scope: top-level assignments only.
    static func module(_ body: NodeList<Stmt>) -> NameScope {
        let scope = NameScope(parent: nil)
        scope.unrecorded = (body, false)
        return scope
    }

    private func recordPending() {
        guard let (body, nested) = unrecorded else { return }
        unrecorded = nil
        guard nested else {
            for statement in body { record(statement) }
            return
        }
        var pending = Array(body.reversed())
        while let statement = pending.popLast() {
            record(statement)
            switch statement.kind {
            case .functionDef, .classDef: continue
            default: pending += statement.childStatements.reversed()
            }
        }
    }

    /// A helper call's scope: its parameters bound to the call's arguments.
    static func helper(_ function: FunctionDef, args: NodeList<Expr>, keywords: NodeList<Keyword>, caller: NameScope, module: NameScope) -> NameScope {
        let scope = NameScope.function(function.body, parent: module)
        let parameters = Array(function.parameters.posonly) + Array(function.parameters.args)
        for (i, parameter) in parameters.enumerated() {
            let name = parameter.name.name
            if i < args.count, !isStarred(args[i]) {
                scope.parameters[name] = (args[i], caller)
            } else if let keyword = keywords.first(where: { $0.name?.name == name }) {
                scope.parameters[name] = (keyword.value, caller)
            } else if let value = parameter.defaultValue {
                scope.parameters[name] = (value, module)
            }
        }
        for parameter in function.parameters.kwonly {
            let name = parameter.name.name
            if let keyword = keywords.first(where: { $0.name?.name == name }) {
                scope.parameters[name] = (keyword.value, caller)
            } else if let value = parameter.defaultValue {
                scope.parameters[name] = (value, module)
            }
        }
        return scope
    }

    private static func isStarred(_ e: Expr) -> Bool {
        if case .starred = e.kind { return true }
        return false
    }

    private func record(_ statement: Stmt) {
        switch statement.kind {
        case let .assign(targets, value):
            for target in targets {
                if let name = target.identifier { bindings[name, default: []].append((statement.range.start, value)) }
            }
        case let .annAssign(target, _, value?, _):
            if let name = target.identifier { bindings[name, default: []].append((statement.range.start, value)) }
        case let .if(test, _, _), let .while(test, _, _):
            for e in test.descendantsAndSelf {
                if case let .namedExpr(target, value) = e.kind, let name = target.identifier {
                    bindings[name, default: []].append((e.range.start, value))
                }
            }
        default: break
        }
    }

    /// The value `name` denotes at `offset`, and the scope to read that value in.
    func lookup(_ name: String, before offset: Int) -> (value: Expr, scope: NameScope)? {
        if let parameter = parameters[name] { return parameter }
        recordPending()
        if let candidates = bindings[name] {
            if let last = candidates.last(where: { $0.start < offset }) { return (last.value, self) }
            // A binding written after the use in source order (a loop) is still a binding.
            if let first = candidates.first { return (first.value, self) }
        }
        return parent?.lookup(name, before: offset)
    }
}
