import AlembicModel
import TextCore

/// ALM901: a `# noqa` code that suppresses nothing.
public enum UnusedNoqa: Rule {
    public static let metadata = RuleMetadata(
        code: "ALM901", name: "unused-noqa", severity: .warning,
        summary: "A `# noqa` or `# alembic-ls: noqa` directive names an alembic-ls code that suppresses nothing.",
        documentation: """
        ## What it does
        Reports `ALM` codes in `# noqa: …` comments and `# alembic-ls: noqa` file directives
        that suppress no finding (ruff's `RUF100`), and file directives without codes that
        suppress nothing. Codes of other tools (`E501`, `F401` …) and bare `# noqa` comments
        are left alone: flake8 or ruff may need them. Codes of rules that are not enabled
        (and of `ALM120`–`ALM122` when `check` runs without `--base`) are not judged.

        ## Why is this bad?
        A stale suppression hides the next real finding on that line: once the original
        problem is fixed, the comment silently swallows a different one. Removing unused
        directives keeps suppressions meaningful; `alembic-ls check --add-noqa` adds the
        directives an existing tree needs, and this rule removes them again as findings go.

        ## Example
        ```python
        down_revision = "a1"  # noqa: ALM102
        ```
        where `a1` exists.

        ## Use instead
        ```python
        down_revision = "a1"
        ```

        ## Fix safety
        The fix removes the unused codes (the whole comment when none is left) and is safe:
        it suppresses nothing more and nothing less.
        """)

    /// Reported by ``LintEngine`` after the other rules' findings were suppressed: whether a
    /// directive is used depends on them. The per-environment pass has nothing to add.
    public static func check(_ context: LintContext) -> [Diagnostic] { [] }

    /// Codes whose rules report only with `check --base`.
    static let baseRuleCodes: Set<String> = ["ALM120", "ALM121", "ALM122"]

    /// One directive code that suppressed something: a file directive (`line` nil) or the
    /// directive on a zero-based line; `code` is the code as written (`*` for all codes).
    struct Use: Hashable {
        var path: String
        var line: Int?
        var code: String
    }

    /// The directive codes of `suppressions` that suppress `code` on `line`.
    static func uses(_ suppressions: Suppressions, code: String, line: Int, path: String) -> Set<Use> {
        var out = Set<Use>()
        for directive in suppressions.fileDirectives where directive.covers(code) {
            out.insert(Use(path: path, line: nil, code: matching(directive, code)))
        }
        if let directive = suppressions.lineDirectives[line], directive.covers(code) {
            out.insert(Use(path: path, line: line, code: matching(directive, code)))
        }
        return out
    }

    private static func matching(_ directive: Suppressions.Directive, _ code: String) -> String {
        directive.codes?.first { code.hasPrefix($0) } ?? "*"
    }

    /// Diagnostics for the unused directive codes of the file at `path`.
    static func report(
        path: String, source: SourceFile, suppressions fileSuppressions: Suppressions, used: Set<Use>, checkedCodes: Set<String>
    ) -> [Diagnostic] {
        var out: [Diagnostic] = []
        var directives: [(directive: Suppressions.Directive, isFile: Bool)] = fileSuppressions.fileDirectives.map { ($0, true) }
        directives += fileSuppressions.lineDirectives.values.sorted { $0.line < $1.line }.map { ($0, false) }
        for (directive, isFile) in directives {
            let line: Int? = isFile ? nil : directive.line
            // A directive naming ALM901 (or a file directive covering it) silences this rule.
            if isSilenced(fileSuppressions, line: directive.line) { continue }
            guard let codes = directive.codes else {
                if isFile && !used.contains(Use(path: path, line: nil, code: "*")) {
                    out += diagnostics(path: path, source: source, directive: directive, unused: ["*"], kept: [])
                }
                continue
            }
            var unused: [String] = []
            var kept: [String] = []
            for code in codes {
                let judged = isJudged(code, checkedCodes: checkedCodes)
                if judged && !used.contains(Use(path: path, line: line, code: code)) {
                    unused.append(code)
                } else {
                    kept.append(code)
                }
            }
            if !unused.isEmpty { out += diagnostics(path: path, source: source, directive: directive, unused: unused, kept: kept) }
        }
        return out
    }

    /// Whether ALM901 is itself suppressed on zero-based `line` by a directive naming it (or
    /// a prefix of it), or by a file directive naming it.
    static func isSilenced(_ suppressions: Suppressions, line: Int) -> Bool {
        let names: (Suppressions.Directive) -> Bool = { directive in
            guard let codes = directive.codes else { return false }
            return codes.contains { metadata.code.hasPrefix($0) }
        }
        if suppressions.fileDirectives.contains(where: names) { return true }
        guard let directive = suppressions.lineDirectives[line] else { return false }
        return names(directive)
    }

    /// Whether an unused directive code is reported: an `ALM` code (not ALM901) that is
    /// unknown, or whose rule (or, for a prefix, some rule it covers) ran.
    static func isJudged(_ code: String, checkedCodes: Set<String>) -> Bool {
        guard code.hasPrefix("ALM"), !metadata.code.hasPrefix(code) else { return false }
        let covered = RuleRegistry.metadata.map(\.code).filter { $0.hasPrefix(code) }
        if covered.isEmpty { return true }
        return covered.contains { checkedCodes.contains($0) }
    }

    /// One diagnostic for a directive's unused codes, at the comment, with a fix rewriting it.
    private static func diagnostics(
        path: String, source: SourceFile, directive: Suppressions.Directive, unused: [String], kept: [String]
    ) -> [Diagnostic] {
        let lineRange = source.lineIndex.lineRange(directive.line)
        let bytes = source.bytes[lineRange.start ..< lineRange.end]
        guard let comment = directiveRange(in: bytes) else { return [] }
        let text = String(decoding: source.bytes[comment.start ..< comment.end], as: UTF8.self)
        let isFile = text.lowercased().contains("alembic-ls")
        let message: String
        if unused == ["*"] {
            message = "Unused `# alembic-ls: noqa` directive: it suppresses nothing in this file"
        } else {
            let list = unused.map { "`\($0)`" }.joined(separator: ", ")
            let unknown = unused.filter { code in !RuleRegistry.metadata.contains { $0.code.hasPrefix(code.uppercased()) } }
            message = "Unused `noqa` \(unused.count == 1 ? "code" : "codes") \(list)" + (unknown.isEmpty ? "" : " (unknown: \(unknown.joined(separator: ", ")))")
        }
        // Rewrite the directive with the codes still in use, or remove it with the spaces before.
        var removeStart = comment.start
        while removeStart > lineRange.start, source.bytes[removeStart - 1] == 0x20 || source.bytes[removeStart - 1] == 0x09 { removeStart -= 1 }
        let onlyComment = removeStart == lineRange.start
        let edit: TextEdit
        if kept.isEmpty {
            edit = TextEdit(range: ByteRange(start: onlyComment ? comment.start : removeStart, end: comment.end), newText: "")
        } else {
            edit = TextEdit(range: comment, newText: (isFile ? "# alembic-ls: noqa: " : "# noqa: ") + kept.joined(separator: ", "))
        }
        let fix = Fix(title: kept.isEmpty ? "Remove the unused directive" : "Remove unused codes", edits: [FileEdit(path: path, edits: [edit])], applicability: .safe)
        return [diagnostic(message, path: path, range: comment, fix: fix)]
    }

    /// The byte range of the `# noqa…` / `# alembic-ls: noqa…` directive in a line: from its
    /// `#` to the end of its code list (text after the codes, such as another comment, stays).
    public static func directiveRange(in line: ArraySlice<UInt8>) -> ByteRange? {
        let lower = line.map { $0 >= 0x41 && $0 <= 0x5A ? $0 + 0x20 : $0 }
        let needle = Array("noqa".utf8)
        guard lower.count >= needle.count else { return nil }
        var found: Int?
        for i in 0 ... lower.count - needle.count where Array(lower[i ..< i + needle.count]) == needle { found = i }
        guard let noqa = found, let hash = lower[..<noqa].lastIndex(of: UInt8(ascii: "#")) else { return nil }
        var end = noqa + needle.count
        // `: CODE, CODE` after `noqa`.
        var j = end
        while j < lower.count, lower[j] == 0x20 { j += 1 }
        if j < lower.count, lower[j] == UInt8(ascii: ":") {
            j += 1
            while j < lower.count {
                var k = j
                while k < lower.count, lower[k] == 0x20 || lower[k] == UInt8(ascii: ",") || lower[k] == 0x09 { k += 1 }
                var m = k
                while m < lower.count, (lower[m] >= 0x61 && lower[m] <= 0x7A) || (lower[m] >= 0x30 && lower[m] <= 0x39) { m += 1 }
                guard m > k else { break }
                end = m
                j = m
            }
        }
        let base = line.startIndex
        return ByteRange(start: base + hash, end: base + end)
    }
}
