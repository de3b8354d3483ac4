import AlembicModel
import Foundation
import Testing

/// Runs the whole alembic revision-graph conformance suite (shared/conformance) in-process,
/// with the checker's strictest comparison (`check_conformance.py --cli-messages --strict`).
@Suite struct ConformanceTests {
    /// `<repo root>/../shared/conformance/alembic-revision-graph.json`.
    static var suiteURL: URL {
        URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent()  // RevisionGraph
            .deletingLastPathComponent()  // AlembicModelTests
            .deletingLastPathComponent()  // Tests
            .deletingLastPathComponent()  // repo root
            .deletingLastPathComponent()
            .appendingPathComponent("shared/conformance/alembic-revision-graph.json")
    }

    /// `judge()` of check_conformance.py with errors compared exactly plus `cli_message`.
    static func judge(expect: JSONValue, got: JSONValue) -> String? {
        if let expected = expect.objectValue, expected["error"] != nil {
            guard let actual = got.objectValue, actual["error"] != nil else { return "expected an error" }
            if actual["error"] != expected["error"] { return "wrong error class" }
            if actual["message"] != expected["message"] { return "wrong error message" }
            if let cli = expected["cli_message"], actual["cli_message"] != cli { return "wrong cli_message" }
            return nil
        }
        if got.objectValue?["error"] != nil { return "unexpected error" }
        if got.objectValue?["unsupported"] != nil { return "unsupported" }
        return got == expect ? nil : "wrong value"
    }

    static func text(_ value: JSONValue) -> String {
        let bytes = value.serialized()
        let string = String(decoding: bytes, as: UTF8.self)
        return string.count > 300 ? String(string.prefix(297)) + "..." : string
    }

    @Test func everyQueryMatchesAlembic() throws {
        guard let data = FileManager.default.contents(atPath: Self.suiteURL.path) else {
            Issue.record("conformance suite not found at \(Self.suiteURL.path)")
            return
        }
        let suite = try JSONValue.parse(Array(data))
        let cases = try #require(suite["cases"]?.arrayValue, "suite has no cases")
        var passed: [String: Int] = [:]
        var total: [String: Int] = [:]
        var failures: [String] = []
        var failureCount = 0
        for testCase in cases {
            let name = testCase["name"]?.stringValue ?? "?"
            let queries = testCase["queries"]?.arrayValue ?? []
            let payload = JSONValue.object([
                "name": .string(name),
                "revisions": testCase["revisions"] ?? .array([]),
                "queries": .array(queries.map {
                    .object(["op": $0["op"] ?? .null, "args": $0["args"] ?? .object([:])])
                }),
            ])
            let output = try JSONValue.parse(ConformanceAnswerer.answer(caseJSON: payload.serialized()))
            let answers = output["answers"]?.arrayValue ?? []
            for (index, query) in queries.enumerated() {
                let op = query["op"]?.stringValue ?? "?"
                total[op, default: 0] += 1
                guard index < answers.count else {
                    failureCount += 1
                    failures.append("\(name) #\(index) \(op): missing answer")
                    continue
                }
                let got = answers[index]
                var options = [query["expect"] ?? .null]
                if query["nondeterministic"]?.boolValue == true,
                   let anyOf = query["expect_any_of"]?.arrayValue {
                    options = anyOf
                }
                var reason: String?
                for option in options {
                    reason = Self.judge(expect: option, got: got)
                    if reason == nil { break }
                }
                if let reason {
                    failureCount += 1
                    if failures.count < 50 {
                        failures.append("""
                            \(name) #\(index) \(op) \(Self.text(query["args"] ?? .null)): \(reason)
                                  expected: \(Self.text(options[0]))
                                  got:      \(Self.text(got))
                            """)
                    }
                } else {
                    passed[op, default: 0] += 1
                }
            }
        }
        var table = "op                      pass / total\n"
        for op in total.keys.sorted() {
            let padded = op.padding(toLength: 22, withPad: " ", startingAt: 0)
            table += "\(padded) \(passed[op, default: 0]) / \(total[op, default: 0])\n"
        }
        let allPassed = passed.values.reduce(0, +)
        let allTotal = total.values.reduce(0, +)
        table += "TOTAL                  \(allPassed) / \(allTotal)\n"
        print(table)
        if !failures.isEmpty { print(failures.joined(separator: "\n")) }
        #expect(cases.count == 241)
        #expect(allTotal == 5247)
        #expect(failureCount == 0, "\(failureCount) conformance queries failed")
        #expect(allPassed == 5247)
    }
}
