import AlembicModel

/// What is known of the Alembic version a project runs: the `alembic-version` setting, else
/// the declared requirement.
public struct AlembicVersionFacts: Hashable, Sendable {
    /// The `alembic-version` setting (the version the project runs, exactly).
    public var configured: PackageVersion?
    /// The requirement declared by the project (lock file, requirements, pyproject).
    public var requirement: DependencyRequirement?

    public init(configured: PackageVersion? = nil, requirement: DependencyRequirement? = nil) {
        self.configured = configured
        self.requirement = requirement
    }

    /// The lowest version the project may run with, when known.
    public var lowestVersion: PackageVersion? { configured ?? requirement?.lowestVersion }

    /// Whether every version the project may run with is at least `version`; false when unknown.
    public func guarantees(atLeast version: PackageVersion) -> Bool {
        lowestVersion.map { $0 >= version } ?? false
    }

    /// Where the version comes from, for messages (`the alembic-version setting`,
    /// `alembic>=1.12 in requirements.txt`).
    public var source: String {
        if let configured { return "`alembic-version = \"\(configured)\"`" }
        guard let requirement else { return "the project" }
        let file = requirement.file.split(separator: "/").last.map(String.init) ?? requirement.file
        let separator = requirement.specifier.first.map { "<>=!~^".contains($0) } == true ? "" : " "
        return "`\(requirement.package)\(separator)\(requirement.specifier)` in \(file)"
    }
}
