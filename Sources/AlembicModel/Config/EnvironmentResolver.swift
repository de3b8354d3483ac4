import TextCore

/// Builds an ``AlembicEnvironment`` from configuration files the way
/// `ScriptDirectory.from_config(Config(file_, toml_file, ini_section))` reads them.
public enum EnvironmentResolver {
    /// What to resolve.
    public struct Input: Sendable {
        /// The ini file, if any.
        public var ini: IniFile?
        /// The main section (`-n NAME`).
        public var section: String
        /// `pyproject.toml` `[tool.alembic]`, if any.
        public var pyproject: PyprojectAlembicConfig?
        /// The kind recorded on the environment.
        public var kind: AlembicEnvironment.Kind
        /// The working directory assumed for relative paths.
        public var workingDirectory: String
        /// For Flask-Migrate and inferred environments: the script directory supplied
        /// outside the configuration.
        public var impliedScriptLocation: String?
        /// Extra roots searched for `package:path` packages (workspace roots).
        public var packageSearchRoots: [String]

        /// Creates an input.
        public init(
            ini: IniFile?, section: String = "alembic", pyproject: PyprojectAlembicConfig?,
            kind: AlembicEnvironment.Kind, workingDirectory: String, impliedScriptLocation: String? = nil,
            packageSearchRoots: [String] = []
        ) {
            self.ini = ini
            self.section = section
            self.pyproject = pyproject
            self.kind = kind
            self.workingDirectory = workingDirectory
            self.impliedScriptLocation = impliedScriptLocation
            self.packageSearchRoots = packageSearchRoots
        }
    }

    /// The default `file_template`.
    public static let defaultFileTemplate = "%(rev)s_%(slug)s"

    /// Resolves one environment. Never fails: problems are recorded on the result.
    public static func resolve(_ input: Input) -> AlembicEnvironment {
        var lookup = AlembicConfigLookup(ini: input.ini, section: input.section, pyproject: input.pyproject)
        var problems: [ConfigProblem] = (input.ini?.problems ?? []) + (input.pyproject?.problems ?? [])
        let cwd = input.workingDirectory
        let configFile = input.ini?.path ?? input.pyproject?.path ?? cwd

        // prepend_sys_path is applied to sys.path before script_location is resolved.
        let prepend = lookup.pathList("prepend_sys_path")?.items.map { PythonPath.absolute($0.text, cwd: cwd) } ?? []
        let heuristicRoots = [cwd, PythonPath.join(cwd, "src")]
            + input.packageSearchRoots.flatMap { [$0, PythonPath.join($0, "src")] }
        func resolveLocation(_ text: String, _ source: ConfigSource) -> ResolvedLocation {
            if PackageResourceResolver.isResource(text) {
                let (package, components) = PackageResourceResolver.split(text)
                guard
                    let match = PackageResourceResolver.findPackage(
                        package, sysPathRoots: prepend, heuristicRoots: heuristicRoots
                    )
                else {
                    return ResolvedLocation(
                        configured: text, path: nil, resolution: .unresolvedPackageResource(package: package),
                        exists: false, source: source
                    )
                }
                let path = components.reduce(match.directory) { PythonPath.join($0, $1) }
                return ResolvedLocation(
                    configured: text, path: path,
                    resolution: .packageResource(
                        package: package, packageDirectory: match.directory, onSysPath: match.onSysPath
                    ),
                    exists: FileSystemProbe.exists(path), source: source
                )
            }
            let path = PythonPath.absolute(text, cwd: cwd)
            return ResolvedLocation(
                configured: text, path: path,
                resolution: PythonPath.isAbsolute(text) ? .absolute : .relativeToWorkingDirectory,
                exists: FileSystemProbe.exists(path), source: source
            )
        }

        // script_location
        var scriptLocation: ResolvedLocation?
        if let found = lookup.stringOption("script_location") {
            scriptLocation = resolveLocation(found.value, found.source)
        } else if let implied = input.impliedScriptLocation {
            let origin: ConfigSource.Origin = input.kind == .flaskMigrate ? .flaskMigrate : .inferred
            scriptLocation = resolveLocation(implied, ConfigSource(origin: origin))
        } else if !lookup.problems.contains(where: { $0.key == "script_location" }) {
            problems.append(
                ConfigProblem(
                    kind: .scriptLocationMissing, severity: .error,
                    message: "No 'script_location' key found in configuration"
                        + (input.ini != nil ? " (section [\(input.section)])" : ""),
                    file: configFile, range: input.ini?.section(named: input.section)?.nameRange ?? input.pyproject?.tableRange
                )
            )
        }
        if let location = scriptLocation {
            problems += locationProblems(location, isScript: true, configFile: configFile)
        }

        // truncate_slug_length
        var truncateSlugLength: ConfigSetting<Int>?
        if let found = lookup.stringOption("truncate_slug_length") {
            let text = found.value.trimmingPythonSpace()
            if let number = Int(String(text.filter { $0 != "_" })) {
                truncateSlugLength = ConfigSetting(value: number, raw: found.raw, source: found.source)
            } else {
                problems.append(
                    ConfigProblem(
                        kind: .invalidValue, severity: .error,
                        message: "truncate_slug_length = \(found.value) is not an integer (alembic raises ValueError)",
                        file: found.source.file ?? configFile, range: found.source.range, key: "truncate_slug_length"
                    )
                )
            }
        }

        let recursive = lookup.booleanOption("recursive_version_locations")
        let sourceless = lookup.booleanOption("sourceless")
        let fileTemplate =
            lookup.stringOption("file_template").map { ConfigSetting(value: $0.value, raw: $0.raw, source: $0.source) }
            ?? ConfigSetting(value: defaultFileTemplate, source: .builtIn)

        // version_locations
        var versionLocations: [ResolvedLocation] = []
        var separator: PathSeparatorRule?
        if let list = lookup.pathList("version_locations") {
            separator = list.rule
            versionLocations = list.items.map { resolveLocation($0.text, $0.source) }
            for location in versionLocations {
                problems += locationProblems(location, isScript: false, configFile: configFile)
            }
            if let problem = forgottenDefaultVersions(scriptLocation, versionLocations, configFile: configFile) {
                problems.append(problem)
            }
        } else if let script = scriptLocation, script.exists, let path = script.path {
            let versions = PythonPath.join(path, "versions")
            if !FileSystemProbe.exists(versions) {
                problems.append(
                    ConfigProblem(
                        kind: .versionLocationNotFound, severity: .warning,
                        message: "the default version location \(versions) does not exist; alembic finds no revisions",
                        file: script.source.file ?? configFile, range: script.source.range, key: "script_location"
                    )
                )
            }
        }

        func setting(_ key: String) -> ConfigSetting<String>? {
            lookup.stringOption(key).map { ConfigSetting(value: $0.value, raw: $0.raw, source: $0.source) }
        }
        let timezone = setting("timezone")
        let url = setting("sqlalchemy.url")
        let versionTable = setting("version_table")
        let versionTableSchema = setting("version_table_schema")

        var envPy: String?
        var scriptTemplate: String?
        if let directory = scriptLocation?.path, FileSystemProbe.isDirectory(directory) {
            let candidates = sourceless.value ? ["env.py", "env.pyc", "env.pyo"] : ["env.py"]
            envPy = candidates.map { PythonPath.join(directory, $0) }.first(where: FileSystemProbe.isFile)
            let mako = PythonPath.join(directory, "script.py.mako")
            scriptTemplate = FileSystemProbe.isFile(mako) ? mako : nil
        }

        problems += lookup.problems
        return AlembicEnvironment(
            kind: input.kind, configFile: input.ini?.path,
            section: input.ini == nil ? nil : input.section, pyprojectFile: input.pyproject?.path,
            workingDirectory: cwd, scriptLocation: scriptLocation, versionLocations: versionLocations,
            pathSeparator: separator, recursiveVersionLocations: recursive, sourceless: sourceless,
            fileTemplate: fileTemplate, truncateSlugLength: truncateSlugLength, timezone: timezone,
            sqlalchemyURL: url, versionTable: versionTable, versionTableSchema: versionTableSchema,
            prependSysPath: prepend, envPy: envPy, scriptTemplate: scriptTemplate, problems: problems
        )
    }

    /// Configuring `version_locations` replaces `<script_location>/versions`: revision files
    /// left there are silently ignored.
    private static func forgottenDefaultVersions(
        _ script: ResolvedLocation?, _ locations: [ResolvedLocation], configFile: String
    ) -> ConfigProblem? {
        guard !locations.isEmpty, let scriptPath = script?.path else { return nil }
        let versions = PythonPath.join(scriptPath, "versions")
        guard let real = FileSystemProbe.realPath(versions), FileSystemProbe.isDirectory(real),
            case .entries(let entries) = FileSystemProbe.list(real)
        else { return nil }
        let count = entries.filter { $0.name.hasSuffix(".py") && !$0.name.hasPrefix("__init__") }.count
        guard count > 0 else { return nil }
        let configured = locations.compactMap { $0.path.flatMap(FileSystemProbe.realPath) }
        guard !configured.contains(real) else { return nil }
        let source = locations.first?.source
        return ConfigProblem(
            kind: .suspiciousValue, severity: .warning,
            message: "version_locations does not include \(versions), which holds \(count) revision file(s); "
                + "alembic ignores them",
            file: source?.file ?? configFile, range: source?.range, key: "version_locations"
        )
    }

    private static func locationProblems(_ location: ResolvedLocation, isScript: Bool, configFile: String) -> [ConfigProblem] {
        let file = location.source.file ?? configFile
        let key = isScript ? "script_location" : "version_locations"
        if case .unresolvedPackageResource(let package) = location.resolution {
            return [
                ConfigProblem(
                    kind: .unresolvedPackageResource, severity: .warning,
                    message: "package '\(package)' of resource location '\(location.configured)' was not found in the workspace",
                    file: file, range: location.source.range, key: key
                )
            ]
        }
        guard let path = location.path else { return [] }
        var problems: [ConfigProblem] = []
        if location.configured.contains("\n") {
            problems.append(
                ConfigProblem(
                    kind: .suspiciousValue, severity: .warning,
                    message: "\(key) item contains a line break; alembic does not split on newlines unless "
                        + "path_separator = newline",
                    file: file, range: location.source.range, key: key
                )
            )
        } else if location.configured.trimmingPythonSpace().isEmpty {
            problems.append(
                ConfigProblem(
                    kind: .suspiciousValue, severity: .warning,
                    message: "empty \(key) item: alembic resolves it to the working directory (\(path))",
                    file: file, range: location.source.range, key: key
                )
            )
        }
        if !location.exists {
            problems.append(
                ConfigProblem(
                    kind: isScript ? .scriptLocationNotFound : .versionLocationNotFound,
                    severity: isScript ? .error : .warning,
                    message: isScript
                        ? "script_location '\(location.configured)' does not exist (\(path)); alembic raises \"Path doesn't exist\""
                        : "version location '\(location.configured)' does not exist (\(path)); alembic silently ignores it",
                    file: file, range: location.source.range, key: key
                )
            )
        } else if !FileSystemProbe.isDirectory(path) {
            problems.append(
                ConfigProblem(
                    kind: .suspiciousValue, severity: .warning,
                    message: "\(key) '\(location.configured)' is a file, not a directory (\(path))",
                    file: file, range: location.source.range, key: key
                )
            )
        }
        return problems
    }
}
