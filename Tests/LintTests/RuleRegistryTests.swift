import Lint
import Testing

@Suite struct RuleRegistryTests {
    @Test func codesAndNamesAreUniqueSortedAndWellFormed() {
        let all = RuleRegistry.metadata
        #expect(Set(all.map(\.code)).count == all.count)
        #expect(Set(all.map(\.name)).count == all.count)
        #expect(all.map(\.code) == all.map(\.code).sorted())
        for m in all {
            #expect(m.code.count == 6 && m.code.hasPrefix("ALM"), "\(m.code)")
            #expect(m.name.allSatisfy { $0.isLowercase || $0 == "-" }, "\(m.name)")
        }
    }

    @Test(arguments: RuleRegistry.metadata.map(\.code))
    func everyRuleIsDocumentedInRuffSections(_ code: String) throws {
        let m = try #require(RuleRegistry.rule(named: code)?.metadata)
        for section in ["## What it does", "## Why is this bad?", "## Example"] {
            #expect(m.documentation.contains(section), "\(m.code) lacks \(section)")
        }
        #expect(!m.summary.isEmpty)
    }

    @Test func lookupByCodeOrName() {
        #expect(RuleRegistry.rule(named: "alm105")?.metadata.name == "multiple-heads")
        #expect(RuleRegistry.rule(named: "multiple-heads")?.metadata.code == "ALM105")
        #expect(RuleRegistry.rule(named: "ALM999") == nil)
    }
}

extension RuleRegistryTests {
    /// `docs/rules/CODE.md` is the published form of each rule's documentation; it must match
    /// the registry (`UPDATE_SNAPSHOTS=1 swift test` rewrites it).
    @Test func publishedRuleDocsMatchTheRegistry() throws {
        let docs = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("docs/rules")
        let update = ProcessInfo.processInfo.environment["UPDATE_SNAPSHOTS"] == "1"
        if update { try FileManager.default.createDirectory(at: docs, withIntermediateDirectories: true) }
        for m in RuleRegistry.metadata {
            let url = docs.appendingPathComponent("\(m.code).md")
            if update { try m.markdown.write(to: url, atomically: true, encoding: .utf8) }
            #expect((try? String(contentsOf: url, encoding: .utf8)) == m.markdown, "docs/rules/\(m.code).md is stale")
        }
        let files = try FileManager.default.contentsOfDirectory(atPath: docs.path).filter { $0.hasSuffix(".md") }
        #expect(Set(files) == Set(RuleRegistry.metadata.map { "\($0.code).md" }))
    }
}

import Foundation
