/// An exact cycle check over `down_revision` and `depends_on` edges.
///
/// Alembic's own check (`_detect_cycles`) is reachability-based and misses cycles that sit
/// between a base and a head; this one finds every strongly connected component with more than
/// one revision, and every self-loop. It works from the specs alone, so it also answers when the
/// alembic-compatible build failed, and it never changes what the other queries answer.
extension RevisionGraph {
    /// Every cycle: each is a strongly connected component of the graph whose edges go from a
    /// revision to its `down_revision` ids and `depends_on` targets (branch labels resolved to
    /// the declaring revision; dangling references ignored), plus self-loops.
    ///
    /// Members are listed starting with the one loaded first, then following edges depth-first
    /// inside the component (for a simple cycle, that is the cycle's path). Cycles are ordered
    /// by the load position of their first member. Duplicated ids count once (the last
    /// definition wins, as in alembic's map).
    public func cycles() -> [[String]] {
        let ids: [String]?
        var adjacency: [[Int]]
        if buildError == nil && idKeyCount == nodes.count {
            // A successful build without duplicated ids: one vertex per node, and the resolved
            // edges (`_all_down_revisions`, dangling references already dropped) are these.
            ids = nil
            adjacency = allDownIndex
            for vertex in adjacency.indices where adjacency[vertex].count > 1 {
                var unique: [Int] = []
                for target in adjacency[vertex] where !unique.contains(target) { unique.append(target) }
                adjacency[vertex] = unique
            }
        } else {
            let edges = specEdges()
            ids = edges.ids
            adjacency = edges.adjacency
        }
        let components = RevisionGraph.cyclicComponents(adjacency)
        var cycles: [[Int]] = []
        for component in components {
            let members = Set(component)
            guard let start = component.min() else { continue }
            // Depth-first along edges inside the component, from the first-loaded member.
            var order: [Int] = []
            var seen = Set<Int>()
            var stack = [start]
            while let vertex = stack.popLast() {
                if !seen.insert(vertex).inserted { continue }
                order.append(vertex)
                for next in adjacency[vertex].reversed() where members.contains(next) && !seen.contains(next) {
                    stack.append(next)
                }
            }
            cycles.append(order)
        }
        cycles.sort { ($0.first ?? 0) < ($1.first ?? 0) }
        return cycles.map { $0.map { ids?[$0] ?? nodes[$0].revision } }
    }

    /// The vertices (unique ids in first-occurrence order) and edges of ``cycles()`` from the
    /// specs alone: the winning spec of each id gives its edges.
    private func specEdges() -> (ids: [String], adjacency: [[Int]]) {
        var vertexOf: [String: Int] = [:]
        var ids: [String] = []
        var winner: [Int] = []
        for (index, spec) in specs.enumerated() {
            if let vertex = vertexOf[spec.revision] {
                winner[vertex] = index
            } else {
                vertexOf[spec.revision] = ids.count
                ids.append(spec.revision)
                winner.append(index)
            }
        }
        var labelVertex: [String: Int] = [:]
        for vertex in ids.indices {
            for label in specs[winner[vertex]].branchLabels where labelVertex[label] == nil {
                labelVertex[label] = vertex
            }
        }
        var adjacency: [[Int]] = Array(repeating: [], count: ids.count)
        for vertex in ids.indices {
            let spec = specs[winner[vertex]]
            var targets: [Int] = spec.downRevision.normalized.ids.compactMap { vertexOf[$0] }
            for dep in spec.dependsOn.normalized.ids {
                if let target = vertexOf[dep] ?? labelVertex[dep] { targets.append(target) }
            }
            for target in targets where !adjacency[vertex].contains(target) {
                adjacency[vertex].append(target)
            }
        }
        return (ids, adjacency)
    }

    /// The strongly connected components with more than one vertex, or one vertex with an
    /// edge to itself, each sorted. Tarjan's algorithm, iterative (no recursion depth limit).
    static func cyclicComponents(_ adjacency: [[Int]]) -> [[Int]] {
        let count = adjacency.count
        var index = Array(repeating: -1, count: count)
        var lowLink = Array(repeating: 0, count: count)
        var onStack = Array(repeating: false, count: count)
        var stack: [Int] = []
        var components: [[Int]] = []
        var nextIndex = 0
        for root in 0..<count where index[root] < 0 {
            // Frames: (vertex, position of the next edge to explore).
            var frames: [(vertex: Int, edge: Int)] = [(root, 0)]
            index[root] = nextIndex
            lowLink[root] = nextIndex
            nextIndex += 1
            stack.append(root)
            onStack[root] = true
            while let frame = frames.last {
                let vertex = frame.vertex
                if frame.edge < adjacency[vertex].count {
                    frames[frames.count - 1].edge += 1
                    let next = adjacency[vertex][frame.edge]
                    if index[next] < 0 {
                        index[next] = nextIndex
                        lowLink[next] = nextIndex
                        nextIndex += 1
                        stack.append(next)
                        onStack[next] = true
                        frames.append((next, 0))
                    } else if onStack[next] {
                        lowLink[vertex] = min(lowLink[vertex], index[next])
                    }
                    continue
                }
                frames.removeLast()
                if let parent = frames.last {
                    lowLink[parent.vertex] = min(lowLink[parent.vertex], lowLink[vertex])
                }
                if lowLink[vertex] == index[vertex] {
                    if stack.last == vertex {
                        // A single vertex: a cycle only through an edge to itself.
                        stack.removeLast()
                        onStack[vertex] = false
                        if adjacency[vertex].contains(vertex) { components.append([vertex]) }
                        continue
                    }
                    var component: [Int] = []
                    while let member = stack.popLast() {
                        onStack[member] = false
                        component.append(member)
                        if member == vertex { break }
                    }
                    components.append(component.sorted())
                }
            }
        }
        return components
    }
}
