import PythonSyntax
import TextCore

/// Extracts the facts alembic reads from a migration module — `revision`, `down_revision`,
/// `branch_labels`, `depends_on` — plus the docstring header, without running the module.
///
/// Like Python, the last top-level binding wins. A variable bound inside a block
/// (`if`, `try`, …) or by a form the analyzer does not evaluate is reported as unresolved
/// rather than guessed.
public enum MigrationFactsExtractor {
    static let variables: Set<String> = ["revision", "down_revision", "branch_labels", "depends_on"]

    /// - Parameters:
    ///   - path: the file's path (its name gives alembic's legacy revision id).
    ///   - parsed: the parsed module.
    ///   - resolver: looks up constants imported from workspace modules.
    ///   - modulePackage: the dotted package containing the file, for relative imports.
    public static func extract(
        path: String, parsed: ParsedModule, resolver: ImportedConstantResolver? = nil, modulePackage: String? = nil
    ) -> MigrationFile {
        var file = MigrationFile(path: path)
        file.syntaxErrors = parsed.errors
        file.comments = parsed.commentLines()
        file.operations = OperationExtractor.extract(parsed)
        file.migrationFunctions = MigrationFunction.all(in: parsed)
        file.legacyRevisionFromName = legacyRevision(fromFileName: path)
        let tree = parsed.tree
        let body = tree.body
        // The folder learns the module's bindings only when a value refers to a name: most
        // migrations assign plain literals, and recording every import costs more than parsing.
        var moduleFolder = ConstantFolder(resolver: resolver, modulePackage: modulePackage)
        var recorded = 0
        func folder(before index: Int) -> ConstantFolder {
            while recorded < index {
                moduleFolder.record(body[recorded])
                recorded += 1
            }
            return moduleFolder
        }

        for (i, stmt) in body.enumerated() {
            let kind = stmt.kind
            if i == 0, case let .expr(value) = kind, case let .constant(.string(literal)) = value.kind {
                file.docstring = docstring(literal, range: value.range, source: tree.source)
            }
            switch kind {
            case let .assign(targets, value):
                guard targets.contains(where: { Self.bindsVariable($0) }) else { continue }
                let folding = ConstantFolder.isLiteral(value) ? ConstantFolder.literalsOnly : folder(before: i)
                for target in targets {
                    assign(target: target, valueExpr: value, statement: stmt.range, folder: folding, into: &file)
                }
            case let .annAssign(target, _, value?, _):
                guard Self.bindsVariable(target) else { continue }
                let folding = ConstantFolder.isLiteral(value) ? ConstantFolder.literalsOnly : folder(before: i)
                assign(target: target, valueExpr: value, statement: stmt.range, folder: folding, into: &file)
            case let .importFrom(_, names, _):
                // `from .common import down_revision` binds the variable to an imported constant.
                for alias in names {
                    let bound = alias.asname?.name ?? alias.name.name
                    guard variables.contains(bound) else { continue }
                    let value = folder(before: i + 1).constant(named: bound) ?? .other("`\(bound)`, imported from a module the analyzer could not read")
                    store(bound, value, statement: stmt.range, valueRange: alias.range, into: &file)
                }
            case .expr, .pass, .import, .annAssign:
                continue
            case let .functionDef(f):
                if variables.contains(f.name.name) {
                    setUnresolved(f.name.name, reason: "it is bound by a function definition", statement: stmt.range, value: stmt.range, into: &file)
                }
            default:
                let bound = Set(ConstantFolder.boundNames(stmt)).intersection(variables)
                for name in bound {
                    setUnresolved(name, reason: "it is bound inside a block or by a statement the analyzer does not evaluate",
                                  statement: stmt.range, value: stmt.range, into: &file)
                }
            }
        }
        return file
    }

    static let variableBytes: [(name: String, bytes: [UInt8])] = variables.sorted().map { ($0, Array($0.utf8)) }

    /// The variable an identifier names, when it is one of the four, compared on the source
    /// bytes (most names are not, and decoding each into a String would cost more).
    static func variableName(_ id: Identifier) -> String? {
        let range = id.range
        let source = id.tree.source
        guard range.end <= source.count else { return nil }
        for candidate in variableBytes where candidate.bytes.count == range.length {
            if source[range.start ..< range.end].elementsEqual(candidate.bytes) { return candidate.name }
        }
        return nil
    }

    /// Whether an assignment target binds one of the four variables (directly or by unpacking).
    static func bindsVariable(_ target: Expr) -> Bool {
        switch target.kind {
        case let .name(id): return variableName(id) != nil
        case let .tuple(elts), let .list(elts): return elts.contains { bindsVariable($0) }
        case let .starred(inner): return bindsVariable(inner)
        default: return false
        }
    }

    private static func assign(
        target: Expr, valueExpr: Expr, statement: ByteRange, folder: ConstantFolder, into file: inout MigrationFile
    ) {
        switch target.kind {
        case let .name(id):
            guard let name = variableName(id) else { return }
            store(name, folder.fold(valueExpr), statement: statement, valueRange: valueExpr.range, into: &file)
        case let .tuple(elts), let .list(elts):
            let names = elts.compactMap { $0.identifier }.filter { variables.contains($0) }
            guard !names.isEmpty else { return }
            if case let .sequence(items, _) = folder.fold(valueExpr), items.count == elts.count {
                for (elt, item) in zip(elts, items) {
                    if let name = elt.identifier, variables.contains(name) {
                        store(name, item, statement: statement, valueRange: elt.range, into: &file)
                    }
                }
            } else {
                for name in names {
                    setUnresolved(name, reason: "it is unpacked from a value the analyzer cannot fold",
                                  statement: statement, value: valueExpr.range, into: &file)
                }
            }
        default:
            break
        }
    }

    private static func store(
        _ name: String, _ value: FoldedValue, statement: ByteRange, valueRange: ByteRange, into file: inout MigrationFile
    ) {
        switch name {
        case "revision":
            if case let .string(item) = value {
                file.revision = .value(item, statement: statement, valueRange: valueRange)
            } else {
                file.revision = .unresolved(reason: describe(value, expected: "a string"), statement: statement, valueRange: valueRange)
            }
        case "down_revision":
            file.downRevision = reference(value, statement: statement, valueRange: valueRange)
        case "depends_on":
            file.dependsOn = reference(value, statement: statement, valueRange: valueRange)
        case "branch_labels":
            switch value {
            case .none: file.branchLabels = .value([], statement: statement, valueRange: valueRange)
            case let .string(item): file.branchLabels = .value([item], statement: statement, valueRange: valueRange)
            case let .sequence(items, _):
                var labels: [StringItem] = []
                for item in items {
                    guard case let .string(s) = item else {
                        file.branchLabels = .unresolved(reason: describe(item, expected: "a string"), statement: statement, valueRange: valueRange)
                        return
                    }
                    labels.append(s)
                }
                file.branchLabels = .value(labels, statement: statement, valueRange: valueRange)
            case .other:
                file.branchLabels = .unresolved(reason: describe(value, expected: "a string or a tuple of strings"), statement: statement, valueRange: valueRange)
            }
        default:
            break
        }
    }

    /// alembic's `tuple_rev_as_scalar(to_tuple(value))`.
    private static func reference(_ value: FoldedValue, statement: ByteRange, valueRange: ByteRange) -> AssignedFact<DeclaredRevisions> {
        switch value {
        case .none:
            return .value(.none, statement: statement, valueRange: valueRange)
        case let .string(item):
            return .value(.single(item), statement: statement, valueRange: valueRange)
        case let .sequence(items, _):
            if items.isEmpty { return .value(.none, statement: statement, valueRange: valueRange) }
            if items.count == 1, case .none = items[0] { return .value(.none, statement: statement, valueRange: valueRange) }
            var strings: [StringItem] = []
            for item in items {
                guard case let .string(s) = item else {
                    return .unresolved(reason: describe(item, expected: "a revision id string"), statement: statement, valueRange: valueRange)
                }
                strings.append(s)
            }
            return .value(strings.count == 1 ? .single(strings[0]) : .multiple(strings), statement: statement, valueRange: valueRange)
        case .other:
            return .unresolved(reason: describe(value, expected: "a revision id, a tuple of ids or None"), statement: statement, valueRange: valueRange)
        }
    }

    private static func setUnresolved(_ name: String, reason: String, statement: ByteRange, value: ByteRange, into file: inout MigrationFile) {
        switch name {
        case "revision": file.revision = .unresolved(reason: reason, statement: statement, valueRange: value)
        case "down_revision": file.downRevision = .unresolved(reason: reason, statement: statement, valueRange: value)
        case "depends_on": file.dependsOn = .unresolved(reason: reason, statement: statement, valueRange: value)
        case "branch_labels": file.branchLabels = .unresolved(reason: reason, statement: statement, valueRange: value)
        default: break
        }
    }

    private static func describe(_ value: FoldedValue, expected: String) -> String {
        switch value {
        case let .other(what): return "the value is \(what), not \(expected)"
        case .none: return "the value is None, not \(expected)"
        case .string: return "the value is a string, not \(expected)"
        case .sequence: return "the value is a sequence, not \(expected)"
        }
    }

    private static func docstring(_ literal: StringLiteral, range: ByteRange, source: [UInt8]) -> MigrationDocstring {
        // Fast path: one literal without escapes or carriage returns is its own value, and
        // ranges inside it map 1:1 onto the file.
        if literal.parts.count == 1, let part = literal.parts.first, !part.isBytes {
            let content = part.contentRange
            if content.end <= source.count,
               !source[content.start ..< content.end].contains(where: { $0 == UInt8(ascii: "\\") || $0 == 0x0D }) {
                let value = String(decoding: source[content.start ..< content.end], as: UTF8.self)
                return DocstringFacts.parse(value: value, contentStart: content.start, literalRange: range)
            }
        }
        return DocstringFacts.parse(value: literal.value, contentStart: nil, literalRange: range)
    }

    /// alembic's `_legacy_rev.match(filename)`: the whole name is lowercase hex + `.py`.
    static func legacyRevision(fromFileName path: String) -> String? {
        let bytes = path.utf8
        let nameStart = bytes.lastIndex(of: UInt8(ascii: "/")).map { bytes.index(after: $0) } ?? bytes.startIndex
        let name = bytes[nameStart...]
        guard name.count > 3, name.suffix(3).elementsEqual(".py".utf8) else { return nil }
        let stem = name.dropLast(3)
        guard stem.allSatisfy({ ($0 >= 0x30 && $0 <= 0x39) || ($0 >= 0x61 && $0 <= 0x66) }) else { return nil }
        return String(decoding: stem, as: UTF8.self)
    }
}
