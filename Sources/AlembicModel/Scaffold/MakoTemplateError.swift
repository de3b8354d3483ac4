/// Why a `script.py.mako` template could not be used.
public enum MakoTemplateError: Error, Hashable, Sendable {
    /// The template uses Mako syntax outside the subset alembic-ls renders (a `<%def>` tag, a
    /// `% while` line, a Python statement other than an assignment …). `line` is 1-based.
    case unsupportedSyntax(line: Int, what: String)
    /// The template is malformed, or rendering it would fail in Mako too (an unknown
    /// variable printed, a type error …). `line` is 1-based.
    case renderFailed(line: Int, message: String)

    /// A one-line description for users.
    public var message: String {
        switch self {
        case .unsupportedSyntax(let line, let what): return "line \(line): unsupported Mako syntax: \(what)"
        case .renderFailed(let line, let message): return "line \(line): \(message)"
        }
    }
}
