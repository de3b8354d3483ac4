import AlembicModel
import ArgumentParser
import Foundation
import IDE

/// `alembic-ls graph`: the revision graph of every environment as Graphviz, Mermaid or JSON.
struct Graph: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print the revision graph (dot, mermaid or json).")

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case dot, mermaid, json
    }

    @Option(name: .long, help: "Output format: dot, mermaid or json.")
    var format: Format = .dot

    @Argument(help: "Directories to search for Alembic environments (default: .).")
    var paths: [String] = []

    func run() throws {
        let cwd = FileManager.default.currentDirectoryPath
        let project = ProjectLoader.load(roots: paths.isEmpty ? ["."] : paths, cwd: cwd)
        let export = RevisionGraphExport(project)
        switch format {
        case .dot: print(export.dot, terminator: "")
        case .mermaid: print(export.mermaid, terminator: "")
        case .json: print(export.json, terminator: "")
        }
    }
}
