import AlembicModel

/// Which rules run where: ruff-style `select`, `ignore` and `per-file-ignores`.
///
/// Resolution follows ruff: a rule runs when some `select` selector matches it and no
/// `ignore` selector of equal or higher specificity does (`select = ["ALM105"]` with
/// `ignore = ["ALM1"]` keeps ALM105).
public struct LintSettings: Hashable, Sendable {
    public var select: [RuleSelector]
    public var ignore: [RuleSelector]
    /// Glob pattern (relative to the project root, `**` allowed) → selectors ignored there.
    public var perFileIgnores: [(pattern: String, selectors: [RuleSelector])]
    /// Rule options: rule code → option name → value (see ``RuleOption``).
    public var ruleOptions: [String: [String: String]]
    /// `alembic-version`: the Alembic version the project runs, overriding what its
    /// requirement files declare.
    public var alembicVersion: PackageVersion?
    /// `dialect`: the target database, overriding the dialect of `sqlalchemy.url`.
    public var dialect: SQLDialect?
    /// Which live database the `ALM4xx` rules read, and when.
    public var database: DatabaseSettings

    public init(
        select: [RuleSelector] = [RuleSelector("ALL")], ignore: [RuleSelector] = [],
        perFileIgnores: [(pattern: String, selectors: [RuleSelector])] = [],
        ruleOptions: [String: [String: String]] = [:], alembicVersion: PackageVersion? = nil, dialect: SQLDialect? = nil,
        database: DatabaseSettings = DatabaseSettings()
    ) {
        self.select = select
        self.ignore = ignore
        self.perFileIgnores = perFileIgnores
        self.ruleOptions = ruleOptions
        self.alembicVersion = alembicVersion
        self.dialect = dialect
        self.database = database
    }

    public func isEnabled(_ rule: RuleMetadata) -> Bool {
        Self.resolve(rule, select: select, ignore: ignore)
    }

    /// Whether `rule` is ignored for the file at `relativePath` by `per-file-ignores`.
    public func isIgnored(_ rule: RuleMetadata, inFile relativePath: String) -> Bool {
        for entry in perFileIgnores where Glob.matches(pattern: entry.pattern, path: relativePath) {
            if entry.selectors.contains(where: { $0.matches(rule) }) { return true }
        }
        return false
    }

    static func resolve(_ rule: RuleMetadata, select: [RuleSelector], ignore: [RuleSelector]) -> Bool {
        let selected = select.filter { $0.matches(rule) }.map(\.specificity).max()
        guard let selected else { return false }
        // Opt-in rules need a selector naming at least their group (`ALM2`).
        if !rule.isEnabledByDefault && selected < 4 { return false }
        let ignored = ignore.filter { $0.matches(rule) }.map(\.specificity).max()
        guard let ignored else { return true }
        return selected > ignored
    }

    public static func == (lhs: LintSettings, rhs: LintSettings) -> Bool {
        lhs.select == rhs.select && lhs.ignore == rhs.ignore && lhs.ruleOptions == rhs.ruleOptions
            && lhs.alembicVersion == rhs.alembicVersion && lhs.dialect == rhs.dialect
            && lhs.database == rhs.database
            && lhs.perFileIgnores.map(\.pattern) == rhs.perFileIgnores.map(\.pattern)
            && lhs.perFileIgnores.map(\.selectors) == rhs.perFileIgnores.map(\.selectors)
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(select)
        hasher.combine(ignore)
        hasher.combine(ruleOptions)
        hasher.combine(alembicVersion)
        hasher.combine(dialect)
        hasher.combine(database)
        for entry in perFileIgnores {
            hasher.combine(entry.pattern)
            hasher.combine(entry.selectors)
        }
    }
}
