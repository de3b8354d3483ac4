import TextCore

/// A problem found while reading Alembic configuration or listing revision files.
///
/// Problems are plain values; the lint layer maps them onto rule codes
/// (``Kind/ruleCode`` suggests the code for the kinds that have one).
public struct ConfigProblem: Error, Hashable, Sendable, CustomStringConvertible {
    /// What went wrong.
    public enum Kind: String, Hashable, Sendable, CaseIterable {
        /// The ini file cannot be read by Python's `configparser` (missing section header,
        /// a line without a delimiter, duplicate section or option, invalid UTF-8, a BOM).
        /// Alembic raises on such a file.
        case iniSyntax
        /// A `%(name)s` interpolation that `configparser.BasicInterpolation` rejects.
        case interpolation
        /// `pyproject.toml` is not valid TOML (alembic's `tomllib.load` raises).
        case tomlSyntax
        /// A `[tool.alembic]` value of a type alembic rejects (for example a string for a
        /// boolean option, or `tool.alembic` not being a table).
        case tomlInvalidValue
        /// A value alembic rejects when it reads it (for example `path_separator = ,`
        /// or a non-integer `truncate_slug_length`).
        case invalidValue
        /// The configuration has no `script_location`; alembic raises
        /// "No 'script_location' key found in configuration."
        case scriptLocationMissing
        /// `script_location` names a path that does not exist (`ALM501`).
        case scriptLocationNotFound
        /// A configured version location does not exist; alembic silently ignores it (`ALM502`).
        case versionLocationNotFound
        /// A value alembic accepts but very likely reads differently from what was meant (`ALM503`).
        case suspiciousValue
        /// A setting alembic reads with a deprecation warning (`version_path_separator`, or
        /// `version_locations` / `prepend_sys_path` without `path_separator`) (`ALM503`).
        case deprecatedSetting
        /// A `package:path` resource whose package could not be found in the workspace.
        case unresolvedPackageResource
        /// A file or directory that could not be read.
        case unreadable
        /// A symbolic link that points back to one of its own ancestors; not followed.
        case symlinkLoop
        /// A revision file alembic would fail to load (for example a dangling symlink), or
        /// one it would load twice and skip with a warning.
        case revisionFile

        /// The rule code the lead's rule set uses for this kind, where there is one.
        public var ruleCode: String? {
            switch self {
            case .scriptLocationNotFound, .scriptLocationMissing: "ALM501"
            case .versionLocationNotFound: "ALM502"
            case .suspiciousValue, .deprecatedSetting: "ALM503"
            default: nil
            }
        }
    }

    /// How serious the problem is for alembic itself.
    public enum Severity: String, Hashable, Sendable, Comparable {
        /// Informational only.
        case info
        /// Alembic proceeds, possibly with a warning, but probably not as intended.
        case warning
        /// Alembic fails on this configuration.
        case error

        private var rank: Int {
            switch self {
            case .info: 0
            case .warning: 1
            case .error: 2
            }
        }

        public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
    }

    /// The kind of problem.
    public var kind: Kind
    /// How serious it is for alembic.
    public var severity: Severity
    /// A human-readable message.
    public var message: String
    /// The file the problem is in (a config file, or a directory for walk problems).
    public var file: String
    /// The byte range in `file` the problem points at, when it points into a config file.
    public var range: ByteRange?
    /// The configuration key involved, lowercased, if any.
    public var key: String?

    /// Creates a problem.
    public init(
        kind: Kind, severity: Severity, message: String, file: String, range: ByteRange? = nil, key: String? = nil
    ) {
        self.kind = kind
        self.severity = severity
        self.message = message
        self.file = file
        self.range = range
        self.key = key
    }

    public var description: String {
        let location = range.map { "\(file)@\($0)" } ?? file
        return "\(severity.rawValue) [\(kind.rawValue)] \(location): \(message)"
    }
}
