import AlembicModel
import TextCore

/// One completion proposal: a revision id or a branch label, or a table, column, index or
/// constraint name inside an operation's arguments.
public struct CompletionCandidate: Hashable, Sendable {
    public enum Kind: Hashable, Sendable {
        case revision, branchLabel
        case table, column, index, constraint
    }

    public var label: String
    /// The revision's message.
    public var detail: String
    /// Heads sort first.
    public var sortText: String
    public var kind: Kind
    /// The string content the proposal replaces (between the quotes).
    public var replaceRange: ByteRange
}

/// Completion proposals, possibly cut short.
public struct CompletionResult: Hashable, Sendable {
    public var candidates: [CompletionCandidate]
    /// True when more proposals matched than were returned.
    public var isIncomplete: Bool
}

extension AnalysisSnapshot {
    /// The most proposals one completion returns.
    public static let completionLimit = 500

    /// Revision ids (and branch labels where alembic accepts them) for the string literal
    /// under `offset`, when it belongs to `down_revision`, `depends_on` or `branch_labels`;
    /// otherwise schema names inside an operation's arguments (``schemaCompletion(path:offset:)``).
    public func completion(path: String, offset: Int) -> CompletionResult? {
        guard let environment = migration(at: path)?.environment, let bytes = source(path)?.bytes,
              let context = Self.completionContext(bytes, offset: min(max(offset, 0), bytes.count)) else {
            return schemaCompletion(path: path, offset: offset)
        }
        let prefix = String(decoding: bytes[context.contentStart ..< min(max(offset, context.contentStart), bytes.count)], as: UTF8.self)
        let own = migration(at: path)?.file.revisionID
        let heads = Set(environment.lintGraph.heads)
        var out: [CompletionCandidate] = []
        var matched = 0
        func add(_ label: String, _ detail: String, _ kind: CompletionCandidate.Kind, head: Bool) {
            guard label.hasPrefix(prefix) else { return }
            matched += 1
            guard out.count < Self.completionLimit else { return }
            out.append(CompletionCandidate(
                label: label, detail: detail, sortText: (head ? "0 " : "1 ") + label, kind: kind, replaceRange: context.replace))
        }
        if context.role != .branchLabel {
            // Newest first (reverse load order) among heads and among the rest.
            let ordered = environment.fileIndexByRevision.sorted { $0.value > $1.value }
            for (id, index) in ordered.sorted(by: { heads.contains($0.key) && !heads.contains($1.key) }) where id != own {
                add(id, environment.files[index].docstring?.message ?? "", .revision, head: heads.contains(id))
            }
        }
        if context.role != .downRevision {
            for (label, index) in environment.fileIndexByLabel.sorted(by: { $0.key < $1.key }) {
                let owner = environment.files[index]
                add(label, "branch label of \(owner.revisionID ?? "?")" + (owner.docstring?.message.map { " (\($0))" } ?? ""), .branchLabel,
                    head: owner.revisionID.map(heads.contains) ?? false)
            }
        }
        return CompletionResult(candidates: out, isIncomplete: matched > out.count)
    }

    struct CompletionContext {
        var role: RevisionMention.Role
        var contentStart: Int
        var replace: ByteRange
    }

    /// Finds the assignment to `down_revision`, `depends_on` or `branch_labels` around
    /// `offset` and the string literal the cursor is in. Works on text that does not parse.
    static func completionContext(_ bytes: [UInt8], offset: Int) -> CompletionContext? {
        let index = LineIndex(bytes)
        var line = index.line(of: offset)
        // The statement starts at the closest line above that is not indented.
        var steps = 0
        while line > 0, steps < 50 {
            let start = index.lineStarts[line]
            if start < bytes.count, bytes[start] != 0x20, bytes[start] != 0x09, bytes[start] != 0x0A, bytes[start] != 0x0D,
               bytes[start] != UInt8(ascii: ")"), bytes[start] != UInt8(ascii: "]") { break }
            line -= 1
            steps += 1
        }
        let start = index.lineStarts[line]
        let names: [(String, RevisionMention.Role)] = [
            ("down_revision", .downRevision), ("depends_on", .dependsOn), ("branch_labels", .branchLabel),
        ]
        var role: RevisionMention.Role?
        for (name, candidate) in names {
            let key = Array(name.utf8)
            guard start + key.count <= bytes.count, Array(bytes[start ..< start + key.count]) == key else { continue }
            let next = start + key.count < bytes.count ? bytes[start + key.count] : 0
            if next == 0x20 || next == UInt8(ascii: "=") || next == UInt8(ascii: ":") { role = candidate }
        }
        guard let role else { return nil }
        // Walk from the statement start to the cursor, tracking the open quote.
        var quote: UInt8?
        var quoteEnd = start
        var i = start
        while i < offset {
            let b = bytes[i]
            if let open = quote {
                if b == UInt8(ascii: "\\") { i += 2; continue }
                if b == open { quote = nil } else if b == 0x0A { quote = nil }
            } else if b == UInt8(ascii: "#") {
                while i < offset, bytes[i] != 0x0A { i += 1 }
                continue
            } else if b == UInt8(ascii: "'") || b == UInt8(ascii: "\"") {
                quote = b
                quoteEnd = i + 1
            }
            i += 1
        }
        guard let open = quote else { return nil }
        var end = offset
        while end < bytes.count, bytes[end] != open, bytes[end] != 0x0A, bytes[end] != 0x0D { end += 1 }
        return CompletionContext(role: role, contentStart: quoteEnd, replace: ByteRange(start: quoteEnd, end: end))
    }
}
