import Lint

extension DiagnosticPrinter {
    /// GitHub Actions workflow commands, one per diagnostic:
    /// `::error file=PATH,line=L,col=C,endLine=L,endColumn=C,title=ALM105::message`.
    /// Errors become `error`, warnings `warning`, anything else `notice`; related locations
    /// follow the message on their own lines. Values are escaped as the runner expects.
    func github(_ diagnostics: [Diagnostic]) -> String {
        var out = ""
        for d in diagnostics {
            let start = rowColumn(d.location.path, d.location.range.start)
            let end = endRowColumn(d.location)
            let command: String
            switch d.severity {
            case .error: command = "error"
            case .warning: command = "warning"
            case .information, .hint: command = "notice"
            }
            let properties: [(String, String)] = [
                ("file", displayPath(d.location.path)), ("line", "\(start.row)"), ("col", "\(start.column)"),
                ("endLine", "\(end.row)"), ("endColumn", "\(end.column)"), ("title", d.code),
            ]
            var message = d.message
            for related in d.related {
                let (r, c) = rowColumn(related.location.path, related.location.range.start)
                message += "\n\(displayPath(related.location.path)):\(r):\(c): \(related.message)"
            }
            let list = properties.map { "\($0.0)=\(Self.escapeGitHubProperty($0.1))" }.joined(separator: ",")
            out += "::\(command) \(list)::\(Self.escapeGitHubData(message))\n"
        }
        return out
    }

    /// Escapes a workflow command's message: `%`, CR and LF.
    static func escapeGitHubData(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "%": out += "%25"
            case "\r": out += "%0D"
            case "\n": out += "%0A"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// Escapes a workflow command's property value: the message escapes plus `:` and `,`.
    static func escapeGitHubProperty(_ text: String) -> String {
        escapeGitHubData(text).replacingOccurrences(of: ":", with: "%3A").replacingOccurrences(of: ",", with: "%2C")
    }
}
