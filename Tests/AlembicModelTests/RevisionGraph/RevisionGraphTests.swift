import AlembicModel
import Foundation
import Testing

/// `cycles()`, the public query surface, and speed on large graphs.
@Suite struct RevisionGraphTests {
    static func spec(
        _ id: String, _ down: RevisionReference = .none, labels: [String] = [],
        depends: RevisionReference = .none
    ) -> RevisionSpec {
        RevisionSpec(revision: id, downRevision: down, branchLabels: labels, dependsOn: depends)
    }

    @Test func noCyclesInAPlainGraph() {
        let graph = RevisionGraph([
            Self.spec("a"), Self.spec("b", .single("a")), Self.spec("c", .single("a")),
            Self.spec("m", .tuple(["b", "c"]), depends: .single("a")),
        ])
        #expect(graph.cycles().isEmpty)
        #expect(graph.buildError == nil)
    }

    @Test func selfLoopIsACycleAndAlembicRaisesLoopDetected() {
        let graph = RevisionGraph([Self.spec("a"), Self.spec("b", .single("b"))])
        #expect(graph.cycles() == [["b"]])
        #expect(graph.buildError?.className == "LoopDetected")
        #expect(graph.buildError?.message == "Self-loop is detected in revisions (b)")
    }

    @Test func dependencySelfLoop() {
        let graph = RevisionGraph([Self.spec("a"), Self.spec("b", .single("a"), depends: .single("b"))])
        #expect(graph.cycles() == [["b"]])
        #expect(graph.buildError?.className == "DependencyLoopDetected")
    }

    /// `a; b -> (a, c); c -> b; d -> c`: alembic's reachability check misses it and still
    /// answers queries; `cycles()` finds it.
    @Test func twoNodeCycleBetweenBaseAndHead() throws {
        let graph = RevisionGraph([
            Self.spec("a"), Self.spec("b", .tuple(["a", "c"])), Self.spec("c", .single("b")),
            Self.spec("d", .single("c")),
        ])
        #expect(graph.buildError == nil)
        #expect(graph.heads == ["d"])
        #expect(graph.cycles() == [["b", "c"]])
        // Queries still answer (as alembic does) and never hang.
        _ = try graph.iterateUpgrade(from: .none, to: .string("heads"))
    }

    @Test func dependencyCycleThroughALabel() {
        // b depends on its own descendant c through c's branch label.
        let graph = RevisionGraph([
            Self.spec("a"), Self.spec("b", .single("a"), depends: .single("lc")),
            Self.spec("c", .single("b"), labels: ["lc"]),
        ])
        #expect(graph.cycles() == [["b", "c"]])
    }

    @Test func cyclesAreOrderedByLoadPositionAndFollowEdges() {
        let graph = RevisionGraph([
            Self.spec("x", .single("z")), Self.spec("y", .single("x")), Self.spec("z", .single("y")),
            Self.spec("p", .single("q")), Self.spec("q", .single("p")), Self.spec("base"),
        ])
        #expect(graph.cycles() == [["x", "z", "y"], ["p", "q"]])
        #expect(graph.buildError?.className == "CycleDetected")
    }

    @Test func duplicatedIdsCountOnceWithTheLastDefinition() {
        let graph = RevisionGraph([
            Self.spec("a"), Self.spec("b", .single("a")), Self.spec("a", .single("b")),
        ])
        #expect(graph.cycles() == [["a", "b"]])
        #expect(graph.warnings == ["Revision a is present more than once"])
    }

    @Test func cliMessagesAndErrorValues() {
        let graph = RevisionGraph([Self.spec("a"), Self.spec("b1", .single("a")), Self.spec("b2", .single("a"))])
        #expect(throws: RevisionGraphError.self) { try graph.getCurrentHead() }
        do {
            _ = try graph.getRevision(.string("head"))
            Issue.record("expected MultipleHeads")
        } catch {
            #expect(error.className == "MultipleHeads")
            #expect(error.message == "Multiple heads are present for given argument 'head'; b1, b2")
            #expect(error.cliMessage?.hasPrefix("Multiple head revisions are present") == true)
        }
        do {
            _ = try graph.iterateDowngrade(from: .string("b1"), to: .string("b2"))
            Issue.record("expected RangeNotAncestorError")
        } catch {
            #expect(error.className == "RangeNotAncestorError")
            #expect(error.cliMessage == "Destination b2 is not a valid downgrade target from current head(s)")
        }
    }

    @Test func referrerTextIsPluggable() {
        let specs = [Self.spec("a"), Self.spec("c", .single("zzzz"))]
        #expect(RevisionGraph(specs).warnings
            == ["Revision zzzz referenced from Revision('c', 'zzzz') is not present"])
        let script = RevisionGraph(specs, referrerFormat: .custom { $0.scriptDescription(doc: "msg") })
        #expect(script.warnings == ["Revision zzzz referenced from zzzz -> c (head), msg is not present"])
        #expect(script.buildError?.className == "KeyError")
        #expect(script.buildError?.message == "'zzzz'")
    }

    @Test func revisionInfoReportsPropagatedLabels() throws {
        let graph = RevisionGraph([
            Self.spec("a"), Self.spec("b", .single("a"), labels: ["L"]), Self.spec("c", .single("b")),
        ])
        let info = try #require(graph.revisionInfo("a"))
        #expect(info.branchLabels == ["L"])
        #expect(info.nextRevisions == ["b"])
        #expect(try graph.ancestors(of: ["c"]) == ["a", "b", "c"])
        #expect(try graph.descendants(of: ["a"], includeDependencies: false) == ["a", "b", "c"])
        #expect(try graph.getRevisions(.string("L@heads")) == [.revision("c")])
    }

    /// Build + heads on 10,000 revisions (branches, merges, labels, dependencies). Speed is
    /// measured by `alembic-ls-bench`, not here.
    @Test func tenThousandRevisions() throws {
        var specs: [RevisionSpec] = [Self.spec("r00000")]
        for index in 1..<10_000 {
            let id = String(format: "r%05d", index)
            let parent = String(format: "r%05d", index - 1)
            if index % 100 == 50 {
                specs.append(Self.spec(id, .tuple([parent, String(format: "r%05d", index - 7)])))
            } else if index % 100 == 0 {
                specs.append(Self.spec(id, .single(parent), labels: ["l\(index)"],
                                       depends: .single(String(format: "r%05d", index - 30))))
            } else {
                specs.append(Self.spec(id, .single(parent)))
            }
        }
        let graph = RevisionGraph(specs)
        #expect(graph.heads == ["r09999"])
        #expect(graph.cycles().isEmpty)
        let upgrade = try graph.iterateUpgrade(from: .none, to: .string("heads"))
        #expect(upgrade.count == 10_000)
    }

    /// `cycles()` on random small graphs (successful builds use the build's edges, failed ones
    /// the specs) against a brute-force reference: members of a cycle reach each other.
    @Test func cyclesMatchBruteForceReachability() {
        var state: UInt64 = 7
        func next(_ bound: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(bound))
        }
        for _ in 0 ..< 400 {
            let count = 2 + next(6)
            let names = (0 ..< count).map { "n\($0)" }
            var specs: [RevisionSpec] = []
            for index in 0 ..< count {
                let parents = (0 ..< next(3)).map { _ in names[next(count)] }
                let down: RevisionReference = parents.isEmpty ? .none : parents.count == 1 ? .single(parents[0]) : .tuple(parents)
                let depends: RevisionReference = next(4) == 0 ? .single(next(2) == 0 ? names[next(count)] : "L\(next(count))") : .none
                specs.append(Self.spec(names[index], down, labels: next(3) == 0 ? ["L\(index)"] : [], depends: depends))
            }
            let graph = RevisionGraph(specs)
            // Reference edges from the specs: down ids, dependencies through ids or labels.
            var label: [String: Int] = [:]
            for (index, spec) in specs.enumerated() { for name in spec.branchLabels where label[name] == nil { label[name] = index } }
            var reach = Array(repeating: Array(repeating: false, count: count), count: count)
            for (index, spec) in specs.enumerated() {
                for id in spec.downRevision.ids { if let target = names.firstIndex(of: id) { reach[index][target] = true } }
                for id in spec.dependsOn.ids { if let target = names.firstIndex(of: id) ?? label[id] { reach[index][target] = true } }
            }
            for k in 0 ..< count { for i in 0 ..< count where reach[i][k] { for j in 0 ..< count where reach[k][j] { reach[i][j] = true } } }
            var expected = Set<Set<String>>()
            for i in 0 ..< count where reach[i][i] {
                expected.insert(Set((0 ..< count).filter { reach[i][$0] && reach[$0][i] }.map { names[$0] }))
            }
            #expect(Set(graph.cycles().map(Set.init)) == expected, "\(specs)")
        }
    }
}
