/// A port of alembic 1.20.1's `alembic.script.revision.RevisionMap`.
///
/// Build it from ``RevisionSpec`` values in load order. Building never traps: alembic's build
/// failures (cycles, loops, dangling references, label clashes, illegal characters) are kept in
/// ``buildError`` and every query then throws that error, as alembic's memoized map would.
/// Build warnings (duplicate ids, missing referenced revisions) are in ``warnings``.
///
/// Queries carry alembic's names and semantics, including its ordering and tie-breaks. Where
/// alembic iterates a Python `set`, this port uses load order; alembic's answer does not depend
/// on that order in those places. ``cycles()`` is an extra, exact cycle check that alembic lacks.
public struct RevisionGraph: Sendable {
    /// One `Revision` object. Duplicated ids give several nodes; the map points at the last.
    struct Node: Sendable {
        var revision: String
        /// Normalised `down_revision`.
        var downRevision: RevisionReference
        /// Normalised `dependencies`.
        var dependencies: RevisionReference
        /// `_orig_branch_labels`.
        var declaredLabels: [String]
        /// `branch_labels` (a set; grows during `_add_branches`), over ``labelNames``.
        var branchLabels: LabelSet
        var origin: Int?
        var resolvedDependencies: [String] = []
        var normalizedResolvedDependencies: [String] = []
        /// `nextrev` (ids, resolved to their winning node), in the order they were linked.
        var next: [Int] = []
        /// `_all_nextrev`, as winning node indices in the order they were linked.
        var allNext: [Int] = []

        var versionedDown: [String] { downRevision.ids }
        var allDown: [String] { RevisionGraph.dedupe(versionedDown + resolvedDependencies) }
        var normalizedDown: [String] {
            RevisionGraph.dedupe(versionedDown + normalizedResolvedDependencies)
        }
        var isBase: Bool { downRevision.isNone }
        var isRealBase: Bool { downRevision.isNone && dependencies.isNone }
        var isMergePoint: Bool { versionedDown.count > 1 }
        var isRealBranchPoint: Bool { allNext.count > 1 }
    }

    /// The specs as given.
    public let specs: [RevisionSpec]
    /// Warnings emitted while building, in order (`util.warn` texts).
    public private(set) var warnings: [String] = []
    /// The error alembic raises when building this map, if any.
    public private(set) var buildError: RevisionGraphError?

    var nodes: [Node] = []
    /// `rev_map`: revision id -> winning node.
    var idMap: [String: Int] = [:]
    /// Branch label -> declaring node.
    var labelMap: [String: Int] = [:]
    /// Every declared label, in first-declaration order; ``LabelSet`` indexes this table.
    var labelNames: [String] = []
    var labelIndex: [String: Int] = [:]
    /// Keys of `_revision_map` in insertion order: ids (first occurrence), then labels.
    var keyOrder: [String] = []
    /// Position of each key in ``keyOrder``.
    var keyPosition: [String: Int] = [:]
    var headNodes: [Int] = []
    var realHeadNodes: [Int] = []
    var baseNodes: [Int] = []
    var realBaseNodes: [Int] = []
    /// Per node, after a successful build: edges as winning node indices.
    var versionedDownIndex: [[Int]] = []
    var normalizedDownIndex: [[Int]] = []
    var allDownIndex: [[Int]] = []

    /// Builds the map from specs in load order.
    /// - Parameter referrerFormat: how a referring revision is written in the
    ///   "referenced from ... is not present" warning.
    public init(_ specs: [RevisionSpec], referrerFormat: ReferrerFormat = .pythonRepr) {
        self.specs = specs
        do throws(RevisionGraphError) {
            try build(referrerFormat: referrerFormat)
        } catch {
            buildError = error
        }
    }

    /// `RevisionMap.heads`: ids with no versioned child, in load order (empty if the build failed).
    public var heads: [String] { buildError == nil ? headNodes.map { nodes[$0].revision } : [] }
    /// `RevisionMap._real_heads`: ids with no child of any kind.
    public var realHeads: [String] { buildError == nil ? realHeadNodes.map { nodes[$0].revision } : [] }
    /// `RevisionMap.bases`: ids whose `down_revision` is None.
    public var bases: [String] { buildError == nil ? baseNodes.map { nodes[$0].revision } : [] }
    /// `RevisionMap._real_bases`: bases without `depends_on`.
    public var realBases: [String] { buildError == nil ? realBaseNodes.map { nodes[$0].revision } : [] }

    /// Every revision id in the map, in load order (first occurrence of duplicated ids).
    public var revisionIDs: [String] {
        keyOrder.filter { idMap[$0] != nil }
    }

    static func dedupe(_ values: [String]) -> [String] {
        if values.count < 2 { return values }
        if values.count <= 8 {
            var out: [String] = []
            for value in values where !out.contains(value) { out.append(value) }
            return out
        }
        var seen = Set<String>()
        var out: [String] = []
        for value in values where seen.insert(value).inserted { out.append(value) }
        return out
    }

    /// `_revision_map[key]` for string keys (ids and branch labels).
    func lookup(_ key: String) -> Int? {
        idMap[key] ?? labelMap[key]
    }

    /// `branch_labels` of a node, as names (unordered).
    func labelNamesOf(_ node: Int) -> [String] {
        nodes[node].branchLabels.indices.map { labelNames[$0] }
    }

    /// `label in node.branch_labels`.
    func node(_ node: Int, hasLabel label: String) -> Bool {
        guard let index = labelIndex[label] else { return false }
        return nodes[node].branchLabels.contains(index)
    }

    /// Throws the build error, if any.
    func requireBuilt() throws(RevisionGraphError) {
        if let buildError { throw buildError }
    }
}

// MARK: - Build

extension RevisionGraph {
    /// A build-time edge, resolved once: a node, a key missing from the map (KeyError), or a
    /// key that is a branch label where a revision id was expected ("broken map").
    private enum BuildEdge {
        case node(Int)
        case missing(String)
        case brokenMap
    }

    /// Resolves ids through `rev_map` (ids only) or `map_` (ids and labels).
    private func buildEdges(_ ids: [String], withLabels: Bool) -> [BuildEdge] {
        ids.map { key in
            guard let found = withLabels ? lookup(key) : idMap[key] else { return .missing(key) }
            return nodes[found].revision == key ? .node(found) : .brokenMap
        }
    }

    private mutating func build(referrerFormat: ReferrerFormat) throws(RevisionGraphError) {
        var headSet: [Bool] = []
        var realHeadSet: [Bool] = []
        var hasBranchLabels: [Int] = []

        // The generator: Revision.__init__ runs per script, in load order.
        for spec in specs {
            if spec.downRevision.isTruthy && spec.downRevision.ids.contains(spec.revision) {
                throw .cycle(.loopDetected, [spec.revision])
            } else if !spec.dependsOn.isNone && spec.dependsOn.ids.contains(spec.revision) {
                throw .cycle(.dependencyLoopDetected, [spec.revision])
            }
            let illegal = Set(spec.revision.unicodeScalars).intersection(["@", "-", "+", ":"])
            if !illegal.isEmpty {
                let chars = illegal.sorted { $0.value < $1.value }.map { String($0) }
                throw .revision(
                    "Character(s) '\(chars.joined(separator: ", "))' not allowed in revision "
                        + "identifier '\(spec.revision)'")
            }
            let index = nodes.count
            var labels = LabelSet()
            for label in spec.branchLabels {
                if labelIndex[label] == nil {
                    labelIndex[label] = labelNames.count
                    labelNames.append(label)
                }
                if let position = labelIndex[label] { labels.insert(position) }
            }
            nodes.append(Node(
                revision: spec.revision,
                downRevision: spec.downRevision.normalized,
                dependencies: spec.dependsOn.normalized,
                declaredLabels: spec.branchLabels,
                branchLabels: labels,
                origin: spec.origin))
            if idMap[spec.revision] != nil {
                warnings.append("Revision \(spec.revision) is present more than once")
            } else {
                keyPosition[spec.revision] = keyOrder.count
                keyOrder.append(spec.revision)
            }
            idMap[spec.revision] = index
            if !spec.branchLabels.isEmpty { hasBranchLabels.append(index) }
            headSet.append(true)
            realHeadSet.append(true)
            if nodes[index].isBase { baseNodes.append(index) }
            if nodes[index].isRealBase { realBaseNodes.append(index) }
        }

        // _map_branch_labels
        for index in hasBranchLabels {
            for label in nodes[index].declaredLabels {
                if let existing = lookup(label) {
                    throw .revision(
                        "Branch name '\(label)' in revision \(nodes[index].revision) already "
                            + "used by revision \(nodes[existing].revision)")
                }
                labelMap[label] = index
                keyPosition[label] = keyOrder.count
                keyOrder.append(label)
            }
        }

        // _add_depends_on (every Revision object, duplicates included)
        for index in nodes.indices {
            guard nodes[index].dependencies.isTruthy else { continue }
            var resolved: [String] = []
            for dep in nodes[index].dependencies.ids {
                guard let target = lookup(dep) else { throw .keyError(dep) }
                resolved.append(nodes[target].revision)
            }
            nodes[index].resolvedDependencies = resolved
        }

        // Link children; map_.values() visits ids first, then labels.
        var linkedNext = Set<Int>()
        let nodeCount = nodes.count
        func linkKey(_ down: Int, _ child: Int, _ versioned: Int) -> Int {
            (down * nodeCount + child) * 2 + versioned
        }
        for key in keyOrder {
            guard let rev = lookup(key) else { continue }
            let versioned = nodes[rev].versionedDown
            for downrev in nodes[rev].allDown {
                guard let down = lookup(downrev) else {
                    let snapshot = ReferrerSnapshot(
                        spec: specs[rev],
                        downRevision: nodes[rev].downRevision,
                        dependsOn: nodes[rev].dependencies,
                        isHead: nodes[rev].next.isEmpty,
                        isBranchPoint: nodes[rev].next.count > 1,
                        isMergePoint: nodes[rev].isMergePoint)
                    warnings.append(
                        "Revision \(downrev) referenced from \(referrerFormat.render(snapshot)) "
                            + "is not present")
                    throw .keyError(downrev)
                }
                // `add_nextrev` records the child's *id*: walks resolve it to the winner.
                let child = idMap[nodes[rev].revision] ?? rev
                if linkedNext.insert(linkKey(down, child, 0)).inserted { nodes[down].allNext.append(child) }
                if versioned.contains(nodes[down].revision),
                   linkedNext.insert(linkKey(down, child, 1)).inserted {
                    nodes[down].next.append(child)
                }
                if versioned.contains(downrev) { headSet[down] = false }
                realHeadSet[down] = false
            }
        }

        // _normalize_depends_on
        let downViaMap = nodes.map { buildEdges($0.versionedDown, withLabels: true) }
        for index in nodes.indices {
            let resolved = nodes[index].resolvedDependencies
            guard !resolved.isEmpty else { continue }
            var removed = Set<String>()
            let ancestors = try buildWalk(from: [index]) { downViaMap[$0] }
            for rev in ancestors where rev != index {
                removed.formUnion(nodes[rev].resolvedDependencies)
            }
            nodes[index].normalizedResolvedDependencies =
                RevisionGraph.dedupe(resolved.filter { !removed.contains($0) })
        }

        headNodes = nodes.indices.filter { headSet[$0] }
        realHeadNodes = nodes.indices.filter { realHeadSet[$0] }
        try detectCycles()
        computeEdgeIndexes()
        try addBranches(hasBranchLabels)
    }

    /// `_iterate_related_revisions` during the build, resolving ids through a map that may not
    /// contain them (KeyError) or may hold branch labels ("broken map").
    private func buildWalk(
        from targets: [Int], edges: (Int) -> [BuildEdge]
    ) throws(RevisionGraphError) -> [Int] {
        var seen = Array(repeating: false, count: nodes.count)
        var out: [Int] = []
        var todo: [Int] = []
        for target in targets {
            todo.append(target)
            while let rev = todo.popLast() {
                if seen[rev] { continue }
                seen[rev] = true
                for edge in edges(rev) {
                    switch edge {
                    case .node(let next): todo.append(next)
                    case .missing(let key): throw .keyError(key)
                    case .brokenMap: throw .revision("Dependency resolution failed; broken map")
                    }
                }
                out.append(rev)
            }
        }
        return out
    }

    /// `_detect_cycles`: alembic's reachability check (it misses some cycles; see ``cycles()``).
    private func detectCycles() throws(RevisionGraphError) {
        if idMap.isEmpty { return }
        let ids = revisionIDs
        if headNodes.isEmpty || baseNodes.isEmpty { throw .cycle(.cycleDetected, ids) }
        let downViaIDs = nodes.map { buildEdges($0.versionedDown, withLabels: false) }
        let fromHeads = try buildWalk(from: headNodes) { downViaIDs[$0] }
        let fromBases = try buildWalk(from: baseNodes) { node in
            self.nodes[node].next.map(BuildEdge.node)
        }
        var deleted = Set(ids)
        deleted.subtract(Set(fromHeads.map { nodes[$0].revision })
            .intersection(fromBases.map { nodes[$0].revision }))
        if !deleted.isEmpty { throw .cycle(.cycleDetected, PythonRepr.sorted(deleted)) }

        if realHeadNodes.isEmpty || realBaseNodes.isEmpty {
            throw .cycle(.dependencyCycleDetected, ids)
        }
        let allDownViaIDs = nodes.map { buildEdges($0.allDown, withLabels: false) }
        let fromRealHeads = try buildWalk(from: realHeadNodes) { allDownViaIDs[$0] }
        let fromRealBases = try buildWalk(from: realBaseNodes) { node in
            self.nodes[node].allNext.map(BuildEdge.node)
        }
        var deletedDeps = Set(ids)
        deletedDeps.subtract(Set(fromRealHeads.map { nodes[$0].revision })
            .intersection(fromRealBases.map { nodes[$0].revision }))
        if !deletedDeps.isEmpty {
            throw .cycle(.dependencyCycleDetected, PythonRepr.sorted(deletedDeps))
        }
    }

    /// Resolves every node's down edges to winning node indices (all resolvable once
    /// `_detect_cycles` has walked them from every head).
    private mutating func computeEdgeIndexes() {
        func resolve(_ ids: [String]) -> [Int] { ids.compactMap { idMap[$0] } }
        versionedDownIndex = nodes.map { resolve($0.versionedDown) }
        normalizedDownIndex = nodes.map { resolve($0.normalizedDown) }
        allDownIndex = nodes.map { resolve($0.allDown) }
    }

    /// `_add_branches`: labels go to every descendant, then down from the *last* descendant
    /// visited until a real branch point or a merge point.
    private mutating func addBranches(_ labeled: [Int]) throws(RevisionGraphError) {
        for revision in labeled where !nodes[revision].branchLabels.isEmpty {
            let descendants = relatedNodes(from: [revision]) { self.nodes[$0].next }
            for node in descendants {
                nodes[node].branchLabels.formUnion(nodes[revision].branchLabels)
            }
            guard var parent = descendants.last else { continue }
            var steps = 0
            while !nodes[parent].isRealBranchPoint && !nodes[parent].isMergePoint
                && steps <= nodes.count {
                steps += 1
                nodes[parent].branchLabels.formUnion(nodes[revision].branchLabels)
                guard case .single(let down) = nodes[parent].downRevision, !down.isEmpty else { break }
                guard let next = lookup(down) else { throw .keyError(down) }
                parent = next
            }
        }
    }

    /// `_iterate_related_revisions` without checks over integer edges, in alembic's visit order.
    func relatedNodes(from targets: [Int], edges: (Int) -> [Int]) -> [Int] {
        var seen = Set<Int>()
        var out: [Int] = []
        var todo: [Int] = []
        for target in targets {
            todo.append(target)
            while let rev = todo.popLast() {
                if !seen.insert(rev).inserted { continue }
                todo.append(contentsOf: edges(rev))
                out.append(rev)
            }
        }
        return out
    }
}
