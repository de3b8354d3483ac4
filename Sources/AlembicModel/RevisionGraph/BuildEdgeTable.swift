/// The keys each node names on one kind of edge during ``RevisionGraph``'s build, flattened
/// into one table with each key resolved once, so the build's walks run over integers.
struct BuildEdgeTable {
    /// `start[node]..<start[node + 1]` are the node's entries.
    private(set) var start: [Int] = [0]
    /// The keys as written, in edge order.
    private(set) var keys: [String] = []
    /// `rev_map[key]` (revision ids only), or -1 when absent.
    private(set) var viaIDs: [Int] = []
    /// `map_[key]` (revision ids, then branch labels), or -1 when absent.
    private(set) var viaMap: [Int] = []

    init(capacity: Int) {
        start.reserveCapacity(capacity + 1)
        keys.reserveCapacity(capacity)
        viaIDs.reserveCapacity(capacity)
        viaMap.reserveCapacity(capacity)
    }

    /// The entries of `node`.
    func range(_ node: Int) -> Range<Int> { start[node]..<start[node + 1] }

    /// Adds one entry to the node being filled.
    mutating func append(_ key: String, viaIDs id: Int, viaMap any: Int) {
        keys.append(key)
        viaIDs.append(id)
        viaMap.append(any)
    }

    /// Closes the node being filled; nodes are filled in index order.
    mutating func endNode() { start.append(keys.count) }

    /// The entries of `node` that resolve through `rev_map`, as node indices in edge order.
    func resolvedIDs(_ node: Int) -> [Int] {
        var out: [Int] = []
        for entry in range(node) where viaIDs[entry] >= 0 { out.append(viaIDs[entry]) }
        return out
    }
}
