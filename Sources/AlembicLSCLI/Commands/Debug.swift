import AlembicModel
import ArgumentParser
import Foundation
import PythonSyntax
import TextCore

/// Hidden developer commands.
struct Debug: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Developer commands.", shouldDisplay: false,
        subcommands: [RevisionMapCommand.self, ParseCommand.self])

    /// Answers one case of the revision-graph conformance suite (stdin → stdout).
    struct RevisionMapCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "revision-map",
            abstract: "Answer one conformance case: a JSON object on stdin, {\"answers\": […]} on stdout.")

        func run() throws {
            let input = [UInt8](FileHandle.standardInput.readDataToEndOfFile())
            FileHandle.standardOutput.write(Data(ConformanceAnswerer.answer(caseJSON: input)))
        }
    }

    /// Parses files and prints each syntax error as `path:line:col: message`.
    struct ParseCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "parse",
            abstract: "Parse Python files; print every syntax error as path:line:col: message (1-based, columns in characters).")

        @Argument(help: "Python files.")
        var files: [String]

        @Flag(name: .long, help: "Print only the first error of each file (what CPython reports).")
        var first = false

        func run() throws {
            var failed = false
            for path in files {
                switch SourceReader.read(path) {
                case let .failed(error):
                    print("\(path):1:1: cannot read: \(error.message)")
                    failed = true
                case let .bytes(bytes):
                    let parsed = parseModule(bytes)
                    let index = LineIndex(bytes)
                    for error in first ? Array(parsed.errors.prefix(1)) : parsed.errors {
                        let position = index.position(of: error.range.start, encoding: .utf32)
                        print("\(path):\(position.line + 1):\(position.column + 1): \(error.message)")
                        failed = true
                    }
                }
            }
            if failed { throw ExitCode(ExitStatus.findings) }
        }
    }
}
