import PythonSyntax
import TextCore

/// The operations a migration performs, as text: every call on `op` (or a batch operation
/// object such as `batch_op`) in `upgrade()` and `downgrade()`, with comments removed and
/// layout normalised, so that reformatting (line breaks, indentation, trailing commas) does
/// not count as an edit but changing a table, a column or SQL does.
public struct MigrationOperations: Hashable, Sendable {
    public var upgrade: [String]
    public var downgrade: [String]

    public init(upgrade: [String], downgrade: [String]) {
        self.upgrade = upgrade
        self.downgrade = downgrade
    }

    /// The operations of a parsed migration module.
    public static func extract(_ parsed: ParsedModule) -> MigrationOperations {
        var upgrade: [String] = [], downgrade: [String] = []
        for statement in parsed.body {
            guard case let .functionDef(function) = statement.kind else { continue }
            switch function.name.text {
            case "upgrade": upgrade += calls(in: Array(function.body), parsed)
            case "downgrade": downgrade += calls(in: Array(function.body), parsed)
            default: continue
            }
        }
        return MigrationOperations(upgrade: upgrade, downgrade: downgrade)
    }

    private static func calls(in statements: [Stmt], _ parsed: ParsedModule) -> [String] {
        var out: [String] = []
        var pending = statements.reversed() as [Stmt]
        while let statement = pending.popLast() {
            switch statement.kind {
            case let .expr(value) where isOperation(value):
                out.append(normalized(value.range, parsed))
            case let .assign(_, value) where isOperation(value):
                out.append(normalized(value.range, parsed))
            case let .with(items, _, _):
                for item in items where isOperationText(item.text) { out.append(normalized(item.range, parsed)) }
            default: break
            }
            pending += statement.childStatements.reversed()
        }
        return out
    }

    /// A call whose callee starts with a name ending in `op` (`op.add_column`,
    /// `batch_op.drop_column`, `op.get_bind().execute`).
    private static func isOperation(_ expr: Expr) -> Bool {
        guard case let .call(function, _, _) = expr.kind else { return false }
        return isOperationText(function.text)
    }

    private static func isOperationText(_ text: String) -> Bool {
        guard let dot = text.firstIndex(of: ".") else { return false }
        let head = text[..<dot]
        return head.hasSuffix("op") && head.allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" }
    }

    /// The text of `range` without comments, with whitespace outside string literals removed
    /// around punctuation and collapsed elsewhere, and trailing commas dropped.
    static func normalized(_ range: ByteRange, _ parsed: ParsedModule) -> String {
        let source = parsed.tree.source
        let comments = parsed.comments.filter { $0.start >= range.start && $0.end <= range.end }
        var out: [UInt8] = []
        var quote: [UInt8]? = nil
        var i = range.start
        let end = min(range.end, source.count)
        func isPunctuation(_ b: UInt8?) -> Bool {
            guard let b else { return true }
            return Array("()[]{},=:".utf8).contains(b)
        }
        while i < end {
            if quote == nil, let comment = comments.first(where: { $0.start == i }) {
                i = max(comment.end, i + 1)
                continue
            }
            let byte = source[i]
            if let q = quote {
                out.append(byte)
                if byte == UInt8(ascii: "\\"), i + 1 < end {
                    out.append(source[i + 1])
                    i += 2
                    continue
                }
                if i + q.count <= end, Array(source[i ..< i + q.count]) == q {
                    out.append(contentsOf: q.dropFirst())
                    i += q.count
                    quote = nil
                    continue
                }
                i += 1
                continue
            }
            if byte == UInt8(ascii: "'") || byte == UInt8(ascii: "\"") {
                let triple = i + 2 < end && source[i + 1] == byte && source[i + 2] == byte
                quote = triple ? [byte, byte, byte] : [byte]
                out.append(contentsOf: quote ?? [byte])
                i += triple ? 3 : 1
                continue
            }
            if byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D || byte == UInt8(ascii: "\\") {
                var j = i
                while j < end, [0x20, 0x09, 0x0A, 0x0D, UInt8(ascii: "\\")].contains(source[j]) { j += 1 }
                let next: UInt8? = j < end ? source[j] : nil
                if !isPunctuation(out.last) && !isPunctuation(next) { out.append(0x20) }
                i = j
                continue
            }
            if [UInt8(ascii: ")"), UInt8(ascii: "]"), UInt8(ascii: "}")].contains(byte), out.last == UInt8(ascii: ",") {
                out.removeLast()
            }
            out.append(byte)
            i += 1
        }
        return String(decoding: out, as: UTF8.self)
    }
}
