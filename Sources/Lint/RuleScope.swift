/// What a rule's findings depend on. The language server re-runs a rule after an edit only
/// when something in its scope changed; a rule declaring too narrow a scope shows stale
/// findings, so the default is the widest.
public enum RuleScope: Sendable {
    /// The findings for a migration file depend only on that file (its facts and text) and the
    /// environment's configuration. Such rules conform to ``FileRule`` and run per file.
    case file
    /// The findings depend only on the environment's configuration and on the graph facts of
    /// its files: readability, `revision`, `down_revision`, `depends_on`, `branch_labels` (their
    /// values, ranges and text) and the legacy id from a file name. Re-run when those change.
    case graph
    /// The findings may depend on anything in the environment: re-run on every change.
    case environment
}
