import TextCore

/// One Alembic environment as alembic 1.20 would set it up for a configuration: an ini file
/// section and/or `pyproject.toml` `[tool.alembic]`, a Flask-Migrate `migrations/` folder,
/// or a script directory no configuration references (``Kind/inferred``).
///
/// Paths are absolute and computed as alembic computes them (`pathlib`, no symlink
/// resolution), assuming alembic runs with the configuration file's directory as the
/// working directory (see ``workingDirectory``).
public struct AlembicEnvironment: Hashable, Sendable, Identifiable {
    /// How the environment was configured.
    public enum Kind: String, Hashable, Sendable {
        /// An ini file section (`alembic -c FILE -n SECTION`).
        case ini
        /// `pyproject.toml` `[tool.alembic]` alone (no `alembic.ini` beside it).
        case pyproject
        /// An ini section with the `pyproject.toml` beside it; ini values win key by key.
        case iniAndPyproject
        /// A Flask-Migrate directory: its `alembic.ini` has no `script_location`;
        /// Flask-Migrate passes the directory itself as `script_location`.
        case flaskMigrate
        /// A directory with `env.py` and `versions/` that no configuration references; the
        /// configuration is inferred (script_location = that directory, all defaults).
        case inferred
    }

    /// How the environment was configured.
    public var kind: Kind
    /// The ini file, when there is one.
    public var configFile: String?
    /// The ini section used as the main section (`-n NAME`, default `alembic`).
    public var section: String?
    /// The `pyproject.toml` whose `[tool.alembic]` contributes, when there is one.
    public var pyprojectFile: String?
    /// The working directory assumed for relative paths: the config file's directory (for
    /// Flask-Migrate, the application directory above `migrations/`). Alembic itself resolves
    /// relative paths against the directory it is run from.
    public var workingDirectory: String
    /// `script_location`, resolved; nil when the configuration has none.
    public var scriptLocation: ResolvedLocation?
    /// `version_locations` as configured, in order; empty when not configured.
    public var versionLocations: [ResolvedLocation]
    /// The separator rule used to split an ini `version_locations` value.
    public var pathSeparator: PathSeparatorRule?
    /// `recursive_version_locations` as alembic reads it (ini: exactly `true`; toml: a bool).
    public var recursiveVersionLocations: ConfigSetting<Bool>
    /// `sourceless` as alembic reads it.
    public var sourceless: ConfigSetting<Bool>
    /// `file_template` after interpolation (default `%(rev)s_%(slug)s`).
    public var fileTemplate: ConfigSetting<String>
    /// `truncate_slug_length` when set and an integer.
    public var truncateSlugLength: ConfigSetting<Int>?
    /// `timezone` when set.
    public var timezone: ConfigSetting<String>?
    /// `sqlalchemy.url` from the main section when set (often a placeholder env.py overrides).
    public var sqlalchemyURL: ConfigSetting<String>?
    /// `version_table` when set in the configuration (env.py may pass its own).
    public var versionTable: ConfigSetting<String>?
    /// `version_table_schema` when set in the configuration.
    public var versionTableSchema: ConfigSetting<String>?
    /// `prepend_sys_path` entries, split as alembic splits them, as absolute paths.
    public var prependSysPath: [String]
    /// `<script_location>/env.py` when it exists (or `env.pyc`/`env.pyo` when sourceless).
    public var envPy: String?
    /// `<script_location>/script.py.mako` when it exists.
    public var scriptTemplate: String?
    /// Problems found while resolving this environment (including those of its files).
    public var problems: [ConfigProblem]

    /// Creates an environment; normally produced by ``EnvironmentResolver``.
    public init(
        kind: Kind, configFile: String?, section: String?, pyprojectFile: String?, workingDirectory: String,
        scriptLocation: ResolvedLocation?, versionLocations: [ResolvedLocation], pathSeparator: PathSeparatorRule?,
        recursiveVersionLocations: ConfigSetting<Bool>, sourceless: ConfigSetting<Bool>,
        fileTemplate: ConfigSetting<String>, truncateSlugLength: ConfigSetting<Int>?, timezone: ConfigSetting<String>?,
        sqlalchemyURL: ConfigSetting<String>?, versionTable: ConfigSetting<String>?,
        versionTableSchema: ConfigSetting<String>?, prependSysPath: [String], envPy: String?, scriptTemplate: String?,
        problems: [ConfigProblem]
    ) {
        self.kind = kind
        self.configFile = configFile
        self.section = section
        self.pyprojectFile = pyprojectFile
        self.workingDirectory = workingDirectory
        self.scriptLocation = scriptLocation
        self.versionLocations = versionLocations
        self.pathSeparator = pathSeparator
        self.recursiveVersionLocations = recursiveVersionLocations
        self.sourceless = sourceless
        self.fileTemplate = fileTemplate
        self.truncateSlugLength = truncateSlugLength
        self.timezone = timezone
        self.sqlalchemyURL = sqlalchemyURL
        self.versionTable = versionTable
        self.versionTableSchema = versionTableSchema
        self.prependSysPath = prependSysPath
        self.envPy = envPy
        self.scriptTemplate = scriptTemplate
        self.problems = problems
    }

    /// A stable identifier: config file and section, the pyproject, or the script directory.
    public var id: String {
        if let configFile { return configFile + "#" + (section ?? "alembic") }
        if let pyprojectFile { return pyprojectFile + "#tool.alembic" }
        return (scriptLocation?.path ?? workingDirectory) + "#inferred"
    }

    /// True when no configuration file names this environment.
    public var isInferred: Bool { kind == .inferred }

    /// The version directories alembic scans, in order: the configured version locations,
    /// or `<script_location>/versions` when none are configured (`ScriptDirectory._version_locations`).
    /// Unresolvable package resources are left out.
    public var effectiveVersionLocations: [String] {
        if !versionLocations.isEmpty { return versionLocations.compactMap(\.path) }
        guard let script = scriptLocation?.path else { return [] }
        return [PythonPath.join(script, "versions")]
    }

    /// The directory that holds `env.py` and `script.py.mako`, when resolved.
    public var scriptDirectory: String? { scriptLocation?.path }
}
