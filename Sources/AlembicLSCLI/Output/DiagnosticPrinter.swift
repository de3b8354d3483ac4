import Foundation
import Lint
import TextCore

/// Renders diagnostics in every `--output-format`. This file holds the shared position
/// helpers, the concise text and ruff's JSON; each other format is an extension in its own
/// file (`DiagnosticPrinter+Full.swift`, `+GitHub`, `+GitLab`, `+SARIF`, `+JUnit` …).
struct DiagnosticPrinter {
    /// Line indexes of the files diagnostics point into, for 1-based row/column output.
    var lineIndex: (String) -> LineIndex?
    /// Paths are printed relative to this directory when they are inside it.
    var displayRoot: String
    /// The bytes of the files diagnostics point into (source excerpts, fingerprints).
    var bytes: (String) -> [UInt8]? = { _ in nil }
    /// Colour decisions for the text formats.
    var terminal = Terminal(color: false)

    func displayPath(_ path: String) -> String {
        let root = displayRoot.hasSuffix("/") ? displayRoot : displayRoot + "/"
        return path.hasPrefix(root) ? String(path.dropFirst(root.count)) : path
    }

    /// One-based row and column (columns in Unicode scalars, as ruff counts them).
    func rowColumn(_ path: String, _ offset: Int) -> (row: Int, column: Int) {
        guard let index = lineIndex(path) else { return (1, 1) }
        let position = index.position(of: offset, encoding: .utf32)
        return (position.line + 1, position.column + 1)
    }

    /// One-based end row and column of a diagnostic's range.
    func endRowColumn(_ location: Location) -> (row: Int, column: Int) {
        rowColumn(location.path, location.range.end)
    }

    /// ruff's concise format: `path:row:col: CODE message`, related locations indented below,
    /// then the summary line (unless `summary` is false, for `--quiet`).
    func text(_ diagnostics: [Diagnostic], summary withSummary: Bool = true) -> String {
        var out = ""
        for d in diagnostics {
            let (row, column) = rowColumn(d.location.path, d.location.range.start)
            out += terminal.paint(displayPath(d.location.path), .bold) + terminal.paint(":", .cyan) + "\(row)"
                + terminal.paint(":", .cyan) + "\(column)" + terminal.paint(":", .cyan) + " "
                + terminal.paint(d.code, .bold, d.severity == .error ? .red : .yellow) + " \(d.message)\n"
            for related in d.related {
                let (r, c) = rowColumn(related.location.path, related.location.range.start)
                out += "    \(displayPath(related.location.path)):\(r):\(c): \(related.message)\n"
            }
        }
        if withSummary { out += summary(diagnostics) }
        return out
    }

    func summary(_ diagnostics: [Diagnostic]) -> String {
        if diagnostics.isEmpty { return "All checks passed!\n" }
        let errors = diagnostics.filter { $0.severity == .error }.count
        let warnings = diagnostics.filter { $0.severity == .warning }.count
        let others = diagnostics.count - errors - warnings
        var parts: [String] = []
        parts.append("\(errors) error\(errors == 1 ? "" : "s")")
        parts.append("\(warnings) warning\(warnings == 1 ? "" : "s")")
        if others > 0 { parts.append("\(others) other\(others == 1 ? "" : "s")") }
        let fixable = diagnostics.filter { $0.fix != nil }.count
        var line = "Found \(diagnostics.count) problem\(diagnostics.count == 1 ? "" : "s") (\(parts.joined(separator: ", ")))."
        if fixable > 0 { line += " \(fixable) with a fix available in the editor." }
        return line + "\n"
    }

    struct JSONLocation: Encodable {
        var row: Int
        var column: Int
    }

    struct JSONEdit: Encodable {
        var filename: String
        var content: String
        var location: JSONLocation
        // swiftlint:disable:next identifier_name
        var end_location: JSONLocation
    }

    struct JSONNewFile: Encodable {
        var filename: String
        var content: String
    }

    struct JSONFix: Encodable {
        var applicability: String
        var message: String
        var edits: [JSONEdit]
        // swiftlint:disable:next identifier_name
        var new_files: [JSONNewFile]
    }

    struct JSONRelated: Encodable {
        var filename: String
        var location: JSONLocation
        var message: String
    }

    struct JSONDiagnostic: Encodable {
        var code: String
        var message: String
        var severity: String
        var filename: String
        var location: JSONLocation
        // swiftlint:disable:next identifier_name
        var end_location: JSONLocation
        var fix: JSONFix?
        var related: [JSONRelated]
        var url: String
    }

    /// ruff's JSON: one pretty-printed array.
    func json(_ diagnostics: [Diagnostic], urls: (String) -> String) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(jsonItems(diagnostics, urls: urls)) else { return "[]\n" }
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    /// ruff's `json-lines`: one compact JSON object per diagnostic per line.
    func jsonLines(_ diagnostics: [Diagnostic], urls: (String) -> String) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return jsonItems(diagnostics, urls: urls).compactMap { item in
            (try? encoder.encode(item)).map { String(decoding: $0, as: UTF8.self) + "\n" }
        }.joined()
    }

    func jsonItems(_ diagnostics: [Diagnostic], urls: (String) -> String) -> [JSONDiagnostic] {
        diagnostics.map { d -> JSONDiagnostic in
            let start = rowColumn(d.location.path, d.location.range.start)
            let end = rowColumn(d.location.path, d.location.range.end)
            let fix = d.fix.map { fix in
                JSONFix(
                    applicability: fix.applicability.rawValue, message: fix.title,
                    edits: fix.edits.flatMap { fileEdit in
                        fileEdit.edits.map { edit in
                            let s = rowColumn(fileEdit.path, edit.range.start)
                            let e = rowColumn(fileEdit.path, edit.range.end)
                            return JSONEdit(
                                filename: fileEdit.path, content: edit.newText,
                                location: JSONLocation(row: s.row, column: s.column),
                                end_location: JSONLocation(row: e.row, column: e.column))
                        }
                    },
                    new_files: fix.newFiles.map { JSONNewFile(filename: $0.path, content: $0.contents) })
            }
            let related = d.related.map { r in
                let p = rowColumn(r.location.path, r.location.range.start)
                return JSONRelated(filename: r.location.path, location: JSONLocation(row: p.row, column: p.column), message: r.message)
            }
            return JSONDiagnostic(
                code: d.code, message: d.message, severity: d.severity.rawValue, filename: d.location.path,
                location: JSONLocation(row: start.row, column: start.column),
                end_location: JSONLocation(row: end.row, column: end.column),
                fix: fix, related: related, url: urls(d.code))
        }
    }
}
