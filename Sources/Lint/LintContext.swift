import AlembicModel
import TextCore

/// What a rule sees: one analysed environment and the project around it.
public struct LintContext: Sendable {
    public let environment: EnvironmentAnalysis
    public let project: ProjectAnalysis
    /// The environment at a git ref (`check --base REF`), for the rules comparing with it;
    /// nil when no base was given.
    public let base: BaseRevisions?
    /// The environment's live database as read by the command line or the editor (rules do
    /// no I/O); nil when no database was read.
    public let database: DatabaseState?
    /// Configured rule options: rule code → option name → value (``LintSettings/ruleOptions``).
    public let ruleOptions: [String: [String: String]]
    /// The `alembic-version` setting (``LintSettings/alembicVersion``), if any.
    public let alembicVersionSetting: PackageVersion?
    /// The `dialect` setting (``LintSettings/dialect``), if any.
    public let dialectSetting: SQLDialect?

    public init(
        environment: EnvironmentAnalysis, project: ProjectAnalysis, base: BaseRevisions? = nil,
        database: DatabaseState? = nil, ruleOptions: [String: [String: String]] = [:],
        alembicVersionSetting: PackageVersion? = nil, dialectSetting: SQLDialect? = nil
    ) {
        self.environment = environment
        self.project = project
        self.base = base
        self.database = database
        self.ruleOptions = ruleOptions
        self.alembicVersionSetting = alembicVersionSetting
        self.dialectSetting = dialectSetting
    }

    /// The Alembic version the environment runs: the setting, else the project's requirement.
    public var alembicVersion: AlembicVersionFacts {
        AlembicVersionFacts(configured: alembicVersionSetting, requirement: environment.alembicRequirement)
    }

    /// The target database: the `dialect` setting, else the dialect of `sqlalchemy.url`.
    public var dialect: SQLDialect? { dialectSetting ?? environment.dialect }

    /// Branch label → the revision id declaring it.
    public var labelOwners: [String: String] {
        var owners: [String: String] = [:]
        for (label, index) in environment.fileIndexByLabel {
            if let id = environment.files[index].revisionID { owners[label] = id }
        }
        return owners
    }

    /// The source text of `range` in `path`, if the file was read.
    public func text(_ path: String, _ range: ByteRange) -> String? {
        guard let bytes = project.sources[path]?.bytes, range.start >= 0, range.end <= bytes.count else { return nil }
        return String(decoding: bytes[range.start ..< range.end], as: UTF8.self)
    }

    /// Location of the `revision = …` value of the file defining `revision`.
    public func revisionLocation(_ revision: String) -> Location? {
        environment.revisionLocation(revision).map { Location(path: $0.path, range: $0.range) }
    }

    /// Location of a file's `revision` value, or of its start.
    public func revisionLocation(of file: MigrationFile) -> Location {
        Location(path: file.path, range: file.revision.valueRange ?? .empty(at: 0))
    }

    /// True when the range starts with a quote: a literal the fix can replace in place.
    func isStringLiteral(_ path: String, _ range: ByteRange) -> Bool {
        guard let bytes = project.sources[path]?.bytes, range.start < bytes.count else { return false }
        var i = range.start
        while i < range.end, i < bytes.count, [UInt8(ascii: "r"), UInt8(ascii: "R"), UInt8(ascii: "u"), UInt8(ascii: "U")].contains(bytes[i]) { i += 1 }
        return i < bytes.count && (bytes[i] == UInt8(ascii: "'") || bytes[i] == UInt8(ascii: "\""))
    }

    /// A quoted Python literal of `value` using the quote character of the literal at `range`.
    func quoted(_ value: String, like path: String, _ range: ByteRange) -> String {
        let quote = text(path, range)?.first(where: { $0 == "'" || $0 == "\"" }) ?? "'"
        return "\(quote)\(value)\(quote)"
    }
}
