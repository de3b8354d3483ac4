/// Finds every Alembic environment under a set of roots without executing anything.
///
/// Found: each `alembic.ini` (its `[alembic]` section, plus every other section with its own
/// `script_location`, as used with `alembic -n NAME`), every other `*.ini` with a section
/// holding `script_location`, each `pyproject.toml` with `[tool.alembic]` (combined with
/// the `alembic.ini` beside it, as the alembic command line does), Flask-Migrate
/// directories (an `alembic.ini` without `script_location` next to `env.py`), and script
/// directories (`env.py` plus `versions/`) that no configuration references (inferred).
///
/// The walk skips VCS, virtualenv, cache and build directories, follows symlinked
/// directories once (tracking device and inode, so loops end), records unreadable
/// directories as problems, and reads only candidate configuration files.
public enum WorkspaceDiscovery {
    /// Walk limits and exclusions.
    public struct Options: Hashable, Sendable {
        /// Directory names never entered.
        public var skippedDirectoryNames: Set<String>
        /// Maximum directory depth below a root.
        public var maxDepth: Int
        /// Maximum number of directories visited in total; the walk stops (with a problem) beyond it.
        public var maxDirectories: Int
        /// Config files larger than this are not read.
        public var maxConfigFileBytes: Int

        /// The default directory names skipped by discovery.
        public static let defaultSkippedDirectoryNames: Set<String> = [
            ".git", ".hg", ".svn", ".bzr", ".venv", "venv", ".env", "site-packages", "dist-packages",
            "node_modules", "__pycache__", ".tox", ".nox", ".build", ".mypy_cache", ".pytest_cache",
            ".ruff_cache", ".eggs", ".idea", ".cache", ".direnv",
        ]

        /// Creates options.
        public init(
            skippedDirectoryNames: Set<String> = Options.defaultSkippedDirectoryNames, maxDepth: Int = 48,
            maxDirectories: Int = 250_000, maxConfigFileBytes: Int = 4 << 20
        ) {
            self.skippedDirectoryNames = skippedDirectoryNames
            self.maxDepth = maxDepth
            self.maxDirectories = maxDirectories
            self.maxConfigFileBytes = maxConfigFileBytes
        }
    }

    /// What discovery found.
    public struct Result: Hashable, Sendable {
        /// The environments, sorted by ``AlembicEnvironment/id``.
        public var environments: [AlembicEnvironment]
        /// Problems not tied to one environment (walk problems, configs that define none).
        public var problems: [ConfigProblem]
        /// Every configuration file read, sorted.
        public var configFiles: [String]
    }

    /// Discovers environments under `roots` (directories or configuration files). Relative
    /// roots are taken against `cwd` (default: the process's working directory).
    public static func discover(roots: [String], options: Options = Options(), cwd: String? = nil) -> Result {
        let workingDirectory = cwd ?? FileSystemProbe.currentDirectory()
        let absoluteRoots = roots.map { PythonPath.absolute($0, cwd: workingDirectory) }
        var walker = Walker(options: options)
        for root in absoluteRoots {
            walker.visitRoot(root)
        }
        var builder = EnvironmentBuilder(searchRoots: absoluteRoots, options: options)
        for directory in walker.directories {
            builder.add(directory)
        }
        builder.addInferred(walker.directories)
        let environments = builder.environments.values.sorted { RevisionFileLister.codePointOrder($0.id, $1.id) }
        return Result(
            environments: environments, problems: walker.problems + builder.problems,
            configFiles: builder.configFiles.sorted(by: RevisionFileLister.codePointOrder)
        )
    }
}

/// What the walk noted about one directory.
private struct DirectoryFacts {
    var path: String
    var iniFiles: [String] = []
    var pyproject: String?
    var hasEnvPy = false
    var hasVersionsDirectory = false
}

/// The directory walk.
private struct Walker {
    let options: WorkspaceDiscovery.Options
    var directories: [DirectoryFacts] = []
    var problems: [ConfigProblem] = []
    var visited: Set<FileSystemProbe.FileIdentity> = []
    var visitedCount = 0
    var reportedLimit = false

    init(options: WorkspaceDiscovery.Options) {
        self.options = options
    }

    mutating func visitRoot(_ root: String) {
        switch FileSystemProbe.type(of: root) {
        case .directory:
            walk(root)
        case .file:
            let name = PythonPath.name(root)
            guard name.hasSuffix(".ini") || name == "pyproject.toml" else { return }
            let directory = PythonPath.parent(root)
            var facts = DirectoryFacts(path: directory)
            if name == "pyproject.toml" { facts.pyproject = root } else { facts.iniFiles = [root] }
            facts.hasEnvPy = FileSystemProbe.isFile(PythonPath.join(directory, "env.py"))
            facts.hasVersionsDirectory = FileSystemProbe.isDirectory(PythonPath.join(directory, "versions"))
            directories.append(facts)
        default:
            problems.append(
                ConfigProblem(kind: .unreadable, severity: .warning, message: "root \(root) does not exist", file: root)
            )
        }
    }

    /// Depth-first walk; `ancestors` holds the identities on the current path for loop reports.
    mutating func walk(_ root: String) {
        var stack: [(path: String, depth: Int, ancestors: [FileSystemProbe.FileIdentity])] = [(root, 0, [])]
        while let (path, depth, ancestors) = stack.popLast() {
            guard let identity = FileSystemProbe.identity(of: path) else { continue }
            if visited.contains(identity) {
                if ancestors.contains(identity) {
                    problems.append(
                        ConfigProblem(
                            kind: .symlinkLoop, severity: .info,
                            message: "\(path) leads back to one of its parent directories; not followed", file: path
                        )
                    )
                }
                continue
            }
            visited.insert(identity)
            visitedCount += 1
            if visitedCount > options.maxDirectories {
                if !reportedLimit {
                    reportedLimit = true
                    problems.append(
                        ConfigProblem(
                            kind: .unreadable, severity: .warning,
                            message: "stopped after \(options.maxDirectories) directories; the rest of the tree is not searched",
                            file: path
                        )
                    )
                }
                return
            }
            let entries: [(name: String, type: FileSystemProbe.EntryType)]
            switch FileSystemProbe.list(path) {
            case .entries(let listed):
                entries = listed
            case .failed(let code):
                problems.append(
                    ConfigProblem(
                        kind: .unreadable, severity: .warning,
                        message: "cannot read directory \(path): \(FileSystemProbe.errorText(code))", file: path
                    )
                )
                continue
            }
            // A virtualenv (any name) holds pyvenv.cfg.
            if depth > 0, entries.contains(where: { $0.name == "pyvenv.cfg" }) { continue }
            var facts = DirectoryFacts(path: path)
            var subdirectories: [String] = []
            for entry in entries {
                var type = entry.type
                if type == .symlink || type == .other {
                    type = FileSystemProbe.type(of: PythonPath.join(path, entry.name)) ?? .other
                }
                switch type {
                case .directory:
                    if entry.name == "versions" { facts.hasVersionsDirectory = true }
                    if !options.skippedDirectoryNames.contains(entry.name) && !entry.name.hasSuffix(".egg-info") {
                        subdirectories.append(entry.name)
                    }
                case .file:
                    if entry.name.hasSuffix(".ini") {
                        facts.iniFiles.append(PythonPath.join(path, entry.name))
                    } else if entry.name == "pyproject.toml" {
                        facts.pyproject = PythonPath.join(path, entry.name)
                    } else if entry.name == "env.py" {
                        facts.hasEnvPy = true
                    }
                default:
                    break
                }
            }
            facts.iniFiles.sort(by: RevisionFileLister.codePointOrder)
            if !facts.iniFiles.isEmpty || facts.pyproject != nil || facts.hasEnvPy {
                directories.append(facts)
            }
            guard depth < options.maxDepth else { continue }
            subdirectories.sort(by: RevisionFileLister.codePointOrder)
            for name in subdirectories.reversed() {
                stack.append((PythonPath.join(path, name), depth + 1, ancestors + [identity]))
            }
        }
    }
}

/// Turns directory facts into environments.
private struct EnvironmentBuilder {
    let searchRoots: [String]
    let options: WorkspaceDiscovery.Options
    var environments: [String: AlembicEnvironment] = [:]
    var problems: [ConfigProblem] = []
    var configFiles: [String] = []

    init(searchRoots: [String], options: WorkspaceDiscovery.Options) {
        self.searchRoots = searchRoots
        self.options = options
    }

    mutating func add(_ facts: DirectoryFacts) {
        let directory = facts.path
        var pyproject: PyprojectAlembicConfig?
        if let path = facts.pyproject, let bytes = read(path), contains(bytes, "alembic") {
            let parsed = PyprojectAlembicConfig.parse(bytes: bytes, path: path, cwd: directory)
            configFiles.append(path)
            if parsed.hasAlembicTable {
                pyproject = parsed
            } else if !parsed.problems.isEmpty && contains(bytes, "tool.alembic") {
                problems += parsed.problems
            }
        }
        var hasAlembicIni = false
        for iniPath in facts.iniFiles {
            let isAlembicIni = PythonPath.name(iniPath) == "alembic.ini"
            guard let bytes = read(iniPath) else { continue }
            guard isAlembicIni || contains(bytes, "script_location") else { continue }
            hasAlembicIni = hasAlembicIni || isAlembicIni
            configFiles.append(iniPath)
            let ini = IniParser.parse(bytes: bytes, path: iniPath, cwd: directory)
            var sections = ini.sections.filter { $0.entry("script_location") != nil }.map(\.name)
            if isAlembicIni, !sections.contains("alembic"),
                ini.hasOption(section: "alembic", key: "script_location")
                    || pyproject?.value("script_location") != nil
            {
                sections.insert("alembic", at: 0)
            }
            let kind: AlembicEnvironment.Kind = pyproject == nil ? .ini : .iniAndPyproject
            for section in sections {
                insert(
                    EnvironmentResolver.Input(
                        ini: ini, section: section, pyproject: pyproject, kind: kind, workingDirectory: directory,
                        packageSearchRoots: searchRoots
                    )
                )
            }
            guard isAlembicIni, !sections.contains("alembic") else { continue }
            if facts.hasEnvPy {
                // Flask-Migrate: Config(os.path.join(directory, "alembic.ini")) plus
                // set_main_option("script_location", directory), run from the app directory.
                insert(
                    EnvironmentResolver.Input(
                        ini: ini, section: "alembic", pyproject: nil, kind: .flaskMigrate,
                        workingDirectory: PythonPath.parent(directory), impliedScriptLocation: directory,
                        packageSearchRoots: searchRoots
                    )
                )
            } else if sections.isEmpty {
                problems += ini.problems
                problems.append(
                    ConfigProblem(
                        kind: .scriptLocationMissing, severity: .warning,
                        message: "alembic.ini defines no script_location (no [alembic] script_location, "
                            + "no pyproject.toml [tool.alembic], and no env.py beside it)",
                        file: iniPath, range: ini.section(named: "alembic")?.nameRange
                    )
                )
            }
        }
        if let pyproject, !hasAlembicIni {
            insert(
                EnvironmentResolver.Input(
                    ini: nil, pyproject: pyproject, kind: .pyproject, workingDirectory: directory,
                    packageSearchRoots: searchRoots
                )
            )
        }
    }

    /// Adds script directories (env.py + versions/) that no environment uses.
    mutating func addInferred(_ directories: [DirectoryFacts]) {
        var used: Set<String> = []
        for environment in environments.values {
            if let path = environment.scriptLocation?.path { used.insert(FileSystemProbe.realPath(path) ?? path) }
        }
        for facts in directories where facts.hasEnvPy && facts.hasVersionsDirectory {
            let real = FileSystemProbe.realPath(facts.path) ?? facts.path
            guard !used.contains(real) else { continue }
            used.insert(real)
            insert(
                EnvironmentResolver.Input(
                    ini: nil, pyproject: nil, kind: .inferred, workingDirectory: PythonPath.parent(facts.path),
                    impliedScriptLocation: facts.path, packageSearchRoots: searchRoots
                )
            )
        }
    }

    mutating func insert(_ input: EnvironmentResolver.Input) {
        let environment = EnvironmentResolver.resolve(input)
        if environments[environment.id] == nil { environments[environment.id] = environment }
    }

    mutating func read(_ path: String) -> [UInt8]? {
        switch FileSystemProbe.readFile(path, limit: options.maxConfigFileBytes) {
        case .success(let bytes):
            return bytes
        case .failure(let error):
            problems.append(
                ConfigProblem(kind: .unreadable, severity: .warning, message: "cannot read \(path): \(error.message)", file: path)
            )
            return nil
        }
    }

    func contains(_ bytes: [UInt8], _ needle: String) -> Bool {
        let pattern = Array(needle.utf8)
        guard let first = pattern.first, bytes.count >= pattern.count else { return false }
        var index = 0
        while index + pattern.count <= bytes.count {
            if bytes[index] == first && bytes[index ..< index + pattern.count].elementsEqual(pattern) { return true }
            index += 1
        }
        return false
    }
}
