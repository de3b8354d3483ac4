import AlembicModel
import ArgumentParser
import Foundation

/// `alembic-ls heads`: what `alembic heads` prints, computed without running Python.
struct Heads: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Show current available heads in the script directory (like `alembic heads`).")

    @OptionGroup var environmentOptions: EnvironmentOptions

    @Flag(name: [.customShort("v"), .long], help: "Use more verbose output.")
    var verbose = false

    @Flag(name: .long, help: "Treat dependency versions as down revisions.")
    var resolveDependencies = false

    func run() throws {
        let cwd = FileManager.default.currentDirectoryPath
        let analysis = try ScriptDirectoryView.load(environmentOptions, cwd: cwd)
        let graph = analysis.environment.graph
        let heads: [String]
        do throws(RevisionGraphError) {
            if let error = graph.buildError { throw error }
            heads = resolveDependencies
                ? try graph.getRevisions(.string("heads")).compactMap { if case let .revision(id) = $0 { id } else { nil } }
                : graph.heads
        } catch {
            throw ScriptDirectoryView.failure(error)
        }
        for head in heads {
            print(verbose ? analysis.logEntry(head) : analysis.headOnly(head, includeBranches: true, includeDoc: false, includeParents: false, treeIndicators: false))
        }
    }
}

/// `alembic-ls history`: what `alembic history` prints, computed without running Python.
struct History: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "List changeset scripts in chronological order (like `alembic history`).")

    @OptionGroup var environmentOptions: EnvironmentOptions

    @Flag(name: [.customShort("v"), .long], help: "Use more verbose output.")
    var verbose = false

    @Option(name: [.customShort("r"), .long], help: "Specify a revision range; format is [start]:[end].")
    var revRange: String?

    func run() throws {
        let cwd = FileManager.default.currentDirectoryPath
        let analysis = try ScriptDirectoryView.load(environmentOptions, cwd: cwd)
        var base = "base"
        var head = "heads"
        if let revRange {
            let parts = revRange.trimmingCharacters(in: .whitespaces).split(separator: ":", omittingEmptySubsequences: false)
            guard parts.count == 2 else { throw CLIError("History range requires [start]:[end], [start]:, or :[end]") }
            if parts[0] == "current" || parts[1] == "current" {
                throw CLIError("`current` needs the database; alembic-ls never connects for history")
            }
            if !parts[0].isEmpty { base = String(parts[0]) }
            if !parts[1].isEmpty { head = String(parts[1]) }
        }
        let graph = analysis.environment.graph
        let revisions: [String]
        do throws(RevisionGraphError) {
            revisions = try graph.iterateRevisions(
                upper: .string(head), lower: .string(base), inclusive: true, assertRelativeLength: false)
        } catch {
            FileHandle.standardError.write(Data("FAILED: \(ScriptDirectoryView.walkMessage(error, start: base, end: head))\n".utf8))
            throw ExitCode(ExitStatus.findings)
        }
        for revision in revisions {
            print(verbose ? analysis.logEntry(revision) : analysis.headOnly(revision, includeBranches: true, includeDoc: true, includeParents: true, treeIndicators: true))
        }
    }
}
