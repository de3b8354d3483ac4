import AlembicModel

/// Turns one file's raw findings into what is reported: de-duplicated, without the codes the
/// settings ignore for that file (`per-file-ignores`) and those its `# noqa` comments
/// suppress, plus ALM901 for the directives that suppressed nothing. Works per file, so that
/// the language server re-applies suppressions to the files an edit touched only.
public struct SuppressionFilter: Sendable {
    private let settings: LintSettings
    private let root: String
    private let metadataByCode: [String: RuleMetadata]
    /// The codes ALM901 judges, or nil when ALM901 is not enabled.
    private let checkedCodes: Set<String>?

    /// - Parameters:
    ///   - enabled: the rules that ran.
    ///   - comparesWithBase: whether the rules comparing with a git ref (`check --base`) ran.
    public init(settings: LintSettings, projectRoot: String, enabled: [any Rule.Type], comparesWithBase: Bool) {
        self.settings = settings
        root = projectRoot
        var metadata: [String: RuleMetadata] = [:]
        for rule in RuleRegistry.rules { metadata[rule.metadata.code] = rule.metadata }
        metadataByCode = metadata
        if enabled.contains(where: { $0.metadata.code == UnusedNoqa.metadata.code }) {
            checkedCodes = Set(enabled.map { $0.metadata.code }).subtracting(comparesWithBase ? [] : UnusedNoqa.baseRuleCodes)
        } else {
            checkedCodes = nil
        }
    }

    /// The reported diagnostics of the file at `path`, sorted for output. `raw` holds every
    /// rule's findings located in that file (duplicates allowed); `suppressions` and `source`
    /// are the file's, when it has comments and was read.
    public func apply(path: String, raw: [Diagnostic], suppressions: Suppressions?, source: SourceFile?) -> [Diagnostic] {
        let relativePath = LintEngine.relative(path, to: root)
        var seen = Set<Diagnostic>()
        var out: [Diagnostic] = []
        var used = Set<UnusedNoqa.Use>()
        for diagnostic in raw where raw.count == 1 || seen.insert(diagnostic).inserted {
            guard let metadata = metadataByCode[diagnostic.code] else { continue }
            if settings.isIgnored(metadata, inFile: relativePath) { continue }
            if let suppressions, let source {
                let line = source.lineIndex.line(of: diagnostic.location.range.start)
                if suppressions.suppresses(code: diagnostic.code, line: line) {
                    used.formUnion(UnusedNoqa.uses(suppressions, code: diagnostic.code, line: line, path: path))
                    continue
                }
            }
            out.append(diagnostic)
        }
        // ALM901 needs every other rule's outcome: it runs last, on the suppressions left unused.
        if let checkedCodes, let suppressions, let source, !settings.isIgnored(UnusedNoqa.metadata, inFile: relativePath) {
            out += UnusedNoqa.report(path: path, source: source, suppressions: suppressions, used: used, checkedCodes: checkedCodes)
        }
        return out.count < 2 ? out : out.sorted(by: Diagnostic.outputOrder)
    }
}
