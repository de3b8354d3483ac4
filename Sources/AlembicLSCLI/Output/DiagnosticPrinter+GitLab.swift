import AlembicModel
import Foundation
import Lint

extension DiagnosticPrinter {
    /// GitLab Code Quality report: a JSON array of issues with `check_name`, `description`,
    /// `severity`, `location.path` / `positions` and a `fingerprint`.
    func gitlab(_ diagnostics: [Diagnostic]) -> String {
        let fingerprints = stableFingerprints(diagnostics)
        let items: [JSONValue] = zip(diagnostics, fingerprints).map { d, fingerprint in
            let start = rowColumn(d.location.path, d.location.range.start)
            let end = endRowColumn(d.location)
            let severity: String
            switch d.severity {
            case .error: severity = "major"
            case .warning: severity = "minor"
            case .information, .hint: severity = "info"
            }
            return .object([
                "check_name": .string(d.code),
                "description": .string("\(d.code) \(d.message)"),
                "severity": .string(severity),
                "fingerprint": .string(fingerprint),
                "location": .object([
                    "path": .string(displayPath(d.location.path)),
                    "positions": .object([
                        "begin": .object(["line": .number(Double(start.row)), "column": .number(Double(start.column))]),
                        "end": .object(["line": .number(Double(end.row)), "column": .number(Double(end.column))]),
                    ]),
                ]),
            ])
        }
        return Self.encode(.array(items))
    }

    /// One fingerprint per diagnostic that survives edits elsewhere in the file: it hashes the
    /// code, the displayed path, the message and the text of the diagnostic's first line
    /// (trimmed), not its line number; identical findings are told apart by occurrence.
    func stableFingerprints(_ diagnostics: [Diagnostic]) -> [String] {
        var occurrences: [String: Int] = [:]
        return diagnostics.map { d in
            var fingerprint = Fingerprint()
            fingerprint.combine(d.code)
            fingerprint.combine(displayPath(d.location.path))
            fingerprint.combine(d.message)
            if let index = lineIndex(d.location.path), let bytes = bytes(d.location.path), index.byteCount == bytes.count {
                let range = index.lineRange(index.line(of: d.location.range.start))
                fingerprint.combine(String(decoding: bytes[range.start ..< range.end], as: UTF8.self).trimmingCharacters(in: .whitespaces))
            }
            let key = fingerprint.hex
            let seen = occurrences[key, default: 0]
            occurrences[key] = seen + 1
            fingerprint.combine(String(seen))
            return fingerprint.hex
        }
    }

    /// Pretty-printed JSON with sorted keys and integral numbers printed without a fraction.
    static func encode(_ value: JSONValue) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(value) else { return "[]\n" }
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}
