import ArgumentParser

/// How `check` prints its findings (`--output-format`), after ruff's formats.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable, Sendable {
    /// Each diagnostic with its source lines and a caret (default on a terminal).
    case full
    /// One line per diagnostic: `path:line:col: CODE message` (default when piped).
    case concise
    /// Accepted alias of ``concise`` (the format's earlier name).
    case text
    /// A JSON array in ruff's shape.
    case json
    /// One JSON object (ruff's shape) per line.
    case jsonLines = "json-lines"
    /// GitHub Actions workflow commands (`::error file=…::…`).
    case github
    /// GitLab Code Quality report (JSON).
    case gitlab
    /// SARIF 2.1.0 (GitHub code scanning and other viewers).
    case sarif
    /// JUnit XML, one test suite per file.
    case junit

    /// The default: ``full`` on a terminal, ``concise`` otherwise.
    static func defaultFormat(stdoutIsTerminal: Bool) -> OutputFormat {
        stdoutIsTerminal ? .full : .concise
    }
}
