import Lint
import TextCore

extension DiagnosticPrinter {
    /// Lines of context shown above and below a diagnostic's first line.
    static let contextLines = 2

    /// ruff's `full` format: each diagnostic with its source lines, a caret under the range,
    /// related locations as notes and the fix title as help; then the summary line.
    ///
    /// ```text
    /// ALM105 Revision '0003a' is one of 4 heads …
    ///   --> alembic/versions/0003_add_user_email.py:15:17
    ///    |
    /// 14 | # revision identifiers, used by Alembic.
    /// 15 | revision = '0003a'
    ///    |            ^^^^^^^ ALM105
    /// 16 | down_revision = '0002'
    ///    |
    ///    = note: alembic/versions/0003_add_user_phone.py:15:17: other head '0003b'
    /// ```
    func full(_ diagnostics: [Diagnostic], summary withSummary: Bool = true) -> String {
        var out = ""
        for d in diagnostics {
            let (row, column) = rowColumn(d.location.path, d.location.range.start)
            out += terminal.paint(d.code, .bold, d.severity == .error ? .red : .yellow) + " " + terminal.paint(d.message, .bold) + "\n"
            let excerpt = sourceExcerpt(d)
            let gutter = String(repeating: " ", count: excerpt.width)
            out += "\(gutter)" + terminal.paint("-->", .blue) + " \(displayPath(d.location.path)):\(row):\(column)\n"
            if !excerpt.lines.isEmpty {
                out += gutter + " " + terminal.paint("|", .blue) + "\n"
                for line in excerpt.lines {
                    let number = line.number.map { String($0) } ?? ""
                    let padded = String(repeating: " ", count: excerpt.width - number.count) + number
                    let text = line.number == nil ? terminal.paint(line.text, .bold, d.severity == .error ? .red : .yellow) : line.text
                    out += terminal.paint(padded + " |", .blue) + (text.isEmpty ? "" : " " + text) + "\n"
                }
                out += gutter + " " + terminal.paint("|", .blue) + "\n"
            }
            for related in d.related {
                let (r, c) = rowColumn(related.location.path, related.location.range.start)
                out += gutter + " = " + terminal.paint("note", .bold) + ": \(displayPath(related.location.path)):\(r):\(c): \(related.message)\n"
            }
            if let fix = d.fix {
                out += terminal.paint("help", .bold, .cyan) + ": \(fix.title) (\(fix.applicability.rawValue) fix, available in the editor)\n"
            }
            out += "\n"
        }
        if withSummary { out += summary(diagnostics) }
        return out
    }

    /// One printed row of an excerpt: a numbered source line, or (number nil) a caret line.
    struct ExcerptLine {
        var number: Int?
        var text: String
    }

    /// The numbered source lines around a diagnostic and the caret line under its range;
    /// `width` is the gutter width. Empty when the file's bytes are unknown (a deleted file).
    func sourceExcerpt(_ d: Diagnostic) -> (lines: [ExcerptLine], width: Int) {
        guard let index = lineIndex(d.location.path), let bytes = bytes(d.location.path), index.byteCount == bytes.count else {
            return ([], 1)
        }
        let startLine = index.line(of: d.location.range.start)
        let first = max(0, startLine - Self.contextLines)
        let last = min(index.lineCount - 1, startLine + Self.contextLines)
        let width = String(last + 1).count
        var lines: [ExcerptLine] = []
        for line in first ... last {
            let range = index.lineRange(line)
            let text = String(decoding: bytes[range.start ..< range.end], as: UTF8.self)
            lines.append(ExcerptLine(number: line + 1, text: text))
            guard line == startLine else { continue }
            // Carets from the start column to the end of the range (or of the line).
            let prefix = String(decoding: bytes[range.start ..< min(max(d.location.range.start, range.start), range.end)], as: UTF8.self)
            let endOffset = min(max(d.location.range.end, d.location.range.start), range.end)
            let underlined = String(decoding: bytes[min(d.location.range.start, range.end) ..< endOffset], as: UTF8.self)
            let padding = String(prefix.unicodeScalars.map { $0 == "\t" ? "\t" : " " })
            let carets = String(repeating: "^", count: max(1, underlined.unicodeScalars.count))
            lines.append(ExcerptLine(number: nil, text: padding + carets + " " + d.code))
        }
        return (lines, width)
    }
}
