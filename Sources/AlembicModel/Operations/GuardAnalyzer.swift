import PythonSyntax
import TextCore

/// Reads `if` conditions as tests of the database: which object they test through an
/// inspector, and whether the operation under them runs when it exists or when it is absent.
///
/// Recognised: `insp.has_table(t)`, `insp.has_index(t, ix)`, membership in
/// `insp.get_table_names()` and in names drawn from `get_columns` / `get_indexes` /
/// `get_unique_constraints` / `get_foreign_keys` / `get_check_constraints` (comprehensions,
/// `set(...)`, local variables), `any(c['name'] == x for c in insp.get_columns(t))`,
/// `not`, `and`, `or`, and module-level helper functions returning such a test. Anything else
/// that calls the inspector becomes ``OperationGuard/Kind/unknownIntrospection``.
struct GuardAnalyzer {
    /// Module-level functions by name (helpers such as `column_exists`).
    let helpers: [String: FunctionDef]
    let module: NameScope

    /// Bounds the recursion through variables and helpers (a helper may call itself).
    private static let maxDepth = 12

    static let introspectionMethods: Set<String> = [
        "has_table", "has_index", "has_schema", "has_sequence", "get_table_names", "get_columns", "get_indexes",
        "get_unique_constraints", "get_foreign_keys", "get_check_constraints", "get_pk_constraint", "get_view_names",
        "get_sorted_table_and_fkc_names", "get_table_comment", "get_schema_names", "get_sequence_names",
        "get_table_options", "get_temp_table_names", "get_materialized_view_names", "get_multi_columns",
        "get_multi_indexes", "get_multi_foreign_keys", "get_multi_unique_constraints", "get_multi_check_constraints",
        "get_multi_pk_constraint", "has_multi_table",
    ]

    /// A set of names drawn from the inspector: table names, or the columns / indexes /
    /// constraints of `table`. `records` when the elements are the inspector's dictionaries.
    struct NameSet {
        var kind: OperationGuard.Kind
        var table: String?
        var records: Bool
    }

    // MARK: Conditions

    /// The guards an operation gets from `condition` being `truth`; nil when the condition does
    /// not test the database at all.
    func guards(_ condition: Expr, truth: Bool, scope: NameScope) -> [OperationGuard]? {
        guards(condition, truth: truth, scope: scope, site: nil, depth: 0)
    }

    private func guards(_ e: Expr, truth: Bool, scope: NameScope, site: ByteRange?, depth: Int) -> [OperationGuard]? {
        guard depth < Self.maxDepth else { return nil }
        let at = site ?? e.range
        func unknown() -> [OperationGuard]? {
            introspects(e, scope: scope, depth: depth)
                ? [OperationGuard(kind: .unknownIntrospection, table: nil, polarity: .unknown, range: at)] : nil
        }
        switch e.kind {
        case let .unaryOp(.not, operand):
            return guards(operand, truth: !truth, scope: scope, site: site, depth: depth + 1)
        case let .boolOp(op, values):
            // `a and b` true (or `a or b` false) fixes every operand; the other cases do not.
            if (op == .and) == truth {
                let parts = values.compactMap { guards($0, truth: truth, scope: scope, site: site, depth: depth + 1) }
                return parts.isEmpty ? nil : parts.flatMap { $0 }
            }
            return unknown()
        case let .namedExpr(_, value):
            return guards(value, truth: truth, scope: scope, site: site ?? e.range, depth: depth + 1)
        case let .compare(left, ops, comparators) where ops.count == 1 && (ops[0] == .in || ops[0] == .notIn):
            guard let right = comparators.first, let set = nameSet(right, scope: scope, depth: depth + 1), !set.records else {
                return unknown()
            }
            let exists = (ops[0] == .in) == truth
            return [guardOf(set, name: string(left, scope: scope, depth: depth + 1), exists: exists, at: at)]
        case let .name(identifier):
            guard let bound = scope.lookup(identifier.name, before: e.range.start) else { return nil }
            return guards(bound.value, truth: truth, scope: bound.scope, site: at, depth: depth + 1)
        case let .call(function, args, keywords):
            if let probe = probe(function, args, keywords, scope: scope, depth: depth + 1) {
                return [OperationGuard(kind: probe.kind, table: probe.table, names: probe.name.map { [$0] } ?? [],
                                       polarity: truth ? .whenExists : .whenAbsent, range: at)]
            }
            if let name = function.identifier {
                if (name == "bool" || name == "any") && args.count == 1 && keywords.isEmpty {
                    if name == "bool" { return guards(args[0], truth: truth, scope: scope, site: site, depth: depth + 1) }
                    if let result = anyMatch(args[0], truth: truth, scope: scope, at: at, depth: depth + 1) { return result }
                }
                if let helper = helpers[name], let returned = Self.returnedExpression(helper) {
                    let inner = NameScope.helper(helper, args: args, keywords: keywords, caller: scope, module: module)
                    if let result = guards(returned, truth: truth, scope: inner, site: at, depth: depth + 1) { return result }
                }
            }
            return unknown()
        default:
            return unknown()
        }
    }

    /// `any(c['name'] == 'x' for c in insp.get_columns('t'))`.
    private func anyMatch(_ e: Expr, truth: Bool, scope: NameScope, at: ByteRange, depth: Int) -> [OperationGuard]? {
        guard case let .generatorExp(elt, generators) = e.kind, generators.count == 1,
              let variable = generators[0].target.identifier,
              let set = nameSet(generators[0].iter, scope: scope, depth: depth + 1),
              case let .compare(left, ops, comparators) = elt.kind, ops == [.eq], let right = comparators.first
        else { return nil }
        let name: String?
        if set.records, Self.isNameField(left, of: variable) {
            name = string(right, scope: scope, depth: depth + 1)
        } else if set.records, Self.isNameField(right, of: variable) {
            name = string(left, scope: scope, depth: depth + 1)
        } else if !set.records, left.identifier == variable {
            name = string(right, scope: scope, depth: depth + 1)
        } else {
            return nil
        }
        return [guardOf(set, name: name, exists: truth, at: at)]
    }

    private func guardOf(_ set: NameSet, name: String?, exists: Bool, at: ByteRange) -> OperationGuard {
        let polarity: OperationGuard.Polarity = exists ? .whenExists : .whenAbsent
        if set.kind == .tableExists {
            return OperationGuard(kind: .tableExists, table: name, polarity: polarity, range: at)
        }
        return OperationGuard(kind: set.kind, table: set.table, names: name.map { [$0] } ?? [], polarity: polarity, range: at)
    }

    /// `insp.has_table(t)`, `insp.has_index(t, ix)`, `bind.dialect.has_table(bind, t)`.
    private func probe(_ function: Expr, _ args: NodeList<Expr>, _ keywords: NodeList<Keyword>, scope: NameScope, depth: Int)
        -> (kind: OperationGuard.Kind, table: String?, name: String?)?
    {
        guard case let .attribute(receiver, attr) = function.kind else { return nil }
        let skip = (receiver.dottedName?.hasSuffix("dialect") ?? false) ? 1 : 0
        func argument(_ position: Int, _ keyword: String) -> String? {
            if let value = keywords.first(where: { $0.name?.name == keyword })?.value { return string(value, scope: scope, depth: depth) }
            return position + skip < args.count ? string(args[position + skip], scope: scope, depth: depth) : nil
        }
        switch attr.name {
        case "has_table": return (.tableExists, argument(0, "table_name"), nil)
        case "has_index": return (.indexExists, argument(0, "table_name"), argument(1, "index_name"))
        default: return nil
        }
    }

    // MARK: Sets of names

    /// The set `e` evaluates to, when it is drawn from the inspector.
    func nameSet(_ e: Expr, scope: NameScope, depth: Int) -> NameSet? {
        guard depth < Self.maxDepth else { return nil }
        switch e.kind {
        case let .call(function, args, keywords):
            if case let .attribute(_, attr) = function.kind {
                let table: String?
                if let keyword = keywords.first(where: { $0.name?.name == "table_name" }) {
                    table = string(keyword.value, scope: scope, depth: depth + 1)
                } else {
                    table = args.first.flatMap { string($0, scope: scope, depth: depth + 1) }
                }
                switch attr.name {
                case "get_table_names": return NameSet(kind: .tableExists, table: nil, records: false)
                case "get_columns": return NameSet(kind: .columnExists, table: table, records: true)
                case "get_indexes": return NameSet(kind: .indexExists, table: table, records: true)
                case "get_unique_constraints", "get_foreign_keys", "get_check_constraints":
                    return NameSet(kind: .constraintExists, table: table, records: true)
                default: return nil
                }
            }
            if let name = function.identifier, ["set", "list", "frozenset", "sorted", "tuple"].contains(name), args.count == 1 {
                return nameSet(args[0], scope: scope, depth: depth + 1)
            }
            return nil
        case let .listComp(elt, generators), let .setComp(elt, generators), let .generatorExp(elt, generators),
             let .dictComp(elt, _, generators):
            guard generators.count == 1, let variable = generators[0].target.identifier,
                  var set = nameSet(generators[0].iter, scope: scope, depth: depth + 1) else { return nil }
            if set.records && Self.isNameField(elt, of: variable) {
                set.records = false
                return set
            }
            return !set.records && elt.identifier == variable ? set : nil
        case let .name(identifier):
            guard let bound = scope.lookup(identifier.name, before: e.range.start) else { return nil }
            return nameSet(bound.value, scope: bound.scope, depth: depth + 1)
        default:
            return nil
        }
    }

    /// `v['name']` or `v.get('name')`.
    static func isNameField(_ e: Expr, of variable: String) -> Bool {
        switch e.kind {
        case let .subscript(value, slice):
            return value.identifier == variable && slice.stringValue == "name"
        case let .call(function, args, _):
            guard case let .attribute(value, attr) = function.kind, attr.name == "get" else { return false }
            return value.identifier == variable && args.first?.stringValue == "name"
        default:
            return false
        }
    }

    // MARK: Values

    /// The string `e` denotes: a literal, `op.f(literal)`, or a name bound to one.
    func string(_ e: Expr, scope: NameScope, depth: Int = 0) -> String? {
        guard depth < Self.maxDepth else { return nil }
        switch e.kind {
        case .constant(.string(let literal)): return literal.value
        case let .call(function, args, keywords) where args.count == 1 && keywords.isEmpty:
            let callee = function.dottedName ?? ""
            guard callee == "op.f" || callee == "f" || callee.hasSuffix(".conv") || callee == "conv" else { return nil }
            return string(args[0], scope: scope, depth: depth + 1)
        case let .name(identifier):
            guard let bound = scope.lookup(identifier.name, before: e.range.start) else { return nil }
            return string(bound.value, scope: bound.scope, depth: depth + 1)
        default:
            return nil
        }
    }

    /// True when `e` calls the inspector (directly, through a variable or a helper).
    func introspects(_ e: Expr, scope: NameScope, depth: Int) -> Bool {
        guard depth < Self.maxDepth else { return false }
        for node in e.descendantsAndSelf {
            switch node.kind {
            case let .call(function, _, _):
                if case let .attribute(_, attr) = function.kind, Self.introspectionMethods.contains(attr.name) { return true }
                if let callee = function.dottedName, callee.hasSuffix("inspect") || callee.hasSuffix("Inspector.from_engine") {
                    return true
                }
                if let name = function.identifier, let helper = helpers[name], let returned = Self.returnedExpression(helper),
                   introspects(returned, scope: NameScope.function(helper.body, parent: module), depth: depth + 1) {
                    return true
                }
            case let .name(identifier):
                if let bound = scope.lookup(identifier.name, before: node.range.start),
                   introspects(bound.value, scope: bound.scope, depth: depth + 1) {
                    return true
                }
            default: break
            }
        }
        return false
    }

    /// The expression of a helper's single `return` (nested blocks included, nested
    /// functions excluded); nil when there is not exactly one.
    static func returnedExpression(_ function: FunctionDef) -> Expr? {
        var found: [Expr] = []
        var pending = Array(function.body.reversed())
        while let statement = pending.popLast() {
            switch statement.kind {
            case let .return(value?): found.append(value)
            case .functionDef, .classDef: continue
            default: pending += statement.childStatements.reversed()
            }
        }
        return found.count == 1 ? found.first : nil
    }

    // MARK: Offline mode

    /// The `context.is_offline_mode()` test in `condition`, and whether `condition` being
    /// `truth` means offline mode.
    static func offlineTest(_ condition: Expr, truth: Bool) -> OfflineBranch? {
        switch condition.kind {
        case let .unaryOp(.not, operand):
            return offlineTest(operand, truth: !truth)
        case let .call(function, _, _):
            guard case let .attribute(_, attr) = function.kind, attr.name == "is_offline_mode" else { return nil }
            return OfflineBranch(runsOffline: truth, range: condition.range)
        case let .boolOp(op, values) where (op == .and) == truth:
            return values.lazy.compactMap { offlineTest($0, truth: truth) }.first
        default:
            return nil
        }
    }
}
