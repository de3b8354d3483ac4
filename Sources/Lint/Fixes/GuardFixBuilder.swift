import AlembicModel
import PythonSyntax
import TextCore

/// Builds the fixes that make operations of one migration file idempotent: wrapping the
/// statement in an introspection guard, the offline-safe form of that guard, or switching to
/// the native `if_not_exists=True` / `if_exists=True`.
///
/// Pure: it reads the file's bytes (parsed once per builder) and its operations. The
/// wrapped statement keeps its bytes (comments, tabs, line breaks); its lines are indented
/// by the function's indentation unit, except the lines inside a multi-line string.
///
/// ```swift
/// let builder = GuardFixBuilder(path: path, bytes: bytes, operations: file.operations)
/// builder.fix(for: operation, variant: .inspector)   // if not inspector.has_table('t'): …
/// builder.guardAll(operations)                       // every operation, one inspector per function
/// ```
public struct GuardFixBuilder {
    /// The guard styles.
    public enum Variant: Sendable {
        /// `if <test>:` with an inspector already in scope, one created at the top of the
        /// function (`bind = op.get_bind()`, `inspector = sa.inspect(bind)`), or a fresh one
        /// inline when an earlier operation of the function changed the schema (an
        /// inspector caches what it reflects).
        case inspector
        /// `if context.is_offline_mode() or <test>:`, with the inspector created inline so that
        /// `alembic upgrade --sql` never touches it.
        case offlineSafe
    }

    public let path: String
    let operations: [MigrationOperation]
    let parsed: ParsedModule
    let lines: SourceLines
    let imports: ModuleImports

    public init(path: String, bytes: [UInt8], operations: [MigrationOperation]) {
        self.path = path
        self.operations = operations
        parsed = parseModule(bytes)
        lines = SourceLines(bytes: bytes)
        imports = ModuleImports(parsed)
    }

    // MARK: Public fixes

    /// The guard fix of `variant` for `operation`; nil when it cannot be written safely (the
    /// call is not a statement of its own, shares its line with another statement, or its
    /// table or name is unknown).
    public func fix(for operation: MigrationOperation, variant: Variant) -> Fix? {
        guard let plan = plan(operation, variant: variant) else { return nil }
        let title = variant == .inspector
            ? "Wrap `\(operation.kind.methodName)` in an introspection guard"
            : "Wrap `\(operation.kind.methodName)` in an offline-safe introspection guard"
        return assemble([plan], title: title)
    }

    /// One fix guarding every operation of `operations` (with ``Variant/inspector``) that can
    /// be guarded, without overlapping edits: the operations of one function share the
    /// inspector created at its top; an import is added once. Nil when none can be guarded.
    public func guardAll(_ operations: [MigrationOperation], title: String = "Guard every operation in this file") -> Fix? {
        var plans: [Plan] = []
        var wrapped = Set<Int>()
        for operation in operations.sorted(by: { $0.callRange.start < $1.callRange.start }) {
            guard let plan = plan(operation, variant: .inspector), wrapped.insert(plan.wrap.range.start).inserted else { continue }
            plans.append(plan)
        }
        return plans.isEmpty ? nil : assemble(plans, title: title)
    }

    /// Switches `operation` to its native flag (`if_not_exists=True` / `if_exists=True`),
    /// replacing a flag already passed. Nil when the operation has no such flag or passes
    /// `**kwargs`; whether the flag makes it idempotent is ``NativeExistenceSupport``'s call.
    public func nativeFlagFix(for operation: MigrationOperation) -> Fix? {
        guard let flag = NativeExistenceSupport.flag(for: operation.kind, batch: operation.batch != nil),
              let call = callExpression(operation), case let .call(_, args, keywords) = call.kind else { return nil }
        let text = "\(flag.name.rawValue)=True"
        let edit: TextEdit
        if let existing = operation.nativeFlag {
            edit = TextEdit(range: existing.range, newText: text)
        } else {
            guard !keywords.contains(where: { $0.name == nil }),
                  let last = (args.map(\.range.end) + keywords.map(\.range.end)).max() else { return nil }
            edit = .insert(", \(text)", at: last)
        }
        return Fix(
            title: "Use `\(text)` on `\(operation.kind.methodName)`", edits: [FileEdit(path: path, edits: [edit])],
            applicability: .unsafe)
    }

    // MARK: Planning

    /// The edits of one guard: the statement's replacement, the inspector created at the top
    /// of the function (if any) and the imports it needs.
    struct Plan {
        var wrap: TextEdit
        var header: TextEdit?
        var needsInspectImport = false
        var needsContextImport = false
    }

    func plan(_ operation: MigrationOperation, variant: Variant) -> Plan? {
        guard let function = enclosingFunction(operation), let statement = ownStatement(operation),
              let region = wrappableLines(statement) else { return nil }
        var plan = Plan(wrap: TextEdit(range: .empty(at: 0), newText: ""))
        let inspectCall = imports.inspect ?? imports.inspectImportName
        let inline = "\(inspectCall)(op.get_bind())"
        var inspector = inline
        if variant == .inspector, !hasEarlierOperation(operation, before: statement.range.start),
           let setup = inspectorSetup(function, before: statement.range.start, inspectCall: inspectCall) {
            inspector = setup.name
            plan.header = setup.header
        }
        // An inspector already in scope needs no import; a new or inline one calls `inspect`.
        plan.needsInspectImport = imports.inspect == nil && (inspector == inline || plan.header != nil)
        guard let condition = GuardCondition(operation, inspector: inspector, source: lines.text) else { return nil }
        var test = condition.text()
        if variant == .offlineSafe {
            let context: String
            if let existing = imports.context {
                context = existing
            } else {
                context = imports.contextImportName
                plan.needsContextImport = true
            }
            test = "\(context).is_offline_mode() or \(condition.text(grouped: true))"
        }
        let unit = indentationUnit(function)
        let lineBreak = lines.lineBreak(near: region.start)
        let indent = lines.indentation(at: region.start)
        var text = "\(indent)if \(test):\(lineBreak)"
        let strings = stringInteriors(statement)
        var cursor = region.start
        for start in lines.lineStarts(from: region.start, through: region.end) where start < region.end {
            let lineEnd = lines.lineEnd(start)
            let insideString = strings.contains { $0.start < start && start < $0.end }
            let leading = lines.indentation(at: start).utf8.count
            if insideString || start + leading >= lineEnd { continue }
            text += lines.text(ByteRange(start: cursor, end: start + leading)) + unit
            cursor = start + leading
        }
        text += lines.text(ByteRange(start: cursor, end: region.end))
        plan.wrap = TextEdit(range: region, newText: text)
        return plan
    }

    /// Applies plans together: headers and imports deduplicated, insertions at the start
    /// of a replacement merged into it.
    func assemble(_ plans: [Plan], title: String) -> Fix? {
        var edits = plans.map(\.wrap)
        for header in plans.compactMap(\.header) where !edits.contains(header) { edits.append(header) }
        var importLines: [String] = []
        if plans.contains(where: \.needsContextImport) {
            let name = imports.contextImportName
            importLines.append(name == "context" ? "from alembic import context" : "from alembic import context as \(name)")
        }
        if plans.contains(where: \.needsInspectImport) {
            let name = imports.inspectImportName
            importLines.append(name == "inspect" ? "from sqlalchemy import inspect" : "from sqlalchemy import inspect as \(name)")
        }
        if !importLines.isEmpty {
            guard let edit = importEdit(importLines) else { return nil }
            edits.append(edit)
        }
        edits.sort { ($0.range.start, $0.range.end) < ($1.range.start, $1.range.end) }
        var merged: [TextEdit] = []
        for edit in edits {
            if let last = merged.last, last.range.isEmpty, last.range.start == edit.range.start {
                merged[merged.count - 1] = TextEdit(range: edit.range, newText: last.newText + edit.newText)
            } else {
                merged.append(edit)
            }
        }
        for (a, b) in zip(merged, merged.dropFirst()) where a.range.end > b.range.start { return nil }
        return Fix(title: title, edits: [FileEdit(path: path, edits: merged)], applicability: .unsafe)
    }

    /// The import lines, inserted on the line after the last top-level import (or at the top
    /// of the module, after its docstring).
    func importEdit(_ importLines: [String]) -> TextEdit? {
        let anchor: Int
        if let end = imports.lastImportEnd {
            guard lines.isBlankOrComment(end ..< lines.lineEnd(end)) else { return nil }
            anchor = lines.lineEnd(end)
        } else if let docstring = parsed.body.first, parsed.docstring != nil {
            anchor = lines.lineEnd(docstring.range.end)
        } else {
            return .insert(importLines.map { $0 + lines.lineBreak(near: 0) }.joined(), at: 0)
        }
        let lineBreak = lines.lineBreak(near: anchor)
        if let next = lines.nextLineStart(anchor) {
            return .insert(importLines.map { $0 + lineBreak }.joined(), at: next)
        }
        return .insert(importLines.map { lineBreak + $0 }.joined() + lineBreak, at: anchor)
    }

    // MARK: The statement

    /// The top-level migration function holding the operation.
    func enclosingFunction(_ operation: MigrationOperation) -> FunctionDef? {
        for statement in parsed.body {
            if case let .functionDef(function) = statement.kind, statement.range.start <= operation.callRange.start,
               operation.callRange.end <= statement.range.end, function.name.name == operation.function {
                return function
            }
        }
        return nil
    }

    /// The expression statement that is the operation's call itself (`op.x(...)` alone).
    func ownStatement(_ operation: MigrationOperation) -> Stmt? {
        guard let statement = parsed.statement(containing: operation.callRange.start),
              statement.range == operation.statementRange, case let .expr(value) = statement.kind,
              value.range == operation.callRange else { return nil }
        return statement
    }

    /// The call expression of the operation.
    func callExpression(_ operation: MigrationOperation) -> Expr? {
        guard let statement = parsed.statement(containing: operation.callRange.start) else { return nil }
        for root in statement.childExpressions {
            if let found = root.descendantsAndSelf.first(where: { $0.range == operation.callRange }) { return found }
        }
        return nil
    }

    /// The whole lines of `statement` (its trailing comment included, line break excluded);
    /// nil when another statement shares them.
    func wrappableLines(_ statement: Stmt) -> ByteRange? {
        let start = lines.lineStart(statement.range.start)
        let end = lines.lineEnd(statement.range.end)
        guard lines.isBlank(start ..< statement.range.start), lines.isBlankOrComment(statement.range.end ..< end) else { return nil }
        return ByteRange(start: start, end: end)
    }

    /// Ranges of string tokens spanning lines: their lines are content, not indentation.
    func stringInteriors(_ statement: Stmt) -> [ByteRange] {
        var out: [ByteRange] = []
        for root in statement.childExpressions {
            for e in root.descendantsAndSelf {
                switch e.kind {
                case let .constant(.string(literal)), let .constant(.bytes(literal)):
                    out += literal.parts.map(\.range)
                case .joinedStr:
                    out.append(e.range)
                default:
                    break
                }
            }
        }
        return out
    }

    // MARK: The inspector

    /// True when an operation of the function (other than `bulk_insert`) comes before
    /// `offset`: the database may have changed since an inspector there was used.
    func hasEarlierOperation(_ operation: MigrationOperation, before offset: Int) -> Bool {
        operations.contains {
            $0.function == operation.function && $0.callRange.start < offset && $0.kind != .bulkInsert && $0.kind != .batchAlterTable
        }
    }

    /// The inspector to use at the top of `function`: an assignment of one already in the
    /// function's body before `offset`, else a new one (`header`), built on a
    /// `bind = op.get_bind()` already there when there is one. Nil when neither works.
    func inspectorSetup(_ function: FunctionDef, before offset: Int, inspectCall: String) -> (name: String, header: TextEdit?)? {
        var inspector: String?
        var bind: (name: String, statement: Stmt)?
        for statement in function.body where statement.range.end <= offset {
            guard case let .assign(targets, value) = statement.kind else { continue }
            for target in targets {
                guard let name = target.identifier else { continue }
                if inspector == name { inspector = nil }
                if bind?.name == name { bind = nil }
                guard case let .call(callee, _, _) = value.kind, let dotted = callee.dottedName else { continue }
                if Self.isInspectorFactory(dotted, inspectCall: inspectCall) { inspector = name }
                if dotted == "op.get_bind" && targets.count == 1 { bind = (name, statement) }
            }
        }
        if let inspector { return (inspector, nil) }
        let used = usedNames(function)
        let inspectorName = ["inspector", "schema_inspector", "migration_inspector"].first { !used.contains($0) } ?? "inspector_"
        if let bind {
            guard let next = lines.nextLineStart(bind.statement.range.end),
                  lines.isBlankOrComment(bind.statement.range.end ..< lines.lineEnd(bind.statement.range.end)) else { return nil }
            let indent = lines.indentation(at: lines.lineStart(bind.statement.range.start))
            let text = "\(indent)\(inspectorName) = \(inspectCall)(\(bind.name))\(lines.lineBreak(near: next))"
            return (inspectorName, .insert(text, at: next))
        }
        guard let anchor = bodyTop(function) else { return nil }
        let bindName = ["bind", "connection", "migration_bind"].first { !used.contains($0) } ?? "bind_"
        let indent = lines.indentation(at: anchor)
        let lineBreak = lines.lineBreak(near: anchor)
        let text = "\(indent)\(bindName) = op.get_bind()\(lineBreak)\(indent)\(inspectorName) = \(inspectCall)(\(bindName))\(lineBreak)"
        return (inspectorName, .insert(text, at: anchor))
    }

    /// `sa.inspect`, `inspect`, `sa_inspect`, `Inspector.from_engine`, or the module's own name for it.
    static func isInspectorFactory(_ dotted: String, inspectCall: String) -> Bool {
        dotted == inspectCall || dotted == "inspect" || dotted.hasSuffix(".inspect") || dotted.hasSuffix("_inspect")
            || dotted.hasSuffix("Inspector.from_engine")
    }

    /// The start of the line of the function's first statement after its docstring; nil when
    /// the body starts on the `def` line.
    func bodyTop(_ function: FunctionDef) -> Int? {
        let body = Array(function.body)
        guard let first = body.first else { return nil }
        var statement = first
        if case let .expr(value) = first.kind, case .constant(.string) = value.kind, body.count > 1 {
            statement = body[1]
        }
        let start = lines.lineStart(statement.range.start)
        guard lines.isBlank(start ..< statement.range.start), start > function.nameRange.end else { return nil }
        return start
    }

    /// One level of indentation in `function`: its body's indentation beyond the `def` line's.
    func indentationUnit(_ function: FunctionDef) -> String {
        let defIndent = lines.indentation(at: lines.lineStart(function.nameRange.start))
        guard let first = function.body.first else { return "    " }
        let start = lines.lineStart(first.range.start)
        guard start > function.nameRange.end else { return "    " }
        let bodyIndent = lines.indentation(at: start)
        let unit = bodyIndent.hasPrefix(defIndent) ? String(bodyIndent.dropFirst(defIndent.count)) : bodyIndent
        return unit.isEmpty ? "    " : unit
    }

    /// The names the function's parameters, assignments and expressions use, and the module's.
    func usedNames(_ function: FunctionDef) -> Set<String> {
        var names = imports.boundNames
        for parameter in Array(function.parameters.posonly) + Array(function.parameters.args) + Array(function.parameters.kwonly) {
            names.insert(parameter.name.name)
        }
        var pending = Array(function.body)
        while let statement = pending.popLast() {
            pending += statement.childStatements
            for root in statement.childExpressions {
                for e in root.descendantsAndSelf { if let name = e.identifier { names.insert(name) } }
            }
        }
        return names
    }
}
