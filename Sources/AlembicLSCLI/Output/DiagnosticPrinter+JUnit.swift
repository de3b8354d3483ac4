import Lint

extension DiagnosticPrinter {
    /// JUnit XML: one `<testsuite>` per file, one failing `<testcase>` per diagnostic (named
    /// by code and rule, `classname` the file); a single passing case when nothing is found.
    func junit(_ diagnostics: [Diagnostic], ruleName: (String) -> String) -> String {
        var byFile: [(path: String, diagnostics: [Diagnostic])] = []
        for d in diagnostics {
            if let last = byFile.indices.last, byFile[last].path == d.location.path {
                byFile[last].diagnostics.append(d)
            } else {
                byFile.append((d.location.path, [d]))
            }
        }
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        out += "<testsuites name=\"alembic-ls\" tests=\"\(max(1, diagnostics.count))\" failures=\"\(diagnostics.count)\" errors=\"0\">\n"
        if diagnostics.isEmpty {
            out += "  <testsuite name=\"alembic-ls\" tests=\"1\" failures=\"0\" errors=\"0\">\n"
            out += "    <testcase name=\"No errors found\" classname=\"alembic-ls\"/>\n"
            out += "  </testsuite>\n"
        }
        for group in byFile {
            let path = Self.xmlEscape(displayPath(group.path))
            out += "  <testsuite name=\"\(path)\" tests=\"\(group.diagnostics.count)\" failures=\"\(group.diagnostics.count)\" errors=\"0\">\n"
            for d in group.diagnostics {
                let (row, column) = rowColumn(d.location.path, d.location.range.start)
                let name = Self.xmlEscape("\(d.code) (\(ruleName(d.code)))")
                out += "    <testcase name=\"\(name)\" classname=\"\(path)\" file=\"\(path)\" line=\"\(row)\">\n"
                var body = "\(displayPath(d.location.path)):\(row):\(column): \(d.message)"
                for related in d.related {
                    let (r, c) = rowColumn(related.location.path, related.location.range.start)
                    body += "\n\(displayPath(related.location.path)):\(r):\(c): \(related.message)"
                }
                out += "      <failure message=\"\(Self.xmlEscape(d.message))\" type=\"\(d.code)\">\(Self.xmlEscape(body))</failure>\n"
                out += "    </testcase>\n"
            }
            out += "  </testsuite>\n"
        }
        out += "</testsuites>\n"
        return out
    }

    /// Escapes XML markup and drops characters XML 1.0 cannot contain.
    static func xmlEscape(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            case "\t", "\n", "\r": out.unicodeScalars.append(scalar)
            default:
                let v = scalar.value
                if v < 0x20 || v == 0xFFFE || v == 0xFFFF { continue }
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
