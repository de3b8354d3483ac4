import AlembicModel
import ArgumentParser
import Foundation
import Lint

/// `alembic-ls check [PATH…]`: find every Alembic environment and report its problems.
struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check every Alembic environment under the given paths (default: the current directory).")

    enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
        case text, json
    }

    @Argument(help: "Directories or files to check.")
    var paths: [String] = []

    @Option(name: .long, help: "Output format: text or json.")
    var outputFormat: OutputFormat = .text

    @Option(name: .long, parsing: .upToNextOption, help: "Rule codes, prefixes or names to enable (replaces the configured selection).")
    var select: [String] = []

    @Option(name: .long, parsing: .upToNextOption, help: "Rule codes, prefixes or names to disable.")
    var ignore: [String] = []

    @Option(name: .long, help: "A pyproject.toml or alembic-ls.toml to read settings from.")
    var config: String?

    @Flag(name: .long, help: "Exit 0 even when problems are found.")
    var exitZero = false

    func run() throws {
        let cwd = FileManager.default.currentDirectoryPath
        let roots = paths.isEmpty ? [cwd] : paths
        for path in roots where !FileManager.default.fileExists(atPath: PythonPath.absolute(path, cwd: cwd)) {
            throw CLIError("path does not exist: \(path)")
        }
        var settings = LintSettings()
        var settingsRoot = PythonPath.absolute(roots[0], cwd: cwd)
        let settingsFile = config.map { PythonPath.absolute($0, cwd: cwd) } ?? SettingsLoader.discover(from: directory(of: settingsRoot))
        if let settingsFile {
            switch SettingsLoader.load(file: settingsFile) {
            case let .success(loaded):
                settings = loaded.settings
                settingsRoot = loaded.root
            case let .failure(error):
                throw CLIError("invalid configuration: \(error)")
            }
        }
        if !select.isEmpty { settings.select = try selectors(select) }
        if !ignore.isEmpty { settings.ignore += try selectors(ignore) }

        let project = ProjectLoader.load(roots: roots, cwd: cwd)
        var diagnostics = LintEngine.run(project, settings: settings, projectRoot: settingsRoot)
        // Paths that are files restrict the report to those files.
        let fileFilters = roots.map { PythonPath.absolute($0, cwd: cwd) }.filter { !isDirectory($0) }
        if !fileFilters.isEmpty && fileFilters.count == roots.count {
            diagnostics = diagnostics.filter { fileFilters.contains($0.location.path) }
        }
        let printer = DiagnosticPrinter(lineIndex: { project.sources[$0]?.lineIndex }, displayRoot: cwd)
        switch outputFormat {
        case .text:
            if project.environments.isEmpty {
                FileHandle.standardError.write(Data("warning: no Alembic environment found under \(roots.joined(separator: ", "))\n".utf8))
            }
            print(printer.text(diagnostics), terminator: "")
        case .json:
            print(printer.json(diagnostics, urls: { RuleRegistry.rule(named: $0)?.metadata.url ?? "" }), terminator: "")
        }
        if !diagnostics.isEmpty && !exitZero { throw ExitCode(ExitStatus.findings) }
    }

    private func selectors(_ texts: [String]) throws -> [RuleSelector] {
        try texts.flatMap { $0.split(separator: ",") }.map { text in
            let selector = RuleSelector(String(text))
            guard selector.isKnown(in: RuleRegistry.metadata) else { throw CLIError("unknown rule selector '\(text)'") }
            return selector
        }
    }

    private func isDirectory(_ path: String) -> Bool {
        var flag: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &flag) && flag.boolValue
    }

    private func directory(of path: String) -> String {
        isDirectory(path) ? path : URL(fileURLWithPath: path).deletingLastPathComponent().path
    }
}

/// A usage or configuration error: printed as `error: …`, exit code 2.
struct CLIError: Error, CustomStringConvertible {
    var message: String
    init(_ message: String) { self.message = message }
    var description: String { message }
}
