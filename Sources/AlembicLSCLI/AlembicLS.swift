import ArgumentParser

/// The `alembic-ls` root command.
public struct AlembicLS: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "alembic-ls",
        abstract: "A language server and CI checker for Alembic migrations. It never runs Python.",
        version: AlembicLSVersion.current,
        subcommands: [Check.self, Heads.self, History.self, Merge.self, RuleCommand.self, Rules.self, Debug.self, Serve.self, Graph.self, Database.self]
    )

    public init() {}
}

/// The tool's version.
public enum AlembicLSVersion {
    public static let current = "0.1.0"
}

/// Exit codes, as ruff uses them.
enum ExitStatus {
    /// No findings.
    static let clean: Int32 = 0
    /// Findings (or graph errors for `heads` / `history`).
    static let findings: Int32 = 1
    /// Usage or configuration error.
    static let usage: Int32 = 2
}

extension AlembicLS {
    /// Runs the command line. Usage and configuration errors exit with 2, findings with 1.
    public static func runMain(_ arguments: [String]? = nil) -> Never {
        do {
            var command = try parseAsRoot(arguments)
            try command.run()
            Foundation.exit(ExitStatus.clean)
        } catch let error as ExitCode {
            Foundation.exit(error.rawValue)
        } catch let error as CLIError {
            FileHandle.standardError.write(Data("error: \(error.message)\n".utf8))
            Foundation.exit(ExitStatus.usage)
        } catch {
            let code = exitCode(for: error)
            if code == .success {
                print(fullMessage(for: error))
                Foundation.exit(ExitStatus.clean)
            }
            FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
            Foundation.exit(ExitStatus.usage)
        }
    }
}

import Foundation
