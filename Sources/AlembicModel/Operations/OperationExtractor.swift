import PythonSyntax
import TextCore

/// Finds every Alembic operation of a migration module, without running it: the calls on
/// `op` and on `batch_alter_table` contexts in `upgrade()` / `downgrade()` and the
/// multi-database `upgrade_<name>()` / `downgrade_<name>()`, each with its arguments bound the
/// way Alembic binds them and the introspection guards around it.
///
/// ```swift
/// let operations = OperationExtractor.extract(parseModule(bytes))
/// for operation in operations where operation.isUpgrade && !operation.isGuarded { … }
/// ```
public enum OperationExtractor {
    /// The operations of `parsed`, in source order.
    public static func extract(_ parsed: ParsedModule) -> [MigrationOperation] {
        var functions: [FunctionDef] = []
        var helpers: [String: FunctionDef] = [:]
        for statement in parsed.body {
            guard case let .functionDef(function) = statement.kind else { continue }
            let name = function.name.name
            if isMigrationFunction(name) { functions.append(function) } else { helpers[name] = function }
        }
        guard !functions.isEmpty else { return [] }
        let module = NameScope.module(parsed.body)
        let analyzer = GuardAnalyzer(helpers: helpers, module: module)
        var out: [MigrationOperation] = []
        for function in functions {
            var walker = FunctionWalker(
                function: function.name.name, scope: NameScope.function(function.body, parent: module), analyzer: analyzer)
            swap(&walker.operations, &out)
            walker.visit(function.body, context: FunctionWalker.Context())
            swap(&walker.operations, &out)
        }
        return out
    }

    /// `upgrade`, `downgrade`, and their multi-database forms `upgrade_<name>` / `downgrade_<name>`.
    public static func isMigrationFunction(_ name: String) -> Bool {
        name == "upgrade" || name == "downgrade" || name.hasPrefix("upgrade_") || name.hasPrefix("downgrade_")
    }
}

/// Walks one migration function's statements, keeping the guards and batch contexts in force.
struct FunctionWalker {
    struct Context {
        var guards: [OperationGuard] = []
        var offline: OfflineBranch?
        /// Batch operations objects in scope, by variable name.
        var batches: [String: BatchContext] = [:]
    }

    let function: String
    let scope: NameScope
    let analyzer: GuardAnalyzer
    var operations: [MigrationOperation] = []

    init(function: String, scope: NameScope, analyzer: GuardAnalyzer) {
        self.function = function
        self.scope = scope
        self.analyzer = analyzer
    }

    mutating func visit(_ block: NodeList<Stmt>, context: Context) {
        var context = context
        for statement in block {
            switch statement.kind {
            case let .if(test, body, orelse):
                let whenTrue = narrowed(context, by: test, truth: true)
                let whenFalse = narrowed(context, by: test, truth: false)
                visit(body, context: whenTrue)
                visit(orelse, context: whenFalse)
                // `if table_exists: return` guards everything after it in the block (and
                // `if missing: ... else: return` the other way round).
                let bodyLeaves = body.last.map(Self.leavesBlock) ?? false
                let elseLeaves = orelse.last.map(Self.leavesBlock) ?? false
                if bodyLeaves && !elseLeaves {
                    context = whenFalse
                } else if elseLeaves && !bodyLeaves {
                    context = whenTrue
                }
            case let .with(items, body, _):
                var inner = context
                for item in items {
                    guard case let .call(callee, args, keywords) = item.contextExpr.kind,
                          case let .attribute(receiver, attr) = callee.kind, receiver.identifier == "op",
                          attr.name == "batch_alter_table" else {
                        collect(item.contextExpr, statement: statement, context: context)
                        continue
                    }
                    let bound = OperationSignature.of(.batchAlterTable, batch: false)?.bind(args: args, keywords: keywords)
                        ?? BoundArguments()
                    let batch = BatchContext(
                        table: name(bound["table_name"]), schema: name(bound["schema"]),
                        variable: item.optionalVars?.identifier ?? "", statementRange: statement.range,
                        callRange: item.contextExpr.range)
                    operations.append(MigrationOperation(
                        kind: .batchAlterTable, function: function, table: batch.table, schema: batch.schema,
                        batch: batch, guards: context.guards, offlineBranch: context.offline,
                        statementRange: statement.range, callRange: item.contextExpr.range, calleeRange: callee.range))
                    if let variable = item.optionalVars?.identifier { inner.batches[variable] = batch }
                }
                visit(body, context: inner)
            case let .for(_, iter, body, orelse, _):
                collect(iter, statement: statement, context: context)
                visit(body, context: context)
                visit(orelse, context: context)
            case let .while(_, body, orelse):
                visit(body, context: context)
                visit(orelse, context: context)
            case let .try(body, handlers, orelse, finalbody, _):
                visit(body, context: context)
                for handler in handlers { visit(handler.body, context: context) }
                visit(orelse, context: context)
                visit(finalbody, context: context)
            case let .match(_, cases):
                for matchCase in cases { visit(matchCase.body, context: context) }
            case .functionDef, .classDef:
                continue
            case let .expr(e):
                collect(e, statement: statement, context: context)
            default:
                for e in statement.childExpressions { collect(e, statement: statement, context: context) }
            }
        }
    }

    /// `return` and `continue` end the block for the statements after them.
    static func leavesBlock(_ statement: Stmt) -> Bool {
        switch statement.kind {
        case .return, .continue: true
        default: false
        }
    }

    private func narrowed(_ context: Context, by test: Expr, truth: Bool) -> Context {
        var out = context
        if let guards = analyzer.guards(test, truth: truth, scope: scope) { out.guards += guards }
        if let offline = GuardAnalyzer.offlineTest(test, truth: truth) { out.offline = offline }
        return out
    }

    /// Records the operation calls inside `e` (an `op.bulk_insert(op.create_table(...))` has two).
    private mutating func collect(_ e: Expr, statement: Stmt, context: Context) {
        var stack = [e]
        while let node = stack.popLast() {
            let nodeKind = node.kind
            node.pushChildrenReversed(nodeKind, onto: &stack)
            guard case let .call(callee, args, keywords) = nodeKind, case let .attribute(receiver, attr) = callee.kind,
                  let variable = receiver.identifier else { continue }
            let batch = context.batches.isEmpty ? nil : context.batches[variable]
            guard variable == "op" || batch != nil, let kind = OperationKind(method: attr.name), kind != .batchAlterTable else {
                continue
            }
            var operation = MigrationOperation(
                kind: kind, function: function, batch: batch, guards: context.guards, offlineBranch: context.offline,
                statementRange: statement.range, callRange: node.range, calleeRange: callee.range)
            if let signature = OperationSignature.of(kind, batch: batch != nil) {
                fill(&operation, signature.bind(args: args, keywords: keywords))
            }
            if let batch {
                operation.table = batch.table
                if operation.schema == nil { operation.schema = batch.schema }
            }
            operations.append(operation)
        }
    }
}
