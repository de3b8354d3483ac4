import Foundation

/// Terminal facts the printers depend on: whether stdout is a terminal and whether to colour.
struct Terminal: Sendable {
    /// Whether ANSI colours are written.
    var color: Bool

    /// The terminal as the process sees it: colour only when stdout is a TTY and `NO_COLOR`
    /// is unset or empty (https://no-color.org).
    static func current(environment: [String: String] = ProcessInfo.processInfo.environment) -> Terminal {
        Terminal(color: useColor(isTerminal: stdoutIsTerminal, environment: environment))
    }

    static var stdoutIsTerminal: Bool { isatty(STDOUT_FILENO) == 1 }

    /// The colour decision, separated from the process state for tests.
    static func useColor(isTerminal: Bool, environment: [String: String]) -> Bool {
        guard isTerminal else { return false }
        if let noColor = environment["NO_COLOR"], !noColor.isEmpty { return false }
        return environment["TERM"] != "dumb"
    }

    /// ANSI styles used by the text formats.
    enum Style: String {
        case bold = "1"
        case red = "31"
        case yellow = "33"
        case blue = "34"
        case cyan = "36"
        case dim = "2"
    }

    /// `text` wrapped in the style when colouring, unchanged otherwise.
    func paint(_ text: String, _ styles: Style...) -> String {
        guard color, !styles.isEmpty else { return text }
        return "\u{1B}[\(styles.map(\.rawValue).joined(separator: ";"))m\(text)\u{1B}[0m"
    }
}
