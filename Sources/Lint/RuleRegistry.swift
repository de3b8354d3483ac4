/// Every rule, sorted by code. A test keeps codes and names unique and every rule documented.
public enum RuleRegistry {
    public static let rules: [any Rule.Type] = [
        SyntaxErrorRule.self,
        UnreadableFile.self,
        MissingDownRevision.self,
        UnknownDownRevision.self,
        UnknownDependency.self,
        DuplicateRevision.self,
        MultipleHeads.self,
        RevisionCycle.self,
        MultipleBases.self,
        MissingRevisionID.self,
        UnresolvedRevisionValue.self,
        DocstringMismatch.self,
        BranchLabelConflict.self,
        DivergesFromBase.self,
        EditedPublishedRevision.self,
        DeletedPublishedRevision.self,
        DatabaseRevisionUnknown.self,
        PendingMigration.self,
        DatabaseUnavailable.self,
        ScriptLocationNotFound.self,
        VersionLocationNotFound.self,
        SuspiciousConfigValue.self,
        InvalidConfig.self,
        NonIdempotentOperation.self,
        GuardMismatch.self,
        UnsupportedIfExists.self,
        ModelNotInMetadata.self,
        MissingTargetMetadata.self,
        ForeignMetadata.self,
        SchemaBypassRule.self,
        UnknownObject.self,
        SQLiteAlterOutsideBatch.self,
        EmptyDowngrade.self,
        DowngradeNotInverse.self,
        DestructiveOperation.self,
        NotNullWithoutDefault.self,
        OfflineUnsafeIntrospection.self,
        UnusedNoqa.self,
    ].sorted { $0.metadata.code < $1.metadata.code }

    public static var metadata: [RuleMetadata] { rules.map { $0.metadata } }

    /// The rule with `code` (case-insensitive) or kebab-case `name`.
    public static func rule(named codeOrName: String) -> (any Rule.Type)? {
        let key = codeOrName.uppercased()
        return rules.first { $0.metadata.code == key || $0.metadata.name == codeOrName.lowercased() }
    }
}
