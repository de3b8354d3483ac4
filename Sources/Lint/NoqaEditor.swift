import PythonSyntax
import TextCore

/// Writes suppression comments into Python source: `# noqa: CODE` on a line (merged into a
/// directive already there) and `# alembic-ls: noqa: CODE` for a whole file. Every edit is
/// verified by re-parsing: the directive must be read back as a comment that suppresses its
/// codes, and no new syntax error may appear. Shared by `check --add-noqa` and the editor's
/// "Suppress" code actions.
public enum NoqaEditor {
    /// The outcome of ``addLineDirectives(_:to:comments:)``.
    public struct LineResult: Sendable {
        /// Edits of the original bytes (sorted, non-overlapping).
        public var edits: [TextEdit]
        /// The bytes with the edits applied.
        public var bytes: [UInt8]
        /// Lines (zero-based) whose directive was added, with their codes.
        public var added: [Int: Set<String>]
        /// Lines that cannot carry a directive (inside a multi-line string, or a directive
        /// there would change the parse), with their codes.
        public var skipped: [Int: Set<String>]
    }

    /// Adds `codes` to the `# noqa` directive of each zero-based line of `bytes`.
    /// `comments` are the file's comments (zero-based line, text with `#`).
    public static func addLineDirectives(
        _ lines: [Int: Set<String>], to bytes: [UInt8], comments: [(line: Int, text: String)]
    ) -> LineResult {
        let existing = Suppressions(comments: comments)
        let index = LineIndex(bytes)
        let baselineErrors = parseModule(bytes).errors.count
        var pending = lines.filter { !$0.value.isEmpty }
        var skipped: [Int: Set<String>] = [:]
        // Lines whose directive does not read back are dropped; every round drops one or more.
        for _ in 0 ... lines.count {
            let edits = pending.map { lineEdit(line: $0.key, codes: $0.value, bytes: bytes, index: index, existing: existing) }
                .sorted { $0.range < $1.range }
            guard let edited = TextEdit.apply(edits, to: bytes) else { break }
            let failed = unreadable(pending, in: edited, baselineErrors: baselineErrors)
            if failed.isEmpty { return LineResult(edits: edits, bytes: edited, added: pending, skipped: skipped) }
            for line in failed {
                skipped[line] = pending.removeValue(forKey: line)
            }
        }
        for (line, codes) in pending { skipped[line] = codes }
        return LineResult(edits: [], bytes: bytes, added: [:], skipped: skipped)
    }

    /// The edit adding `codes` to the file directive (`# alembic-ls: noqa: …`): merged into
    /// one that lists codes, else a new comment line at the top (after a BOM, a shebang and
    /// an encoding declaration). Nil when the result would not suppress the codes.
    public static func fileDirective(_ codes: Set<String>, in bytes: [UInt8], comments: [(line: Int, text: String)]) -> TextEdit? {
        guard !codes.isEmpty else { return nil }
        let existing = Suppressions(comments: comments)
        let index = LineIndex(bytes)
        let edit: TextEdit
        if let directive = existing.fileDirectives.first(where: { $0.codes != nil }), let old = directive.codes,
           case let lineRange = index.lineRange(directive.line),
           let range = UnusedNoqa.directiveRange(in: bytes[lineRange.start ..< lineRange.end]) {
            edit = TextEdit(range: range, newText: "# alembic-ls: noqa: " + Set(old).union(codes).sorted().joined(separator: ", "))
        } else {
            var line = 0
            while line < min(2, index.lineCount - 1) {
                let range = index.lineRange(line)
                let text = String(decoding: bytes[range.start ..< range.end], as: UTF8.self)
                let isShebang = line == 0 && (text.hasPrefix("#!") || text.hasPrefix("\u{FEFF}#!"))
                guard isShebang || isEncodingDeclaration(text) else { break }
                line += 1
            }
            var offset = index.lineStarts[line]
            if offset == 0, bytes.starts(with: [0xEF, 0xBB, 0xBF]) { offset = 3 }
            edit = .insert("# alembic-ls: noqa: " + codes.sorted().joined(separator: ", ") + lineBreak(of: bytes), at: offset)
        }
        guard let edited = TextEdit.apply([edit], to: bytes) else { return nil }
        let parsed = parseModule(edited)
        let editedIndex = LineIndex(edited)
        let readBack = Suppressions(comments: parsed.comments.map { range in
            (editedIndex.line(of: range.start), String(decoding: edited[range.start ..< range.end], as: UTF8.self))
        })
        guard codes.allSatisfy({ code in readBack.fileDirectives.contains { $0.covers(code) } }),
              parsed.errors.count <= parseModule(bytes).errors.count else { return nil }
        return edit
    }

    /// The line break the file uses (`\n` when it has none).
    public static func lineBreak(of bytes: [UInt8]) -> String {
        guard let i = bytes.firstIndex(where: { $0 == 0x0A || $0 == 0x0D }) else { return "\n" }
        if bytes[i] == 0x0A { return "\n" }
        return i + 1 < bytes.count && bytes[i + 1] == 0x0A ? "\r\n" : "\r"
    }

    /// PEP 263: `# -*- coding: utf-8 -*-` and its spellings.
    static func isEncodingDeclaration(_ line: String) -> Bool {
        let trimmed = line.drop { $0 == " " || $0 == "\t" || $0 == "\u{FEFF}" }
        guard trimmed.first == "#" else { return false }
        return trimmed.contains("coding:") || trimmed.contains("coding=")
    }

    /// The edit merging `codes` into the line's directive, or appending one.
    static func lineEdit(line: Int, codes: Set<String>, bytes: [UInt8], index: LineIndex, existing: Suppressions) -> TextEdit {
        let range = index.lineRange(line)
        let lineBytes = bytes[range.start ..< range.end]
        if let directive = existing.lineDirectives[line], let old = directive.codes,
           let directiveRange = UnusedNoqa.directiveRange(in: lineBytes) {
            return TextEdit(range: directiveRange, newText: "# noqa: " + Set(old).union(codes).sorted().joined(separator: ", "))
        }
        let blank = lineBytes.allSatisfy { $0 == 0x20 || $0 == 0x09 }
        return .insert((blank ? "# noqa: " : "  # noqa: ") + codes.sorted().joined(separator: ", "), at: range.end)
    }

    /// The lines of `lines` whose codes `edited` does not suppress; every line when the edit
    /// added syntax errors.
    static func unreadable(_ lines: [Int: Set<String>], in edited: [UInt8], baselineErrors: Int) -> Set<Int> {
        let parsed = parseModule(edited)
        let index = LineIndex(edited)
        let readBack = Suppressions(comments: parsed.comments.map { range in
            (index.line(of: range.start), String(decoding: edited[range.start ..< range.end], as: UTF8.self))
        })
        var failed = Set<Int>()
        for (line, codes) in lines where !codes.allSatisfy({ readBack.suppresses(code: $0, line: line) }) { failed.insert(line) }
        if failed.isEmpty && parsed.errors.count > baselineErrors { failed = Set(lines.keys) }
        return failed
    }
}
