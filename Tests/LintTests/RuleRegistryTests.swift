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

    @Test(arguments: RuleRegistry.metadata)
    func everyRuleIsDocumentedInRuffSections(_ m: RuleMetadata) {
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
