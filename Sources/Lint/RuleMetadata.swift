/// What every rule declares about itself: its code, its kebab-case name, its default severity
/// and its documentation, in ruff's sections.
public struct RuleMetadata: Hashable, Sendable {
    public var code: String
    public var name: String
    public var severity: Severity
    /// One line: what the rule reports.
    public var summary: String
    /// Markdown with the sections `## What it does`, `## Why is this bad?`, `## Example`,
    /// `## Use instead` and `## Fix safety` (when the rule has a fix).
    public var documentation: String
    /// False for opt-in rules: they run only when a selector at least as specific as their
    /// group (`ALM2`, `ALM201`, the rule's name) selects them, not under `ALL` or `ALM`.
    public var isEnabledByDefault: Bool

    public init(
        code: String, name: String, severity: Severity, summary: String, documentation: String,
        isEnabledByDefault: Bool = true
    ) {
        self.code = code
        self.name = name
        self.severity = severity
        self.summary = summary
        self.documentation = documentation
        self.isEnabledByDefault = isEnabledByDefault
    }

    /// The documentation page: title, default severity, summary and the documented sections.
    /// `alembic-ls rule CODE` prints it and `docs/rules/CODE.md` holds it.
    public var markdown: String {
        let optIn = isEnabledByDefault ? "" : " (opt-in: select it with `\(code)` or `\(name)`)"
        return "# \(name) (\(code))\n\nDefault severity: \(severity.rawValue)\(optIn)\n\n\(summary)\n\n\(documentation)\n"
    }

    /// Where the rule's documentation is published (LSP `codeDescription`, JSON `url`).
    public var url: String {
        "https://github.com/alembic-ls/alembic-ls/blob/main/docs/rules/\(code).md"
    }
}
