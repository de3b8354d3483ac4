/// A setting a rule reads from its own table of the configuration, by the rule's name:
///
/// ```toml
/// [tool.alembic-ls.non-idempotent-operation]
/// scope = "heads"
/// ```
public struct RuleOption: Hashable, Sendable {
    public var name: String
    /// The accepted values (an option is one of a fixed set of strings).
    public var values: [String]
    public var defaultValue: String
    /// One line for the documentation.
    public var summary: String

    public init(name: String, values: [String], defaultValue: String, summary: String) {
        self.name = name
        self.values = values
        self.defaultValue = defaultValue
        self.summary = summary
    }
}
