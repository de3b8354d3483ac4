import AlembicModel
import Foundation
import Testing

/// Differential test: random revision graphs and queries answered by the real alembic 1.20.1
/// (the oracle venv) and by ``ConformanceAnswerer``. Queries whose alembic answer depends on
/// `PYTHONHASHSEED` (set iteration order) are dropped, as the conformance suite does.
@Suite struct OracleFuzzTests {
    /// A small deterministic generator (SplitMix64).
    struct SplitMix64: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    static var repoRoot: URL {
        URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
    }

    /// `$ALEMBIC_LS_PYTHON`, else `<repo root>/.venv/bin/python`.
    static var pythonPath: String {
        if let path = ProcessInfo.processInfo.environment["ALEMBIC_LS_PYTHON"], !path.isEmpty {
            return path
        }
        return repoRoot.appendingPathComponent(".venv/bin/python").path
    }

    struct OracleFailure: Error, CustomStringConvertible {
        var description: String
    }

    /// Runs the oracle on JSON lines (one case per line); returns one answer list per case.
    static func runOracle(_ input: [UInt8], hashSeed: String, layout: Int) throws -> [[JSONValue]] {
        let inputURL = FileManager.default.temporaryDirectory
            .appendingPathComponent("alembic-ls-graph-fuzz-\(ProcessInfo.processInfo.processIdentifier).jsonl")
        try Data(input).write(to: inputURL)
        defer { try? FileManager.default.removeItem(at: inputURL) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: pythonPath)
        process.arguments = ["-c", oracleScript]
        var environment = ProcessInfo.processInfo.environment
        environment["PYTHONHASHSEED"] = hashSeed
        environment["ORACLE_LAYOUT"] = String(layout)
        process.environment = environment
        process.standardInput = try FileHandle(forReadingFrom: inputURL)
        let stdout = Pipe()
        process.standardOutput = stdout
        try process.run()
        let output = stdout.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw OracleFailure(description: "oracle exited with status \(process.terminationStatus)")
        }
        var results: [[JSONValue]] = []
        for line in output.split(separator: UInt8(ascii: "\n")) where !line.isEmpty {
            results.append(try JSONValue.parse(Array(line))["answers"]?.arrayValue ?? [])
        }
        return results
    }

    /// One random graph with the standard queries and random ones.
    static func makeCase(_ rng: inout SplitMix64, number: Int) -> JSONValue {
        func chance(_ p: Double) -> Bool { Double.random(in: 0..<1, using: &rng) < p }
        func pick<T>(_ values: [T]) -> T { values[Int.random(in: 0..<values.count, using: &rng)] }
        let prefixes = ["ab", "abc", "c0", "f00", "e1", "d", "fe"]
        let hex = Array("0123456789abcdef")
        let labelPool = ["la", "lb", "feature", "hotfix", "fea"]
        var ids: [String] = []
        var labelsUsed: [String] = []
        var revisions: [JSONValue] = []
        let count = Int.random(in: 1...12, using: &rng)
        for index in 0..<count {
            var id = pick(prefixes)
                + String((0..<Int.random(in: 1...4, using: &rng)).map { _ in pick(hex) })
            if !ids.isEmpty, chance(0.05) { id = pick(ids) }
            if chance(0.005) { id += "-x" }
            var down: JSONValue = .null
            if index > 0, !chance(0.2) {
                if chance(0.75) {
                    down = .string(pick(ids))
                } else {
                    let first = pick(ids)
                    let second = chance(0.1) ? first : pick(ids)
                    down = .array([.string(first), .string(second)])
                }
            }
            if chance(0.02) { down = .string(chance(0.5) ? "zzzz" : id) }
            var depends: JSONValue = .null
            let depTargets = ids + labelsUsed
            if !depTargets.isEmpty, chance(0.2) {
                depends = chance(0.8)
                    ? .string(pick(depTargets))
                    : .array([.string(pick(depTargets)), .string(pick(depTargets))])
            }
            var labels: JSONValue = .null
            if chance(0.25) {
                var label = pick(labelPool)
                if labelsUsed.contains(label), chance(0.9) {
                    label = labelPool.first { !labelsUsed.contains($0) } ?? label
                }
                labelsUsed.append(label)
                labels = .array([.string(label)])
            }
            ids.append(id)
            revisions.append(.object([
                "revision": .string(id), "down_revision": down,
                "branch_labels": labels, "depends_on": depends,
            ]))
        }
        if chance(0.4) { revisions.shuffle(using: &rng) }

        func reference(_ value: JSONValue?) -> RevisionReference {
            switch value {
            case .string(let text)?: return .single(text)
            case .array(let values)?: return .tuple(values.compactMap(\.stringValue))
            default: return .none
            }
        }
        let specs = revisions.map { entry in
            RevisionSpec(
                revision: entry["revision"]?.stringValue ?? "",
                downRevision: reference(entry["down_revision"]),
                branchLabels: entry["branch_labels"]?.arrayValue?.compactMap(\.stringValue) ?? [],
                dependsOn: reference(entry["depends_on"]))
        }
        let graph = RevisionGraph(specs)
        var queries: [JSONValue] = []
        func add(_ op: String, _ args: [String: JSONValue] = [:]) {
            queries.append(.object(["op": .string(op), "args": .object(args)]))
        }
        func strings(_ values: [String]) -> JSONValue { .array(values.map(JSONValue.string)) }
        for op in ["build", "warnings", "heads", "real_heads", "bases", "real_bases"] { add(op) }
        for id in Set(ids).sorted() { add("revision_info", ["revision": .string(id)]) }
        add("get_current_head", ["branch_label": .null])
        add("get_revisions", ["id": .string("heads")])
        add("iterate_revisions", [
            "upper": .string("heads"), "lower": .string("base"), "inclusive": .bool(true),
            "implicit_base": .bool(false), "select_for_downgrade": .bool(false),
            "assert_relative_length": .bool(false),
        ])
        add("iterate_upgrade", ["from": .null, "to": .string("heads")])
        add("iterate_downgrade", ["from": strings(graph.realHeads), "to": .string("base")])
        for label in labelsUsed {
            add("get_revision", ["id": .string(label)])
            add("get_revisions", ["id": .string(label + "@heads")])
            add("get_current_head", ["branch_label": .string(label)])
        }
        let labelChoices = labelsUsed.isEmpty ? ["la"] : labelsUsed
        func ident() -> String {
            let id = pick(ids)
            let label = pick(labelChoices)
            switch Int.random(in: 0..<16, using: &rng) {
            case 0, 1, 2: return id
            case 3: return String(id.prefix(Int.random(in: 1...5, using: &rng)))
            case 4: return label
            case 5: return pick(["head", "heads", "base"])
            case 6: return label + "@" + pick(["head", "heads", "base"])
            case 7: return label + "@" + id
            case 8: return pick(["+1", "+2", "-1", "-2", "+0", "-0"])
            case 9: return id + pick(["+1", "-1", "+2", "-2"])
            case 10: return label + "@" + pick(["-1", "+1", "-2"])
            case 11: return label + "@" + id + pick(["+1", "-1"])
            case 12: return id + "@head"
            default: return String(id.prefix(4))
            }
        }
        func identValue() -> JSONValue {
            switch Int.random(in: 0..<10, using: &rng) {
            case 0: return .null
            case 1:
                return .array((0..<Int.random(in: 0...2, using: &rng)).map { _ in .string(pick(ids)) })
            default: return .string(ident())
            }
        }
        for _ in 0..<24 {
            switch Int.random(in: 0..<9, using: &rng) {
            case 0: add("get_revision", ["id": .string(ident())])
            case 1: add("get_revisions", ["id": identValue()])
            case 2:
                add("get_current_head", [
                    "branch_label": .string(chance(0.7) ? pick(labelChoices) : ident()),
                ])
            case 3: add("iterate_upgrade", ["from": identValue(), "to": identValue()])
            case 4:
                add("iterate_downgrade", [
                    "from": identValue(), "to": chance(0.1) ? .null : .string(ident()),
                ])
            case 5:
                add("iterate_revisions", [
                    "upper": identValue(), "lower": identValue(), "inclusive": .bool(chance(0.5)),
                    "implicit_base": .bool(chance(0.5)), "select_for_downgrade": .bool(chance(0.5)),
                    "assert_relative_length": .bool(chance(0.5)),
                ])
            case 6, 7:
                let subset = (0..<Int.random(in: 1...3, using: &rng)).map { _ in pick(ids) }
                add(chance(0.5) ? "ancestors" : "descendants", [
                    "revisions": strings(subset), "check": .bool(chance(0.5)),
                    "include_dependencies": .bool(chance(0.5)),
                ])
            default:
                let subset = (0..<Int.random(in: 1...4, using: &rng)).map { _ in pick(ids) }
                add("filter_for_lineage", [
                    "targets": strings(subset), "check_against": .string(ident()),
                    "include_dependencies": .bool(chance(0.5)),
                ])
            }
        }
        return .object([
            "name": .string("fuzz.\(number)"), "revisions": .array(revisions),
            "queries": .array(queries),
        ])
    }

    /// "Branch name 'x' in revision A already used by revision B": alembic visits labelled
    /// revisions in set-iteration order (memory layout), so any clash report is accepted.
    static func sameLabelClash(_ lhs: JSONValue, _ rhs: JSONValue) -> Bool {
        func parts(_ value: JSONValue) -> (String, Set<String>, String?)? {
            guard let message = value["message"]?.stringValue, message.hasPrefix("Branch name '"),
                  let used = message.range(of: " already used by revision "),
                  let inRevision = message.range(of: "' in revision ")
            else { return nil }
            let label = String(message[message.index(message.startIndex, offsetBy: 13)..<inRevision.lowerBound])
            let first = String(message[inRevision.upperBound..<used.lowerBound])
            let second = String(message[used.upperBound...])
            return (label, [first, second], value["cli_message"] == nil ? nil : "cli")
        }
        // With several clashing labels alembic also picks the label in set order.
        guard let left = parts(lhs), let right = parts(rhs) else { return false }
        return left.2 == right.2 && lhs["error"] == rhs["error"]
    }

    /// "Requested revision X overlaps with other requested revisions A, B": alembic lists a
    /// set of Revision objects (memory-layout order), so the list is compared as a set.
    static func sameOverlap(_ lhs: JSONValue, _ rhs: JSONValue) -> Bool {
        let marker = " overlaps with other requested revisions "
        func parts(_ value: JSONValue) -> (String, Set<String>)? {
            guard let message = value["message"]?.stringValue,
                  let range = message.range(of: marker) else { return nil }
            let others = message[range.upperBound...].components(separatedBy: ", ")
            return (String(message[..<range.upperBound]), Set(others))
        }
        guard let left = parts(lhs), let right = parts(rhs) else { return false }
        return left.0 == right.0 && left.1 == right.1 && lhs["error"] == rhs["error"]
            && (lhs["cli_message"] == nil) == (rhs["cli_message"] == nil)
    }

    static func text(_ value: JSONValue?) -> String {
        String(decoding: (value ?? .null).serialized(), as: UTF8.self)
    }

    @Test func randomGraphsMatchAlembic() throws {
        guard FileManager.default.isExecutableFile(atPath: Self.pythonPath) else {
            Issue.record("alembic oracle interpreter not found at \(Self.pythonPath); set ALEMBIC_LS_PYTHON")
            return
        }
        // ALEMBIC_LS_FUZZ_SEED explores other graphs; the default keeps the test reproducible.
        let seed = ProcessInfo.processInfo.environment["ALEMBIC_LS_FUZZ_SEED"].flatMap { UInt64($0) }
        var rng = SplitMix64(state: seed ?? 20_240_611)
        let cases = (0..<400).map { Self.makeCase(&rng, number: $0) }
        var input: [UInt8] = []
        for testCase in cases {
            input += testCase.serialized()
            input.append(UInt8(ascii: "\n"))
        }
        // Different hash seeds and memory layouts, like the conformance suite's replays.
        let settings = [("1", 0), ("2", 0), ("3", 1), ("4", 3), ("5", 2), ("6", 5)]
        let runs = try settings.map { try Self.runOracle(input, hashSeed: $0.0, layout: $0.1) }
        let first = runs[0]
        try #require(
            runs.allSatisfy { $0.count == cases.count },
            "oracle answered \(first.count) of \(cases.count) cases")
        var compared = 0
        var skipped = 0
        var failed = 0
        var report: [String] = []
        for (index, testCase) in cases.enumerated() {
            let ours = ConformanceAnswerer.answerValues(testCase)
            let queries = testCase["queries"]?.arrayValue ?? []
            for (queryIndex, query) in queries.enumerated() {
                guard runs.allSatisfy({ queryIndex < $0[index].count }),
                      runs.allSatisfy({ $0[index][queryIndex] == first[index][queryIndex] })
                else {
                    skipped += 1
                    continue
                }
                let expected = first[index][queryIndex]
                // alembic loops forever on some cycles it does not detect (the oracle gives up
                // after 2 s); this port answers with an error instead.
                if expected["hang"] != nil {
                    skipped += 1
                    continue
                }
                compared += 1
                // On a map that fails to build, alembic raises the build error lazily (at the
                // first map access); this port raises it for every query. Compare build only.
                if first[index].first?["error"] != nil,
                   !["build", "warnings"].contains(query["op"]?.stringValue ?? "") {
                    skipped += 1
                    compared -= 1
                    continue
                }
                guard ours[queryIndex] != expected,
                      !Self.sameLabelClash(ours[queryIndex], expected),
                      !Self.sameOverlap(ours[queryIndex], expected)
                else { continue }
                failed += 1
                if report.count < 30 {
                    report.append("""
                        case \(index) query \(queryIndex): \(Self.text(query))
                            revisions: \(Self.text(testCase["revisions"]))
                            alembic: \(Self.text(expected))
                            ours:    \(Self.text(ours[queryIndex]))
                        """)
                }
            }
        }
        print("oracle fuzz: compared \(compared), skipped \(skipped) (hash-order dependent or on a failed build), failed \(failed)")
        if !report.isEmpty { print(report.joined(separator: "\n")) }
        #expect(failed == 0, "\(failed) of \(compared) fuzzed queries differ from alembic")
        #expect(compared > 5000)
    }
}

extension OracleFuzzTests {
    /// The oracle: replays queries on alembic's own `RevisionMap` (README §2 semantics).
    static let oracleScript = #"""
import json, os, signal, sys, warnings
from alembic.script.revision import RevisionMap, Revision
from alembic.script.base import ScriptDirectory
from alembic.util import CommandError

def catch(**kw):
    return ScriptDirectory._catch_revision_errors(None, **kw)

def ident(v):
    return tuple(v) if isinstance(v, list) else v

def ref(v):
    if isinstance(v, tuple): return list(v)
    return v

def err(e, cli=None):
    d = {"error": type(e).__name__, "message": str(e)}
    if cli is not None: d["cli_message"] = cli
    return d

def with_cli(fn, **kw):
    try:
        with catch(**kw):
            return fn()
    except CommandError as ce:
        return err(ce.__cause__, str(ce))

def run(m, op, a):
    if op == "heads": return list(m.heads)
    if op == "real_heads": return list(m._real_heads)
    if op == "bases": return list(m.bases)
    if op == "real_bases": return list(m._real_bases)
    if op == "revision_info":
        r = m._revision_map[a["revision"]]
        return {"down_revision": ref(r.down_revision), "depends_on": ref(r.dependencies),
                "declared_branch_labels": list(r._orig_branch_labels),
                "branch_labels": sorted(r.branch_labels),
                "resolved_dependencies": list(r._resolved_dependencies),
                "normalized_dependencies": sorted(r._normalized_resolved_dependencies),
                "all_down_revisions": list(r._all_down_revisions),
                "nextrev": sorted(r.nextrev), "all_nextrev": sorted(r._all_nextrev),
                "is_head": r.is_head, "is_real_head": r._is_real_head, "is_base": r.is_base,
                "is_real_base": r._is_real_base, "is_branch_point": r.is_branch_point,
                "is_real_branch_point": r._is_real_branch_point, "is_merge_point": r.is_merge_point}
    if op == "get_revision":
        def f():
            r = m.get_revision(ident(a["id"]))
            return r.revision if r is not None else None
        return with_cli(f)
    if op == "get_revisions":
        def f():
            return [r.revision if isinstance(r, Revision) else r for r in m.get_revisions(ident(a["id"]))]
        return with_cli(f)
    if op == "get_current_head":
        return with_cli(lambda: m.get_current_head(a["branch_label"]),
                        multiple_heads="The script directory has multiple heads (due to branching)."
                        "Please use get_heads(), or merge the branches using alembic merge.")
    if op == "iterate_revisions":
        return [r.revision for r in m.iterate_revisions(ident(a["upper"]), ident(a["lower"]),
                implicit_base=a["implicit_base"], inclusive=a["inclusive"],
                assert_relative_length=a["assert_relative_length"],
                select_for_downgrade=a["select_for_downgrade"])]
    if op == "iterate_upgrade":
        to = ident(a["to"])
        return with_cli(lambda: [r.revision for r in reversed(list(m.iterate_revisions(to, ident(a["from"]), implicit_base=True)))],
                        ancestor="Destination %(end)s is not a valid upgrade target from current head(s)", end=to)
    if op == "iterate_downgrade":
        to = ident(a["to"])
        return with_cli(lambda: [r.revision for r in m.iterate_revisions(ident(a["from"]), to, select_for_downgrade=True)],
                        ancestor="Destination %(end)s is not a valid downgrade target from current head(s)", end=to)
    if op == "ancestors":
        return sorted(r.revision for r in m._get_ancestor_nodes([m._revision_map[x] for x in a["revisions"]], check=a["check"], include_dependencies=a["include_dependencies"]))
    if op == "descendants":
        return sorted(r.revision for r in m._get_descendant_nodes([m._revision_map[x] for x in a["revisions"]], check=a["check"], include_dependencies=a["include_dependencies"]))
    if op == "filter_for_lineage":
        return list(m.filter_for_lineage(a["targets"], ident(a["check_against"]), include_dependencies=a["include_dependencies"]))
    raise ValueError(op)

LAYOUT = int(os.environ.get("ORACLE_LAYOUT", "0"))

class Hang(Exception):
    pass

def on_alarm(signum, frame):
    raise Hang()

signal.signal(signal.SIGALRM, on_alarm)
# The test runner may hand its blocked signal mask down to this process.
signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGALRM})

def answer(case):
    specs = case["revisions"]
    ws = []
    junk = []
    def gen():
        for r in specs:
            # ORACLE_LAYOUT=n allocates n throwaway revisions per revision: another memory
            # layout, hence another iteration order for sets of Revision objects.
            junk.extend(Revision("junk%d" % i, None) for i in range(LAYOUT))
            yield Revision(r["revision"], ident(r["down_revision"]), dependencies=ident(r["depends_on"]),
                           branch_labels=ident(r["branch_labels"]))
    m = RevisionMap(gen)
    build = None
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        signal.alarm(2)
        try:
            m._revision_map
        except Hang:
            return [{"hang": True} for q in case["queries"]]
        except Exception as e:
            build = e
        finally:
            signal.alarm(0)
    ws = [str(w.message) for w in caught]
    out = []
    for q in case["queries"]:
        op, a = q["op"], q["args"]
        if op == "build": out.append(None if build is None else err(build)); continue
        if op == "warnings": out.append(ws); continue
        signal.alarm(2)
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                out.append(run(m, op, a))
        except Hang:
            out.append({"hang": True})
        except Exception as e:
            out.append(err(e))
        finally:
            signal.alarm(0)
    return out

for line in sys.stdin:
    if line.strip():
        print(json.dumps({"answers": answer(json.loads(line))}), flush=True)
"""#
}
