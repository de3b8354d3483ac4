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
        var allDown: [String] {
            if resolvedDependencies.isEmpty { return RevisionGraph.dedupe(versionedDown) }
            return RevisionGraph.dedupe(versionedDown + resolvedDependencies)
        }
        var normalizedDown: [String] {
            if normalizedResolvedDependencies.isEmpty { return RevisionGraph.dedupe(versionedDown) }
            return RevisionGraph.dedupe(versionedDown + normalizedResolvedDependencies)
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
    /// How many leading entries of ``keyOrder`` are revision ids.
    var idKeyCount = 0
    /// Per node: the position of its id in ``keyOrder``.
    var keySlot: [Int] = []
    /// Per node: the node `rev_map` holds for its id (the last definition of a duplicated id).
    var winner: [Int] = []
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
        Array(keyOrder.prefix(idKeyCount))
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
    /// The edges a build-time walk follows.
    private enum BuildWalkEdges {
        /// `_versioned_down_revisions` through `map_` (KeyError, or "broken map" on a label).
        case versionedDownViaMap
        /// `_versioned_down_revisions` through `rev_map` (KeyError).
        case versionedDownViaIDs
        /// `_all_down_revisions` through `rev_map` (KeyError).
        case allDownViaIDs
        /// `nextrev`.
        case next
        /// `_all_nextrev`.
        case allNext
    }

    /// Scratch state of the build's walks: per-node visit stamps, so walks share one array.
    private struct WalkScratch {
        var seen: [Int]
        var stamp = 0
        var out: [Int] = []
        var todo: [Int] = []

        init(count: Int) { seen = Array(repeating: -1, count: count) }
    }

    private mutating func build(referrerFormat: ReferrerFormat) throws(RevisionGraphError) {
        let count = specs.count
        var headSet = Array(repeating: true, count: count)
        var realHeadSet = Array(repeating: true, count: count)
        var hasBranchLabels: [Int] = []
        var winnerOfSlot: [Int] = []
        nodes.reserveCapacity(count)
        idMap.reserveCapacity(count)
        keyOrder.reserveCapacity(count)
        keySlot.reserveCapacity(count)
        winnerOfSlot.reserveCapacity(count)

        // The generator: Revision.__init__ runs per script, in load order.
        for spec in specs {
            if spec.downRevision.isTruthy && spec.downRevision.ids.contains(spec.revision) {
                throw .cycle(.loopDetected, [spec.revision])
            } else if !spec.dependsOn.isNone && spec.dependsOn.ids.contains(spec.revision) {
                throw .cycle(.dependencyLoopDetected, [spec.revision])
            }
            if spec.revision.utf8.contains(where: { $0 == 0x40 || $0 == 0x2D || $0 == 0x2B || $0 == 0x3A }) {
                let illegal = Set(spec.revision.unicodeScalars).intersection(["@", "-", "+", ":"])
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
            if let previous = idMap.updateValue(index, forKey: spec.revision) {
                warnings.append("Revision \(spec.revision) is present more than once")
                let slot = keySlot[previous]
                keySlot.append(slot)
                winnerOfSlot[slot] = index
            } else {
                keySlot.append(keyOrder.count)
                winnerOfSlot.append(index)
                keyOrder.append(spec.revision)
                idKeyCount += 1
            }
            if !spec.branchLabels.isEmpty { hasBranchLabels.append(index) }
            if nodes[index].isBase { baseNodes.append(index) }
            if nodes[index].isRealBase { realBaseNodes.append(index) }
        }
        winner = keySlot.map { winnerOfSlot[$0] }

        // _map_branch_labels
        for index in hasBranchLabels {
            for label in nodes[index].declaredLabels {
                if let existing = lookup(label) {
                    throw .revision(
                        "Branch name '\(label)' in revision \(nodes[index].revision) already "
                            + "used by revision \(nodes[existing].revision)")
                }
                labelMap[label] = index
                keyOrder.append(label)
            }
        }

        // _add_depends_on (every Revision object, duplicates included). `resolvedDependencyNodes`
        // holds each resolved id's winning node, which stands for that id below.
        var resolvedDependencyNodes: [[Int]] = Array(repeating: [], count: count)
        var anyDependencies = false
        for index in nodes.indices {
            guard nodes[index].dependencies.isTruthy else { continue }
            var resolved: [String] = []
            var resolvedNodes: [Int] = []
            for dep in nodes[index].dependencies.ids {
                guard let target = lookup(dep) else { throw .keyError(dep) }
                resolved.append(nodes[target].revision)
                resolvedNodes.append(winner[target])
            }
            nodes[index].resolvedDependencies = resolved
            resolvedDependencyNodes[index] = resolvedNodes
            anyDependencies = true
        }

        // Every down key resolved once: `versioned` holds `_versioned_down_revisions`, `allDown`
        // `_all_down_revisions` (de-duplicated; versioned keys first, flagged in `allDownIsVersioned`).
        var versioned = BuildEdgeTable(capacity: count)
        var allDown = BuildEdgeTable(capacity: count)
        var allDownIsVersioned: [Bool] = []
        allDownIsVersioned.reserveCapacity(count)
        for index in nodes.indices {
            let keys = nodes[index].versionedDown
            for key in keys {
                let viaIDs = idMap[key]
                let viaMap = viaIDs ?? labelMap[key]
                versioned.append(key, viaIDs: viaIDs ?? -1, viaMap: viaMap ?? -1)
            }
            versioned.endNode()
            let entries = versioned.range(index)
            let dependencies = resolvedDependencyNodes[index]
            if keys.count < 2 && dependencies.isEmpty {
                for entry in entries {
                    allDown.append(keys[0], viaIDs: versioned.viaIDs[entry], viaMap: versioned.viaMap[entry])
                    allDownIsVersioned.append(true)
                }
            } else {
                let combined = keys + nodes[index].resolvedDependencies
                for position in RevisionGraph.firstOccurrences(combined) {
                    if position < keys.count {
                        let entry = entries.lowerBound + position
                        allDown.append(
                            combined[position], viaIDs: versioned.viaIDs[entry],
                            viaMap: versioned.viaMap[entry])
                        allDownIsVersioned.append(true)
                    } else {
                        let target = dependencies[position - keys.count]
                        allDown.append(combined[position], viaIDs: target, viaMap: target)
                        allDownIsVersioned.append(false)
                    }
                }
            }
            allDown.endNode()
        }

        // Link children; map_.values() visits ids first, then labels. While ids are visited,
        // each child's links are made together, so a repeated link is its parent's last one.
        var linkedNext: Set<Int>?
        let nodeCount = nodes.count
        func linkKey(_ down: Int, _ child: Int, _ isVersioned: Int) -> Int {
            (down * nodeCount + child) * 2 + isVersioned
        }
        for (position, key) in keyOrder.enumerated() {
            let rev: Int
            if position < idKeyCount {
                rev = winnerOfSlot[position]
            } else {
                guard let labelled = labelMap[key] else { continue }
                rev = labelled
                if linkedNext == nil {
                    var links = Set<Int>()
                    for down in nodes.indices {
                        for child in nodes[down].allNext { links.insert(linkKey(down, child, 0)) }
                        for child in nodes[down].next { links.insert(linkKey(down, child, 1)) }
                    }
                    linkedNext = links
                }
            }
            // `add_nextrev` records the child's *id*: walks resolve it to the winner.
            let child = winner[rev]
            for entry in allDown.range(rev) {
                let down = allDown.viaMap[entry]
                guard down >= 0 else {
                    let downrev = allDown.keys[entry]
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
                // `down.revision in rev._versioned_down_revisions`; an id key names `down` itself.
                let downIsVersioned: Bool
                if allDown.viaIDs[entry] >= 0 {
                    downIsVersioned = allDownIsVersioned[entry]
                } else {
                    let name = nodes[down].revision
                    downIsVersioned = versioned.range(rev).contains { versioned.keys[$0] == name }
                }
                if var links = linkedNext {
                    linkedNext = nil
                    if links.insert(linkKey(down, child, 0)).inserted { nodes[down].allNext.append(child) }
                    if downIsVersioned, links.insert(linkKey(down, child, 1)).inserted {
                        nodes[down].next.append(child)
                    }
                    linkedNext = links
                } else {
                    if nodes[down].allNext.last != child { nodes[down].allNext.append(child) }
                    if downIsVersioned, nodes[down].next.last != child { nodes[down].next.append(child) }
                }
                if allDownIsVersioned[entry] { headSet[down] = false }
                realHeadSet[down] = false
            }
        }

        // _normalize_depends_on
        var scratch = WalkScratch(count: nodeCount)
        if anyDependencies {
            var removed = Array(repeating: -1, count: nodeCount)
            for index in nodes.indices {
                let resolved = nodes[index].resolvedDependencies
                guard !resolved.isEmpty else { continue }
                try buildWalk(from: [index], .versionedDownViaMap, versioned, allDown, &scratch)
                for rev in scratch.out where rev != index {
                    for dep in resolvedDependencyNodes[rev] { removed[dep] = index }
                }
                var kept: [String] = []
                var keptNodes: [Int] = []
                for (dep, node) in zip(resolved, resolvedDependencyNodes[index])
                where removed[node] != index && !keptNodes.contains(node) {
                    kept.append(dep)
                    keptNodes.append(node)
                }
                nodes[index].normalizedResolvedDependencies = kept
            }
        }

        headNodes = nodes.indices.filter { headSet[$0] }
        realHeadNodes = nodes.indices.filter { realHeadSet[$0] }
        try detectCycles(versioned, allDown, &scratch)
        computeEdgeIndexes(versioned, allDown)
        try addBranches(hasBranchLabels)
    }

    /// Positions of the first occurrence of each value, in order (`dedupe`'s survivors).
    static func firstOccurrences(_ values: [String]) -> [Int] {
        if values.count <= 8 {
            return values.indices.filter { position in !values[..<position].contains(values[position]) }
        }
        var seen = Set<String>()
        return values.indices.filter { seen.insert(values[$0]).inserted }
    }

    /// `_iterate_related_revisions` during the build, resolving ids through a map that may not
    /// contain them (KeyError) or may hold branch labels ("broken map"). Leaves the visited
    /// nodes, in visit order, in `scratch.out`.
    private func buildWalk(
        from targets: [Int], _ kind: BuildWalkEdges, _ versioned: BuildEdgeTable,
        _ allDown: BuildEdgeTable, _ scratch: inout WalkScratch
    ) throws(RevisionGraphError) {
        scratch.stamp += 1
        let stamp = scratch.stamp
        scratch.out.removeAll(keepingCapacity: true)
        scratch.todo.removeAll(keepingCapacity: true)
        for target in targets {
            scratch.todo.append(target)
            while let rev = scratch.todo.popLast() {
                if scratch.seen[rev] == stamp { continue }
                scratch.seen[rev] = stamp
                switch kind {
                case .versionedDownViaMap:
                    for entry in versioned.range(rev) {
                        let found = versioned.viaMap[entry]
                        guard found >= 0 else { throw .keyError(versioned.keys[entry]) }
                        guard versioned.viaIDs[entry] >= 0 || nodes[found].revision == versioned.keys[entry]
                        else { throw .revision("Dependency resolution failed; broken map") }
                        scratch.todo.append(found)
                    }
                case .versionedDownViaIDs:
                    for entry in versioned.range(rev) {
                        let found = versioned.viaIDs[entry]
                        guard found >= 0 else { throw .keyError(versioned.keys[entry]) }
                        scratch.todo.append(found)
                    }
                case .allDownViaIDs:
                    for entry in allDown.range(rev) {
                        let found = allDown.viaIDs[entry]
                        guard found >= 0 else { throw .keyError(allDown.keys[entry]) }
                        scratch.todo.append(found)
                    }
                case .next:
                    scratch.todo.append(contentsOf: nodes[rev].next)
                case .allNext:
                    scratch.todo.append(contentsOf: nodes[rev].allNext)
                }
                scratch.out.append(rev)
            }
        }
    }

    /// `_detect_cycles`: alembic's reachability check (it misses some cycles; see ``cycles()``).
    private func detectCycles(
        _ versioned: BuildEdgeTable, _ allDown: BuildEdgeTable, _ scratch: inout WalkScratch
    ) throws(RevisionGraphError) {
        if idKeyCount == 0 { return }
        if headNodes.isEmpty || baseNodes.isEmpty { throw .cycle(.cycleDetected, revisionIDs) }
        if let deleted = try unreachedIDs(
            down: .versionedDownViaIDs, from: headNodes, up: .next, from: baseNodes,
            versioned, allDown, &scratch) {
            throw .cycle(.cycleDetected, deleted)
        }
        if realHeadNodes.isEmpty || realBaseNodes.isEmpty {
            throw .cycle(.dependencyCycleDetected, revisionIDs)
        }
        if let deleted = try unreachedIDs(
            down: .allDownViaIDs, from: realHeadNodes, up: .allNext, from: realBaseNodes,
            versioned, allDown, &scratch) {
            throw .cycle(.dependencyCycleDetected, deleted)
        }
    }

    /// The ids not reached both walking down from `heads` and up from `bases`, sorted, or nil.
    private func unreachedIDs(
        down: BuildWalkEdges, from heads: [Int], up: BuildWalkEdges, from bases: [Int],
        _ versioned: BuildEdgeTable, _ allDown: BuildEdgeTable, _ scratch: inout WalkScratch
    ) throws(RevisionGraphError) -> [String]? {
        var reachedDown = Array(repeating: false, count: idKeyCount)
        try buildWalk(from: heads, down, versioned, allDown, &scratch)
        for node in scratch.out { reachedDown[keySlot[node]] = true }
        var reachedBoth = Array(repeating: false, count: idKeyCount)
        try buildWalk(from: bases, up, versioned, allDown, &scratch)
        for node in scratch.out where reachedDown[keySlot[node]] { reachedBoth[keySlot[node]] = true }
        guard reachedBoth.contains(false) else { return nil }
        return PythonRepr.sorted((0..<idKeyCount).lazy.filter { !reachedBoth[$0] }.map { keyOrder[$0] })
    }

    /// Resolves every node's down edges to winning node indices (all resolvable once
    /// `_detect_cycles` has walked them from every head).
    private mutating func computeEdgeIndexes(_ versioned: BuildEdgeTable, _ allDown: BuildEdgeTable) {
        versionedDownIndex.reserveCapacity(nodes.count)
        normalizedDownIndex.reserveCapacity(nodes.count)
        allDownIndex.reserveCapacity(nodes.count)
        for index in nodes.indices {
            let all = allDown.resolvedIDs(index)
            let sameAsAll = nodes[index].resolvedDependencies.isEmpty
                && versioned.range(index).count == allDown.range(index).count
            versionedDownIndex.append(sameAsAll ? all : versioned.resolvedIDs(index))
            allDownIndex.append(all)
            // Without dependencies, `normalizedDown` and `allDown` are both `dedupe(versionedDown)`.
            normalizedDownIndex.append(
                nodes[index].resolvedDependencies.isEmpty
                    ? all : nodes[index].normalizedDown.compactMap { idMap[$0] })
        }
    }

    /// `_add_branches`: labels go to every descendant, then down from the *last* descendant
    /// visited until a real branch point or a merge point.
    private mutating func addBranches(_ labeled: [Int]) throws(RevisionGraphError) {
        for revision in labeled where !nodes[revision].branchLabels.isEmpty {
            let descendants = relatedNodes(from: [revision]) { self.nodes[$0].next }
            let labels = nodes[revision].branchLabels
            for node in descendants {
                nodes[node].branchLabels.formUnion(labels)
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
        var seen = Array(repeating: false, count: nodes.count)
        var out: [Int] = []
        var todo: [Int] = []
        for target in targets {
            todo.append(target)
            while let rev = todo.popLast() {
                if seen[rev] { continue }
                seen[rev] = true
                todo.append(contentsOf: edges(rev))
                out.append(rev)
            }
        }
        return out
    }
}
