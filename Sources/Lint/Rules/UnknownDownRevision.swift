import AlembicModel
import TextCore

/// ALM102: `down_revision` names a revision that does not exist.
public enum UnknownDownRevision: Rule {
    public static let scope = RuleScope.graph
    public static let metadata = RuleMetadata(
        code: "ALM102", name: "unknown-down-revision", severity: .error,
        summary: "`down_revision` names a revision id that no migration file defines.",
        documentation: """
        ## What it does
        Reports each id in `down_revision` that is not the full id of a migration of the same
        environment, and suggests the closest existing ids. Partial ids and branch labels are
        reported too: alembic accepts them on the command line, but not in `down_revision`.

        ## Why is this bad?
        Alembic warns `Revision X referenced from Y is not present` and then fails with a
        `KeyError` as soon as anything walks the graph, so `alembic upgrade` stops. This
        usually means the parent migration was renamed, deleted, or never committed, or that
        its id was mistyped.

        ## Example
        ```python
        revision = "c8d2e4f5g6h7"
        down_revision = "merge_heads_2025"  # the file says merge_heads_2026
        ```

        ## Use instead
        ```python
        revision = "c8d2e4f5g6h7"
        down_revision = "merge_heads_2026"
        ```

        ## Fix safety
        When exactly one existing id is close, the fix replaces the literal with it. It is
        unsafe: the closest id is not always the intended parent.
        """)

    public static func check(_ context: LintContext) -> [Diagnostic] {
        let env = context.environment
        // Ids are looked up in the index; the label owners are computed at the first finding.
        var labelOwners: [String: String]?
        var out: [Diagnostic] = []
        for file in env.files where file.isReadable {
            guard let id = file.revisionID, let declared = file.downRevision.value else { continue }
            for item in declared.items where env.fileIndexByRevision[item.value] == nil {
                let owners = labelOwners ?? context.labelOwners
                labelOwners = owners
                let candidates = env.fileIndexByRevision.keys.filter { $0 != id }
                let suggestions = Suggestions.closest(to: item.value, in: candidates, labelOwners: owners)
                var message = "`down_revision` of '\(id)' names '\(item.value)', which is not a revision of this environment"
                var fix: Fix?
                switch suggestions {
                case let .partial(full):
                    message = "`down_revision` of '\(id)' names '\(item.value)', a partial id; alembic needs the full id '\(full)'"
                    fix = replacement(context, file.path, item.range, with: full, applicability: .safe)
                case let .label(label, revision):
                    message = "`down_revision` of '\(id)' names the branch label '\(label)'; alembic needs a revision id ('\(revision)' declares it)"
                    fix = replacement(context, file.path, item.range, with: revision, applicability: .unsafe)
                case let .similar(candidates) where !candidates.isEmpty:
                    message += "; did you mean " + candidates.map { "'\($0)'" }.joined(separator: " or ") + "?"
                    if candidates.count == 1 {
                        fix = replacement(context, file.path, item.range, with: candidates[0], applicability: .unsafe)
                    }
                default:
                    break
                }
                let related = suggestions.revisions.compactMap { rev in
                    context.revisionLocation(rev).map { RelatedLocation(location: $0, message: "revision '\(rev)'") }
                }
                out.append(diagnostic(message, path: file.path, range: item.range, related: related, fix: fix))
            }
        }
        return out
    }

    static func replacement(_ context: LintContext, _ path: String, _ range: ByteRange, with id: String, applicability: Applicability) -> Fix? {
        guard context.isStringLiteral(path, range) else { return nil }
        return Fix(title: "Replace with '\(id)'",
                   edits: [FileEdit(path: path, edits: [TextEdit(range: range, newText: context.quoted(id, like: path, range))])],
                   applicability: applicability)
    }
}

/// Close matches for a revision id that does not exist.
enum Suggestions {
    /// The id is a unique prefix of an existing id.
    case partial(String)
    /// The id is a branch label declared by `revision`.
    case label(String, revision: String)
    /// Ids within a small edit distance, closest first.
    case similar([String])

    var revisions: [String] {
        switch self {
        case let .partial(id): [id]
        case let .label(_, revision): [revision]
        case let .similar(ids): ids
        }
    }

    static func closest(to wanted: String, in ids: some Collection<String>, labelOwners: [String: String]) -> Suggestions {
        if let owner = labelOwners[wanted] { return .label(wanted, revision: owner) }
        let prefixed = ids.filter { $0.hasPrefix(wanted) }
        if !wanted.isEmpty, prefixed.count == 1, let only = prefixed.first { return .partial(only) }
        let w = Array(wanted.utf8)
        let limit = max(2, w.count / 3)
        var scored: [(Int, String)] = []
        // One pair of rows and one byte buffer for every id: no allocation per candidate.
        var rows = ([Int](), [Int]())
        var b: [UInt8] = []
        for id in ids where abs(id.utf8.count - w.count) <= limit {
            b.removeAll(keepingCapacity: true)
            b.append(contentsOf: id.utf8)
            let d = editDistance(w, b, limit: limit, rows: &rows)
            if d <= limit { scored.append((d, id)) }
        }
        scored.sort { $0.0 != $1.0 ? $0.0 < $1.0 : $0.1 < $1.1 }
        guard let best = scored.first?.0 else { return .similar([]) }
        return .similar(scored.prefix { $0.0 == best }.prefix(3).map(\.1))
    }

    /// Levenshtein distance, stopping early once every path exceeds `limit`. `rows` is scratch
    /// space, reused between calls.
    static func editDistance(_ a: [UInt8], _ b: [UInt8], limit: Int, rows: inout ([Int], [Int])) -> Int {
        if abs(a.count - b.count) > limit { return limit + 1 }
        // Moved out of `rows` (not copied), so that they stay uniquely referenced.
        var previous: [Int] = [], current: [Int] = []
        swap(&previous, &rows.0)
        swap(&current, &rows.1)
        defer { rows = (previous, current) }
        previous.removeAll(keepingCapacity: true)
        previous.append(contentsOf: 0 ... b.count)
        current.removeAll(keepingCapacity: true)
        current.append(contentsOf: repeatElement(0, count: b.count + 1))
        for i in 1 ... max(a.count, 1) where !a.isEmpty {
            current[0] = i
            var rowMin = current[0]
            for j in 1 ... max(b.count, 1) where !b.isEmpty {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                rowMin = min(rowMin, current[j])
            }
            if rowMin > limit { return limit + 1 }
            swap(&previous, &current)
        }
        return a.isEmpty ? b.count : previous[b.count]
    }
}
