import ArgumentParser
import Foundation
import Lint

/// `alembic-ls rule CODE`: print a rule's documentation.
struct RuleCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "rule", abstract: "Explain a rule (by code or name).")

    @Argument(help: "A rule code such as ALM105, or a name such as multiple-heads.")
    var rule: String

    func run() throws {
        guard let found = RuleRegistry.rule(named: rule) else { throw CLIError("unknown rule '\(rule)'; `alembic-ls rules` lists them") }
        print(found.metadata.markdown, terminator: "")
    }
}

/// `alembic-ls rules`: list every rule.
struct Rules: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "List every rule.")

    @Option(name: .long, help: "Output format: text or json.")
    var outputFormat: ListFormat = .text

    struct Entry: Encodable {
        var code: String
        var name: String
        var severity: String
        var summary: String
        var url: String
    }

    func run() throws {
        let all = RuleRegistry.metadata
        switch outputFormat {
        case .text:
            let width = all.map(\.name.count).max() ?? 0
            for m in all {
                print("\(m.code)  \(m.name.padding(toLength: width, withPad: " ", startingAt: 0))  \(m.severity.rawValue.padding(toLength: 7, withPad: " ", startingAt: 0))  \(m.summary)")
            }
        case .json:
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            let data = try encoder.encode(all.map { Entry(code: $0.code, name: $0.name, severity: $0.severity.rawValue, summary: $0.summary, url: $0.url) })
            print(String(decoding: data, as: UTF8.self))
        }
    }
}
