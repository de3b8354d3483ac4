import AlembicModel
import ArgumentParser
import Foundation

/// alembic's `-c/--config` and `-n/--name` options, resolved the way the `alembic` command
/// resolves them from the current directory.
struct EnvironmentOptions: ParsableArguments {
    @Option(name: [.customShort("c"), .long], help: "Alternate config file (default: $ALEMBIC_CONFIG or alembic.ini).")
    var config: String?

    @Option(name: [.customShort("n"), .long], help: "Name of section in the ini file to use for Alembic config.")
    var name: String = "alembic"

    @Option(name: .long, help: "Alternate pyproject.toml file (default: pyproject.toml in the current directory).")
    var tomlFile: String?

    /// The environment alembic would use, run from `cwd`.
    func environment(cwd: String) throws -> AlembicEnvironment {
        let env = ProcessInfo.processInfo.environment
        let iniPath = PythonPath.absolute(config ?? env["ALEMBIC_CONFIG"] ?? "alembic.ini", cwd: cwd)
        let tomlPath = PythonPath.absolute(tomlFile ?? "pyproject.toml", cwd: cwd)
        let fm = FileManager.default
        let ini = fm.fileExists(atPath: iniPath) ? IniParser.parse(contentsOf: iniPath, cwd: cwd) : nil
        var pyproject = fm.fileExists(atPath: tomlPath) ? PyprojectAlembicConfig.parse(contentsOf: tomlPath, cwd: cwd) : nil
        if let candidate = pyproject, !candidate.hasAlembicTable { pyproject = nil }
        if ini == nil && pyproject == nil {
            throw CLIError("no configuration: \(iniPath) does not exist and \(tomlPath) has no [tool.alembic] table")
        }
        if let ini, pyproject == nil, ini.section(named: name) == nil {
            throw CLIError("no section [\(name)] in \(iniPath)")
        }
        let kind: AlembicEnvironment.Kind = ini == nil ? .pyproject : (pyproject == nil ? .ini : .iniAndPyproject)
        let resolved = EnvironmentResolver.resolve(EnvironmentResolver.Input(
            ini: ini, section: name, pyproject: pyproject, kind: kind, workingDirectory: cwd,
            packageSearchRoots: Self.pythonPath(cwd: cwd) + [cwd]))
        guard let location = resolved.scriptLocation else {
            throw CLIError("No 'script_location' key found in configuration.")
        }
        guard let path = location.path, location.exists else {
            throw CLIError("Path doesn't exist: \(location.path ?? location.configured). Please use the 'init' command to create a new scripts folder.")
        }
        _ = path
        return resolved
    }

    /// `PYTHONPATH` entries, which Python puts on `sys.path` for alembic's `package:path`
    /// resolution; alembic-ls reads them but never starts Python.
    static func pythonPath(cwd: String) -> [String] {
        guard let value = ProcessInfo.processInfo.environment["PYTHONPATH"] else { return [] }
        return value.split(separator: ":").map { PythonPath.absolute(String($0), cwd: cwd) }
    }
}
