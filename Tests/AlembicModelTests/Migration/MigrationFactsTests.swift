import AlembicModel
import Foundation
import PythonSyntax
import Testing

/// Facts extracted statically against what Python itself binds when the same files are
/// imported (the test's own generated files only).
@Suite struct MigrationFactsTests {
    static let cases: [String] = [
        "revision = 'a1'\ndown_revision = None\n",
        "from typing import Sequence, Union\nrevision: str = 'a2'\ndown_revision: Union[str, None] = 'a1'\nbranch_labels: Union[str, Sequence[str], None] = None\ndepends_on: Union[str, Sequence[str], None] = None\n",
        "revision = \"a3\"\ndown_revision = ('a1', 'a2')\nbranch_labels = ('x', 'y')\ndepends_on = ['a1']\n",
        "revision = 'a4'\ndown_revision = ()\nbranch_labels = 'solo'\n",
        "revision = 'a5'\ndown_revision = []\ndepends_on = ('d1', 'd2')\n",
        "revision = 'a6'\ndown_revision = (None,)\n",
        "revision = 'a7'\ndown_revision = ('a1',)\n",
        "revision = 'a8'\ndown_revision = ''\n",
        "BASE = 'a1'\nOTHER = BASE\nrevision = 'a9'\ndown_revision = OTHER\n",
        "revision = down_revision = 'b1'\n",
        "revision, down_revision = 'b2', 'a1'\n",
        "revision = 'b3'\ndown_revision = 'old'\ndown_revision = 'new'\n",
        "\"\"\"Add users\n\nRevision ID: b4\nRevises: a1\n\"\"\"\nrevision = 'b4'\ndown_revision = 'a1'\n",
        "r'''raw \\\\d doc\n\nmore'''\nrevision = 'b5'\ndown_revision = 'a1' 'x'\n",
        "# -*- coding: utf-8 -*-\n\"\"\"caf\\u00e9 \\N{BULLET} doc\"\"\"\nrevision = u'b6'\ndown_revision = ('a1', 'a1')\n",
        "revision = 'b7'\n",
        "\"\"\"crlf\r\n\r\nsecond\"\"\"\r\nrevision = 'b8'\r\ndown_revision = None\r\n",
        "from typing import Union\nrevision: str = 'b9'\ndown_revision = None  # trailing comment\nbranch_labels = None\n",
    ]

    @Test func factsMatchWhatPythonBinds() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("facts-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        var paths: [String] = []
        for (i, text) in Self.cases.enumerated() {
            let path = dir.appendingPathComponent("m\(i).py").path
            try text.write(toFile: path, atomically: true, encoding: .utf8)
            paths.append(path)
        }
        let python = try OracleSupport.requirePython()
        let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Oracle/facts_oracle.py").path
        let output = try OracleSupport.run(python, [script], stdin: try JSONSerialization.data(withJSONObject: paths))
        let expected = try #require(try JSONSerialization.jsonObject(with: output) as? [[String: Any]])
        #expect(expected.count == paths.count)
        for (path, want) in zip(paths, expected) {
            #expect(want["error"] == nil, "fixture \(path) does not import: \(want["error"] ?? "")")
            let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
            let file = MigrationFactsExtractor.extract(path: path, parsed: parseModule(bytes))
            #expect(json(file.revision.value?.value) == want["revision"] as? String ?? "<absent>", "\(path) revision")
            #expect(describe(file.downRevision) == describeJSON(want["down_revision"]), "\(path) down_revision: \(describe(file.downRevision)) vs \(describeJSON(want["down_revision"]))")
            #expect((file.branchLabels.value?.map(\.value) ?? []) == (want["branch_labels"] as? [String] ?? []), "\(path) labels")
            #expect(describe(file.dependsOn, absentAsNone: true) == describeJSON(want["depends_on"]), "\(path) depends_on")
            #expect((file.docstring?.message ?? "") == (want["doc"] as? String ?? ""), "\(path) doc")
        }
    }

    private func json(_ value: String?) -> String { value ?? "<absent>" }

    private func describe(_ fact: AssignedFact<DeclaredRevisions>, absentAsNone: Bool = false) -> String {
        switch fact {
        case .absent: return absentAsNone ? "None" : "<absent>"
        case .unresolved: return "<unresolved>"
        case let .value(value, _, _):
            switch value {
            case .none: return "None"
            case let .single(item): return "'\(item.value)'"
            case let .multiple(items): return "[" + items.map { "'\($0.value)'" }.joined(separator: ",") + "]"
            }
        }
    }

    private func describeJSON(_ value: Any?) -> String {
        switch value {
        case let s as String where s == "<absent>": return s
        case let s as String: return "'\(s)'"
        case let list as [String]: return "[" + list.map { "'\($0)'" }.joined(separator: ",") + "]"
        default: return "None"
        }
    }

    @Test func rangesPointAtTheLiterals() {
        let source = "revision = 'abc'\ndown_revision = ('p1', \"p2\")\n"
        let file = MigrationFactsExtractor.extract(path: "x.py", parsed: parseModule(Array(source.utf8)))
        let bytes = Array(source.utf8)
        let items = file.downRevision.value?.items ?? []
        #expect(items.map { String(decoding: bytes[$0.range.start ..< $0.range.end], as: UTF8.self) } == ["'p1'", "\"p2\""])
        #expect(file.revision.value.map { String(decoding: bytes[$0.range.start ..< $0.range.end], as: UTF8.self) } == "'abc'")
    }

    @Test func unresolvedForms() {
        for source in ["revision = 'a'\ndown_revision = f'{x}'\n", "revision = 'a'\ndown_revision = compute()\n",
                       "revision = 'a'\nif X:\n    down_revision = 'b'\n", "revision = 'a'\nfor down_revision in []: pass\n"] {
            let file = MigrationFactsExtractor.extract(path: "x.py", parsed: parseModule(Array(source.utf8)))
            guard case .unresolved = file.downRevision else {
                Issue.record("expected unresolved for \(source)")
                continue
            }
        }
    }
}

/// Finds and runs the oracle interpreter for AlembicModel tests.
enum OracleSupport {
    static func requirePython() throws -> String {
        if let env = ProcessInfo.processInfo.environment["ALEMBIC_LS_PYTHON"], FileManager.default.isExecutableFile(atPath: env) { return env }
        let venv = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent(".venv/bin/python").path
        guard FileManager.default.isExecutableFile(atPath: venv) else {
            throw OracleMissing()
        }
        return venv
    }

    struct OracleMissing: Error, CustomStringConvertible {
        var description: String { "the oracle interpreter is missing: run .ci/run (creates .venv) or set ALEMBIC_LS_PYTHON" }
    }

    static func run(_ executable: String, _ arguments: [String], stdin: Data) throws -> Data {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let input = Pipe(), output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        try process.run()
        input.fileHandleForWriting.write(stdin)
        try input.fileHandleForWriting.close()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return data
    }
}
