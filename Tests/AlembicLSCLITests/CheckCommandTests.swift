import Foundation
import Testing

@Suite struct CheckCommandTests {
    static let examples = CLI.repoRoot.appendingPathComponent("Examples").path

    /// The example's history is clean of graph problems; its models show the seed's story: a
    /// model module models.py forgets to import (ALM301), a model on a second Base (ALM303),
    /// and `create_all()` in scripts/init_db.py and CI (ALM305). Its operations (a real
    /// history, mostly unguarded) are pinned by the next test.
    @Test func bundledExampleShowsTheModelFindings() throws {
        let result = try CLI.alembicLS(["check", "--ignore", "ALM2"], cwd: Self.examples + "/ettametta")
        #expect(result.status == 1, "\(result.stdout)\(result.stderr)")
        try assertSnapshot(result.stdout, named: "check-ettametta.txt")
        let history = try CLI.alembicLS(["check", "--ignore", "ALM2", "--ignore", "ALM3"], cwd: Self.examples + "/ettametta")
        #expect(history.status == 0 && history.stdout == "All checks passed!\n", "\(history.stdout)")
    }

    @Test func bundledExampleOperationFindings() throws {
        let result = try CLI.alembicLS(["check", "--select", "ALM2"], cwd: Self.examples + "/ettametta")
        #expect(result.status == 1)
        try assertSnapshot(result.stdout, named: "check-ettametta-operations.txt")
    }

    /// Graph findings only (the operation rules are ignored; they have their own tests).
    @Test func brokenExampleTextOutput() throws {
        let result = try CLI.alembicLS(["check", "--ignore", "ALM2"], cwd: Self.examples + "/broken-heads")
        #expect(result.status == 1)
        try assertSnapshot(result.stdout, named: "check-broken-heads.txt")
    }

    @Test func jsonOutputHasRuffShape() throws {
        let result = try CLI.alembicLS(["check", "--output-format", "json", "."], cwd: Self.examples + "/broken-heads")
        #expect(result.status == 1)
        let items = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]])
        #expect(!items.isEmpty)
        for item in items {
            for key in ["code", "message", "severity", "filename", "location", "end_location", "url"] {
                #expect(item[key] != nil, "missing \(key)")
            }
            let location = try #require(item["location"] as? [String: Int])
            #expect((location["row"] ?? 0) >= 1 && (location["column"] ?? 0) >= 1)
            #expect((item["filename"] as? String)?.hasPrefix("/") == true)
        }
        let codes = Set(items.compactMap { $0["code"] as? String })
        #expect(codes.isSuperset(of: ["ALM101", "ALM102", "ALM105"]))
    }

    @Test func selectAndIgnore() throws {
        let only = try CLI.alembicLS(["check", "--select", "ALM105", "--output-format", "json"], cwd: Self.examples + "/broken-heads")
        let items = try #require(try JSONSerialization.jsonObject(with: Data(only.stdout.utf8)) as? [[String: Any]])
        #expect(!items.isEmpty && items.allSatisfy { ($0["code"] as? String) == "ALM105" })
        let none = try CLI.alembicLS(["check", "--ignore", "ALM1", "--ignore", "ALM2", "--ignore", "ALM5"], cwd: Self.examples + "/broken-heads")
        #expect(none.status == 0)
        let zero = try CLI.alembicLS(["check", "--exit-zero"], cwd: Self.examples + "/broken-heads")
        #expect(zero.status == 0 && zero.stdout.contains("ALM105"))
    }

    @Test func usageErrorsExitWithTwo() throws {
        #expect(try CLI.alembicLS(["check", "--select", "ALM999"]).status == 2)
        #expect(try CLI.alembicLS(["check", "/nonexistent/path"]).status == 2)
        #expect(try CLI.alembicLS(["check", "--output-format", "xml"]).status == 2)
        let rule = try CLI.alembicLS(["rule", "ALM105"])
        #expect(rule.status == 0 && rule.stdout.contains("## Why is this bad?"))
        #expect(try CLI.alembicLS(["rule", "nope"]).status == 2)
        let rules = try CLI.alembicLS(["rules"])
        #expect(rules.stdout.split(separator: "\n").count >= 17)
    }

    @Test func checkingOneFileReportsOnlyThatFile() throws {
        let file = Self.examples + "/broken-heads/alembic/versions/0005_add_audit_log.py"
        let result = try CLI.alembicLS(["check", "--output-format", "json", file], cwd: Self.examples + "/broken-heads")
        let items = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]])
        #expect(!items.isEmpty && items.allSatisfy { ($0["filename"] as? String) == file })
    }

    @Test func debugParseReportsOneBasedPositions() throws {
        let dir = try temporaryTree(["bad.py": "x = 1\nif x\n    pass\n", "good.py": "x = 1\n"])
        let bad = try CLI.alembicLS(["debug", "parse", dir + "/bad.py", dir + "/good.py"])
        #expect(bad.status == 1)
        #expect(bad.stdout.hasPrefix(dir + "/bad.py:2:5: "))
        let good = try CLI.alembicLS(["debug", "parse", dir + "/good.py"])
        #expect(good.status == 0 && good.stdout.isEmpty)
    }
}
