import AlembicModel
import TextCore

/// One lint rule: a pure function from the analysed project to diagnostics. Rules do no I/O;
/// everything they need is in the ``LintContext``.
///
/// Each rule lives in its own file under `Rules/`, with its documentation in its metadata
/// and a test file of the same name under `Tests/LintTests/Rules/`.
public protocol Rule: Sendable {
    static var metadata: RuleMetadata { get }
    /// The options the rule reads (``RuleOption``); none by default.
    static var options: [RuleOption] { get }
    /// What the rule's findings depend on, so that an edit re-runs only the rules it can
    /// affect (see ``RuleScope``). Defaults to ``RuleScope/environment``: re-run on every change.
    static var scope: RuleScope { get }
    /// The findings for one Alembic environment.
    static func check(_ context: LintContext) -> [Diagnostic]
}

extension Rule {
    public static var options: [RuleOption] { [] }
    public static var scope: RuleScope { .environment }

    /// The configured value of the rule's option `name`, or its default.
    static func option(_ name: String, in context: LintContext) -> String {
        if let configured = context.ruleOptions[metadata.code]?[name] { return configured }
        return options.first { $0.name == name }?.defaultValue ?? ""
    }

    /// A diagnostic of this rule at `location`, with the rule's default severity (the engine
    /// applies configured overrides afterwards).
    static func diagnostic(
        _ message: String, at location: Location, related: [RelatedLocation] = [], fix: Fix? = nil
    ) -> Diagnostic {
        Diagnostic(
            code: metadata.code, message: message, severity: metadata.severity, location: location,
            related: related, fix: fix)
    }

    static func diagnostic(
        _ message: String, path: String, range: ByteRange, related: [RelatedLocation] = [], fix: Fix? = nil
    ) -> Diagnostic {
        diagnostic(message, at: Location(path: path, range: range), related: related, fix: fix)
    }
}
