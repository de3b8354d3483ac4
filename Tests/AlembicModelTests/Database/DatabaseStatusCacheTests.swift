import AlembicModel
import Testing

/// The status cache answers what ``DatabaseStatus/compute(versionRows:graph:)`` answers, and
/// a changed graph or version table is computed afresh.
@Suite struct DatabaseStatusCacheTests {
    func graph(_ chain: [String]) -> RevisionGraph {
        RevisionGraph(chain.indices.map { index in
            RevisionSpec(revision: chain[index], downRevision: index == 0 ? .none : .single(chain[index - 1]))
        })
    }

    @Test func sameAnswersAsComputeAndFreshAfterChanges() {
        let cache = DatabaseStatusCache(capacity: 2)
        let abc = graph(["a", "b", "c"])
        let first = cache.status(versionRows: ["a"], graph: abc)
        #expect(first == DatabaseStatus.compute(versionRows: ["a"], graph: abc))
        #expect(first.pending == ["b", "c"])
        #expect(cache.status(versionRows: ["a"], graph: graph(["a", "b", "c"])) == first)
        #expect(cache.status(versionRows: ["b"], graph: abc).pending == ["c"])
        #expect(cache.status(versionRows: ["a"], graph: graph(["a", "b", "c", "d"])).pending == ["b", "c", "d"])
        #expect(cache.status(versionRows: nil, graph: abc).unstamped)
        // Evicted entries are computed again, with the same answer.
        #expect(cache.status(versionRows: ["a"], graph: abc) == first)
    }
}
