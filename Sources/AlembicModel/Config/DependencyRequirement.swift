/// What a project declares about one Python package it depends on: the lowest version the
/// declaration allows, and whether it pins one exactly (a lock file, `==`).
public struct DependencyRequirement: Hashable, Sendable {
    /// The normalised package name (`alembic`).
    public var package: String
    /// The specifier as written (`>=1.12,<2`, `==1.13.2`, `^1.12`), or the locked version.
    public var specifier: String
    /// The exact version, when pinned.
    public var exact: PackageVersion?
    /// The lowest version the specifier allows, when it has a lower bound.
    public var minimum: PackageVersion?
    /// The file the declaration is in, and its 1-based line (0 when unknown).
    public var file: String
    public var line: Int

    public init(
        package: String, specifier: String, exact: PackageVersion?, minimum: PackageVersion?, file: String, line: Int
    ) {
        self.package = package
        self.specifier = specifier
        self.exact = exact
        self.minimum = minimum
        self.file = file
        self.line = line
    }

    /// The lowest version the project may run with: the pinned one, else the lower bound.
    public var lowestVersion: PackageVersion? { exact ?? minimum }

    /// Whether every version the declaration allows is at least `version`; false when the
    /// declaration has no lower bound.
    public func guarantees(atLeast version: PackageVersion) -> Bool {
        guard let lowest = lowestVersion else { return false }
        return lowest >= version
    }

    /// Parses a PEP 440 specifier set (`>=1.11,<2`, `==1.13.*`, `~=1.12.0`) or a Poetry
    /// constraint (`^1.12`, `~1.12`, `1.13.2`, `*`).
    public static func parse(
        package: String, specifier: String, file: String, line: Int
    ) -> DependencyRequirement {
        var exact: PackageVersion?
        var minimum: PackageVersion?
        for clause in specifier.split(whereSeparator: { $0 == "," || $0 == "|" }) {
            let text = String(clause).trimmingPythonSpace()
            let (op, rest) = splitOperator(text)
            let wildcard = rest.contains("*")
            guard let version = PackageVersion(rest) else { continue }
            switch op {
            case "==", "===", "":
                if wildcard || op.isEmpty && rest.hasSuffix(".*") {
                    minimum = max(minimum ?? version, version)
                } else {
                    exact = version
                }
            case ">=", ">", "~=", "^", "~":
                minimum = max(minimum ?? version, version)
            default:
                continue
            }
        }
        if let pinned = exact { minimum = pinned }
        return DependencyRequirement(
            package: package, specifier: specifier, exact: exact, minimum: minimum, file: file, line: line)
    }

    private static func splitOperator(_ text: String) -> (String, String) {
        for op in ["===", "==", ">=", "<=", "~=", "!=", ">", "<", "^", "~"] where text.hasPrefix(op) {
            return (op, String(text.dropFirst(op.count)).trimmingPythonSpace())
        }
        return ("", text)
    }
}
