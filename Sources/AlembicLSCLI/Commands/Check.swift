import AlembicModel
import ArgumentParser
import Foundation
import IDE
import Lint

/// `alembic-ls check [PATH…]`: find every Alembic environment and report its problems.
struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check every Alembic environment under the given paths (default: the current directory).")

    @Argument(help: "Directories or files to check.")
    var paths: [String] = []

    @Option(name: .long, help: "Output format: \(OutputFormat.allCases.map(\.rawValue).joined(separator: ", ")) (default: full on a terminal, concise otherwise).")
    var outputFormat: OutputFormat?

    @Option(name: .long, parsing: .upToNextOption, help: "Rule codes, prefixes or names to enable (replaces the configured selection).")
    var select: [String] = []

    @Option(name: .long, parsing: .upToNextOption, help: "Rule codes, prefixes or names to disable.")
    var ignore: [String] = []

    @Option(name: .long, help: "A pyproject.toml or alembic-ls.toml to read settings from (default: the closest one).")
    var config: String?

    @Flag(name: .long, help: "Exit 0 even when problems are found.")
    var exitZero = false

    @Flag(name: .long, help: "Print the number of findings per rule instead of the findings.")
    var statistics = false

    @Flag(name: [.short, .long], help: "Print the findings and nothing else (no summary, no warnings).")
    var quiet = false

    @Flag(name: .long, help: "Print the resolved configuration and exit.")
    var showSettings = false

    @Option(name: .long, help: "A git ref to compare the migration graph with (e.g. origin/main): enables ALM120-ALM122.")
    var base: String?

    @Flag(name: .long, help: "With --base: report findings only in files changed since the merge base (the base comparison rules always report).")
    var changedOnly = false

    @Option(name: .long, help: "A database URL to read (read-only) for the live-database rules ALM401-ALM405.")
    var database: String?

    @Flag(name: .long, help: "Read each environment's database as the editor does (database-url, database-url-env, DATABASE_URL, sqlalchemy.url); the default only with `database = \"auto\"`.")
    var databaseFromSettings = false

    @Flag(name: .long, help: "Read no database, whatever the settings say.")
    var noDatabase = false

    @Flag(name: .long, help: "Add `# noqa: CODE` to every Python line with a finding (baseline an existing tree), then exit.")
    var addNoqa = false

    @Flag(name: .long, help: "Apply the safe fixes, then report what is left.")
    var fix = false

    @Flag(name: .long, help: "With --fix, --fix-only or --diff: apply unsafe fixes too (they may change behaviour or create files).")
    var unsafeFixes = false

    @Flag(name: .long, help: "Apply the fixes and report nothing but their number (exit 0).")
    var fixOnly = false

    @Flag(name: .long, help: "Print the fixes as a unified diff instead of writing them (exit 1 when there are any).")
    var diff = false

    func run() throws {
        let cwd = FileManager.default.currentDirectoryPath
        let roots = paths.isEmpty ? [cwd] : paths
        for path in roots where !FileManager.default.fileExists(atPath: PythonPath.absolute(path, cwd: cwd)) {
            throw CLIError("path does not exist: \(path)")
        }
        let resolved = try resolveSettings(roots: roots, cwd: cwd)
        if showSettings {
            print(SettingsDescription.render(resolved), terminator: "")
            return
        }
        let settings = resolved.settings

        if changedOnly && base == nil { throw CLIError("--changed-only needs --base REF") }
        // The models are read only when a model rule (ALM3xx) runs.
        let indexModels = RuleRegistry.rules.contains { $0.metadata.code.hasPrefix("ALM3") && settings.isEnabled($0.metadata) }
        let project = ProjectLoader.load(roots: roots, cwd: cwd, indexModels: indexModels)
        var bases: [String: BaseRevisions] = [:]
        var changedFiles: Set<String>?
        if let base {
            do throws(GitError) {
                let repository = try GitRepository.open(at: directory(of: PythonPath.absolute(roots[0], cwd: cwd)))
                let loaded = try BaseRevisions.load(project, ref: base, repository: repository)
                bases = loaded.bases
                if changedOnly {
                    let changed = try repository.changedFiles(since: loaded.mergeBase)
                    changedFiles = Set(project.sources.keys.filter { repository.relativePath($0).map(changed.contains) ?? false })
                }
            } catch {
                throw CLIError(error.message)
            }
        }
        let databases = try readDatabases(project, settings: settings.database, cwd: cwd)
        // Paths that are files restrict the report to those files.
        let fileFilters = roots.map { PythonPath.absolute($0, cwd: cwd) }.filter { !isDirectory($0) }
        let diagnose = { (project: ProjectAnalysis) -> [Diagnostic] in
            var diagnostics = LintEngine.run(project, settings: settings, projectRoot: resolved.root, bases: bases, databases: databases)
            if let changedFiles {
                let baseRules: Set<String> = [DivergesFromBase.metadata.code, EditedPublishedRevision.metadata.code, DeletedPublishedRevision.metadata.code]
                diagnostics = diagnostics.filter { baseRules.contains($0.code) || changedFiles.contains($0.location.path) }
            }
            if !fileFilters.isEmpty && fileFilters.count == roots.count {
                diagnostics = diagnostics.filter { fileFilters.contains($0.location.path) }
            }
            return diagnostics
        }
        if fix || fixOnly || diff {
            if addNoqa { throw CLIError("--add-noqa cannot be combined with --fix, --fix-only or --diff") }
            let summary = Self.applyFixes(project, unsafe: unsafeFixes, write: !diff, roots: roots, cwd: cwd, diagnose: diagnose)
            for (path, reason) in summary.notWritten {
                FileHandle.standardError.write(Data("warning: \(path): \(reason); not modified\n".utf8))
            }
            if summary.rounds >= Self.maxFixRounds {
                FileHandle.standardError.write(Data("warning: the fixes did not settle after \(Self.maxFixRounds) rounds\n".utf8))
            }
            let count = "\(summary.fixed) error\(summary.fixed == 1 ? "" : "s")"
            if diff {
                print(Self.diff(summary, cwd: cwd), terminator: "")
                if !quiet { FileHandle.standardError.write(Data((summary.fixed == 0 ? "No errors would be fixed.\n" : "Would fix \(count).\n").utf8)) }
                if summary.fixed > 0 { throw ExitCode(ExitStatus.findings) }
                return
            }
            if fixOnly {
                if !quiet { print("Fixed \(count).") }
                return
            }
            let remaining = diagnose(summary.project)
            let format = outputFormat ?? OutputFormat.defaultFormat(stdoutIsTerminal: Terminal.stdoutIsTerminal)
            print(render(remaining, project: summary.project, format: format, cwd: cwd), terminator: "")
            if !quiet {
                let line = "Fixed \(count).\n"
                if [.full, .concise, .text].contains(format) { print(line, terminator: "") } else { FileHandle.standardError.write(Data(line.utf8)) }
            }
            ProcessLifetime.keep(summary.project)
            if !remaining.isEmpty && !exitZero { throw ExitCode(ExitStatus.findings) }
            return
        }
        let diagnostics = diagnose(project)
        if addNoqa {
            let summary = writeNoqaDirectives(diagnostics, project: project)
            for path in summary.changedFiles {
                FileHandle.standardError.write(Data("warning: \(path) changed since it was read; not modified\n".utf8))
            }
            var line = "Added \(summary.directives) noqa directive\(summary.directives == 1 ? "" : "s") to \(summary.files) file\(summary.files == 1 ? "" : "s")."
            if summary.skipped > 0 { line += " \(summary.skipped) finding\(summary.skipped == 1 ? "" : "s") cannot take a line directive (not Python, or inside a multi-line string)." }
            print(line)
            return
        }
        let format = outputFormat ?? OutputFormat.defaultFormat(stdoutIsTerminal: Terminal.stdoutIsTerminal)
        if project.environments.isEmpty && !quiet && [.full, .concise, .text].contains(format) {
            FileHandle.standardError.write(Data("warning: no Alembic environment found under \(roots.joined(separator: ", "))\n".utf8))
        }
        print(render(diagnostics, project: project, format: format, cwd: cwd), terminator: "")
        // The process ends right after this: keep the analysis alive instead of freeing every
        // file's facts and bytes one by one on the way out.
        ProcessLifetime.keep(project)
        if !diagnostics.isEmpty && !exitZero { throw ExitCode(ExitStatus.findings) }
    }

    /// The report in the chosen format (or the per-rule statistics).
    func render(_ diagnostics: [Diagnostic], project: ProjectAnalysis, format: OutputFormat, cwd: String) -> String {
        let textual: Set<OutputFormat> = [.full, .concise, .text]
        let printer = DiagnosticPrinter(
            lineIndex: { project.sources[$0]?.lineIndex }, displayRoot: cwd, bytes: { project.sources[$0]?.bytes },
            terminal: textual.contains(format) ? Terminal.current() : Terminal(color: false))
        let ruleName = { (code: String) in RuleRegistry.rule(named: code)?.metadata.name ?? code }
        let url = { (code: String) in RuleRegistry.rule(named: code)?.metadata.url ?? "" }
        if statistics {
            return printer.statistics(diagnostics, ruleName: ruleName, json: format == .json || format == .jsonLines)
        }
        switch format {
        case .full: return printer.full(diagnostics, summary: !quiet)
        case .concise, .text: return printer.text(diagnostics, summary: !quiet)
        case .json: return printer.json(diagnostics, urls: url)
        case .jsonLines: return printer.jsonLines(diagnostics, urls: url)
        case .github: return printer.github(diagnostics)
        case .gitlab: return printer.gitlab(diagnostics)
        case .sarif: return printer.sarif(diagnostics, rules: RuleRegistry.metadata, version: AlembicLSVersion.current)
        case .junit: return printer.junit(diagnostics, ruleName: ruleName)
        }
    }

    /// Settings from `--config` or the closest configuration file, then the command line.
    func resolveSettings(roots: [String], cwd: String) throws -> SettingsDescription {
        var settings = LintSettings()
        var settingsRoot = PythonPath.absolute(roots[0], cwd: cwd)
        settingsRoot = directory(of: settingsRoot)
        let settingsFile = config.map { PythonPath.absolute($0, cwd: cwd) } ?? SettingsLoader.discover(from: settingsRoot)
        var source: String?
        if let settingsFile {
            guard FileManager.default.fileExists(atPath: settingsFile) else { throw CLIError("configuration file does not exist: \(settingsFile)") }
            switch SettingsLoader.load(file: settingsFile) {
            case let .success(loaded):
                settings = loaded.settings
                settingsRoot = loaded.root
                source = loaded.file
            case let .failure(error):
                throw CLIError("invalid configuration: \(error)")
            }
        }
        if !select.isEmpty { settings.select = try selectors(select) }
        if !ignore.isEmpty { settings.ignore += try selectors(ignore) }
        return SettingsDescription(settings: settings, file: source, root: settingsRoot)
    }

    /// The databases the live-database rules see: the `--database` URL for every
    /// environment; else, with `--database-from-settings` or `database = "auto"`, each
    /// environment's resolved URL; else none (a `check` opens no connection unasked).
    private func readDatabases(_ project: ProjectAnalysis, settings: DatabaseSettings, cwd: String) throws -> [String: DatabaseState] {
        if noDatabase {
            if database != nil || databaseFromSettings { throw CLIError("--no-database cannot be combined with --database or --database-from-settings") }
            return [:]
        }
        if let database { return Database.read(url: database, project: project, cwd: cwd) }
        guard databaseFromSettings || settings.effectiveMode == .auto else { return [:] }
        return DatabaseReadPlan.make(
            project: project, settings: settings, variables: ProcessInfo.processInfo.environment, timeoutMilliseconds: 5_000
        ).perform()
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
