/// Upgrade/downgrade target parsing, range collection and the topological sort behind
/// `RevisionMap.iterate_revisions`.
extension RevisionGraph {
    private static func didNotProduce(_ relative: String, _ magnitude: String) -> RevisionGraphError {
        .revision("Relative revision \(relative) didn't produce \(magnitude) migrations")
    }

    /// `_parse_downgrade_target`: the branch label and the target (a node, None or `"base"`).
    func parseDowngradeTarget(
        current: RevisionIdentifier, target: RevisionIdentifier, assertRelativeLength: Bool
    ) throws(RevisionGraphError) -> (label: String?, target: PyRev) {
        let text: String
        switch target {
        case .none: return (nil, .none)
        case .tuple:
            throw RevisionGraphError(
                kind: .assertionError, message: "Expected downgrade target in string form")
        case .string(let value): text = value
        }
        if let match = RelativeDestination(matching: text) {
            guard let relative = PythonInt(parsing: match.relative) else { throw .assertion }
            if !relative.isNegative {
                guard let symbol = match.symbol else {
                    throw RevisionGraph.didNotProduce(match.relative, relative.magnitude)
                }
                let rev = try walk(
                    from: .string(symbol), steps: relative.value, branchLabel: match.branchLabel,
                    noOverwalk: assertRelativeLength)
                if rev == .none { throw .revision("Walked too far") }
                return (match.branchLabel, rev)
            }
            var label = match.branchLabel
            var symbol: String
            let relativeRevision = match.symbol == nil
            if let given = match.symbol {
                symbol = given
            } else if let branch = label, !branch.isEmpty {
                guard let currentTuple = current.asTuple else {
                    throw RevisionGraphError(
                        kind: .typeError, message: "'NoneType' object is not iterable")
                }
                var symbolList = try filterForLineage(
                    currentTuple.map(PyRev.string), checkAgainst: .string(branch))
                if symbolList.isEmpty {
                    let allCurrent = try allCurrentHeads(currentTuple)
                    symbolList = try filterForLineage(allCurrent, checkAgainst: .string(branch))
                }
                guard symbolList.count == 1 else { throw .assertion }
                switch symbolList[0] {
                case .node(let node): symbol = nodes[node].revision
                case .string(let value): symbol = value
                case .none: symbol = "None"
                }
            } else {
                guard let currentTuple = current.asTuple, let first = currentTuple.first else {
                    throw RevisionGraph.didNotProduce(match.relative, relative.magnitude)
                }
                symbol = first
                label = first
            }
            let start: Int?
            if let label {
                start = try revision(resolving: .string("\(label)@\(symbol)"))
            } else {
                start = try revision(resolving: .string(symbol))
            }
            let rev = try walk(
                from: revisionValue(start), steps: relative.value, branchLabel: nil,
                noOverwalk: assertRelativeLength)
            if rev == .none {
                if relativeRevision {
                    throw RevisionGraph.didNotProduce(match.relative, relative.magnitude)
                }
                throw .revision("Walked too far")
            }
            return (label, rev)
        }
        var label: String?
        var symbol = text
        if let at = text.lastIndex(of: "@") {
            let before = String(text[..<at])
            label = before.isEmpty ? nil : before
            symbol = String(text[text.index(after: at)...])
        }
        return (label, revisionValue(try revision(resolving: .string(symbol))))
    }

    /// `_get_all_current(id_)`: the branch heads among the given revisions and their ancestors.
    func allCurrentHeads(_ ids: [String]) throws(RevisionGraphError) -> [PyRev] {
        var top: [PyRev] = []
        var seen = Set<PyRev>()
        for rev in try revisions(.tuple(ids)) where seen.insert(rev).inserted { top.append(rev) }
        for node in try iterateRelated(.normalizedDown, targets: top)
        where seen.insert(.node(node)).inserted {
            top.append(.node(node))
        }
        // _filter_into_branch_heads
        var kept = Set(top)
        for rev in top {
            guard case .node = rev else { throw .assertion }
            let descendants = try iterateRelated(.next, targets: [rev])
            if descendants.contains(where: { PyRev.node($0) != rev && kept.contains(.node($0)) }) {
                kept.remove(rev)
            }
        }
        return top.filter { kept.contains($0) }
    }

    /// `_parse_upgrade_target`: the destination revisions (nodes, or None/`"base"` from walks).
    func parseUpgradeTarget(
        current: RevisionIdentifier, target: RevisionIdentifier, assertRelativeLength: Bool
    ) throws(RevisionGraphError) -> [PyRev] {
        guard case .string(let text) = target, let match = RelativeDestination(matching: text) else {
            return try revisions(target)
        }
        guard let relative = PythonInt(parsing: match.relative) else { throw .assertion }
        let currentTuple: [String?]? = current.asTuple
        if !relative.isNegative && relative.magnitude != "0" {
            guard let symbol = match.symbol else {
                var tuple: [String?] = currentTuple ?? []
                if tuple.isEmpty { tuple = [nil] }
                var startRevs: [PyRev] = tuple.map { $0.map(PyRev.string) ?? .none }
                if let label = match.branchLabel, !label.isEmpty {
                    let currentRevs = try revisions(many: tuple)
                    startRevs = try filterForLineage(currentRevs, checkAgainst: .string(label))
                    if startRevs.isEmpty {
                        let ancestors = try iterateRelated(.normalizedDown, targets: currentRevs)
                        let active = try filterForLineage(
                            ancestors.map(PyRev.node), checkAgainst: .string(label))
                        var lowered = Set<String>()
                        for rev in active { lowered.formUnion(nodes[try asNode(rev)].normalizedDown) }
                        var tips: [String] = []
                        for rev in active {
                            let id = nodes[try asNode(rev)].revision
                            if !lowered.contains(id) && !tips.contains(id) { tips.append(id) }
                        }
                        startRevs = tips.isEmpty ? [.none] : tips.map(PyRev.string)
                    }
                }
                if startRevs.count > 1 {
                    throw .revision("Ambiguous upgrade from multiple current revisions")
                }
                let rev = try walk(
                    from: startRevs[0], steps: relative.value, branchLabel: match.branchLabel,
                    noOverwalk: assertRelativeLength)
                if rev == .none { throw RevisionGraph.didNotProduce(match.relative, relative.magnitude) }
                return [rev]
            }
            let start = try revision(resolving: .string(symbol))
            return [try walk(
                from: revisionValue(start), steps: relative.value, branchLabel: match.branchLabel,
                noOverwalk: assertRelativeLength)]
        }
        guard let symbol = match.symbol else {
            throw RevisionGraph.didNotProduce(relative.text, relative.magnitude)
        }
        let start: Int?
        if let label = match.branchLabel {
            start = try revision(resolving: .string("\(label)@\(symbol)"))
        } else {
            start = try revision(resolving: .string(symbol))
        }
        return [try walk(
            from: revisionValue(start), steps: relative.value, branchLabel: nil,
            noOverwalk: assertRelativeLength)]
    }

    /// `_collect_upgrade_revisions`: the revisions needed, and the targets (the sort's heads).
    func collectUpgrade(
        upper: RevisionIdentifier, lower: RevisionIdentifier, inclusive: Bool, implicitBase: Bool,
        assertRelativeLength: Bool
    ) throws(RevisionGraphError) -> (needs: Set<Int>, heads: [Int]) {
        var targets: [Int] = []
        for rev in try parseUpgradeTarget(
            current: lower, target: upper, assertRelativeLength: assertRelativeLength) {
            targets.append(try asNode(rev))
        }
        if case .string(let lowerText) = lower, let at = lowerText.firstIndex(of: "@") {
            var branch = String(lowerText[..<at])
            if let branchRev = try revision(resolving: .string(branch)),
               nodes[branchRev].revision == branch {
                guard nodes[branchRev].branchLabels.count == 1,
                      let only = labelNamesOf(branchRev).first
                else { throw .assertion }
                branch = only
            }
            var kept: [Int] = []
            for need in targets where node(need, hasLabel: branch) && !kept.contains(need) {
                kept.append(need)
            }
            targets = kept
        }
        var required = Set(try iterateRelated(
            .normalizedDown, targets: targets.map(PyRev.node), check: true))
        required.formUnion(targets)

        var currentRevisions = try revisions(lower)
        if !implicitBase {
            for rev in currentRevisions where rev != .none {
                if case .node(let node) = rev, required.contains(node) { continue }
                throw .rangeNotAncestor(lower: lower.orBase, upper: upper.orBase)
            }
        }
        var lowerID = lower
        if currentRevisions.first == PyRev.none {
            let (_, rev) = try parseDowngradeTarget(
                current: upper, target: lower, assertRelativeLength: assertRelativeLength)
            switch rev {
            case .none: throw .assertion
            case .string("base"):
                currentRevisions = []
                lowerID = .none
            case .node(let node):
                currentRevisions = [rev]
                lowerID = .string(nodes[node].revision)
            case .string: throw .assertion
            }
        }
        var currentSet = Set(try iterateRelated(.normalizedDown, targets: currentRevisions, check: true))
        for rev in currentRevisions { currentSet.insert(try asNode(rev)) }
        var needs = required.subtracting(currentSet)
        if inclusive {
            for rev in try revisions(lowerID) { needs.insert(try asNode(rev)) }
        }
        if !currentRevisions.isEmpty && !implicitBase {
            for rev in currentRevisions { _ = try asNode(rev) }
            let lowerDescendants = try iterateRelated(.next, targets: currentRevisions, check: true)
            needs.formIntersection(lowerDescendants)
        }
        return (needs, targets)
    }

    /// `_collect_downgrade_revisions`: the revisions to drop, and the current heads.
    func collectDowngrade(
        upper: RevisionIdentifier, lower: RevisionIdentifier, inclusive: Bool, implicitBase: Bool,
        assertRelativeLength: Bool
    ) throws(RevisionGraphError) -> (drop: Set<Int>, heads: [PyRev]) {
        let (label, parsed) = try parseDowngradeTarget(
            current: upper, target: lower, assertRelativeLength: assertRelativeLength)
        var targetRevision: Int?
        switch parsed {
        case .none, .string("base"): targetRevision = nil
        case .node(let node): targetRevision = node
        case .string: throw .assertion
        }
        var roots: [Int]
        if let target = targetRevision {
            if inclusive {
                roots = [target]
            } else {
                roots = []
                for rev in try revisions(many: nodes[target].next.map { nodes[$0].revision }) {
                    roots.append(try asNode(rev))
                }
            }
        } else {
            roots = keyOrder.compactMap(lookup).filter { nodes[$0].downRevision.isNone }
        }
        if let label, !label.isEmpty, roots.count > 1 {
            let branchRoot = revisionValue(try resolveBranch(label))
            let ancestors = Set(try iterateRelated(.versionedDown, targets: [branchRoot])
                .map { nodes[$0].revision })
            var rootIDs: [String] = []
            for root in roots {
                let id = nodes[root].revision
                if ancestors.contains(id) && !rootIDs.contains(id) { rootIDs.append(id) }
            }
            roots = []
            for rev in try revisions(many: rootIDs) { roots.append(try asNode(rev)) }
            if roots.isEmpty { throw .revision("Not a valid downgrade target from current heads") }
        }
        let heads = try revisions(upper)
        var drop = Set(try iterateRelated(.allNext, targets: roots.map(PyRev.node)))
        let active = Set(try iterateRelated(.normalizedDown, targets: heads))
        drop.formIntersection(active)
        if implicitBase {
            let rootAncestors = Set(try iterateRelated(.normalizedDown, targets: roots.map(PyRev.node)))
            drop.formUnion(active.subtracting(rootAncestors))
        }
        if let target = targetRevision, drop.isEmpty, !heads.contains(.node(target)) {
            throw .rangeNotAncestor(lower: "Nothing to drop", upper: upper.orBase)
        }
        return (drop, heads)
    }

    /// `_topological_sort(revisions, heads)`: ids top-down, alembic's exact tie-breaks.
    func topologicalSort(_ revisions: Set<Int>, heads: [Int]) throws(RevisionGraphError) -> [Int] {
        var todo = Set<Int>()
        for rev in revisions { todo.insert(winner[rev]) }
        var headSet = Set<Int>()
        for head in heads where todo.contains(winner[head]) { headSet.insert(winner[head]) }
        var currentHeads = headSet.sorted { keySlot[$0] < keySlot[$1] }
        func ancestors(_ node: Int) throws(RevisionGraphError) -> Set<Int> {
            Set(try iterateRelated(.normalizedDown, targets: [.node(node)]))
        }
        var ancestorsByIndex: [Set<Int>] = []
        for head in currentHeads { ancestorsByIndex.append(try ancestors(head)) }
        var output: [Int] = []
        var candidateIndex = 0
        var switches = 0
        while !currentHeads.isEmpty {
            let candidate = currentHeads[candidateIndex]
            var switched = false
            for (checkIndex, ancestorSet) in ancestorsByIndex.enumerated()
            where checkIndex != candidateIndex && ancestorSet.contains(candidate) {
                candidateIndex = checkIndex
                switched = true
                break
            }
            if switched {
                // Alembic would spin forever here on a cycle it failed to detect.
                switches += 1
                if switches > currentHeads.count + 1 {
                    throw .cycle(.cycleDetected, PythonRepr.sorted(currentHeads.map { nodes[$0].revision }))
                }
                continue
            }
            switches = 0
            if todo.remove(candidate) != nil { output.append(candidate) }
            var headsToAdd: [Int] = []
            for down in normalizedDownIndex[candidate]
            where todo.contains(down) && !currentHeads.contains(down) && !headsToAdd.contains(down) {
                headsToAdd.append(down)
            }
            if headsToAdd.isEmpty {
                currentHeads.remove(at: candidateIndex)
                ancestorsByIndex.remove(at: candidateIndex)
                candidateIndex = max(candidateIndex - 1, 0)
            } else if nodes[candidate].normalizedResolvedDependencies.isEmpty
                && nodes[candidate].versionedDown.count == 1 {
                currentHeads[candidateIndex] = headsToAdd[0]
                ancestorsByIndex[candidateIndex].remove(candidate)
            } else {
                currentHeads[candidateIndex] = headsToAdd[0]
                currentHeads += headsToAdd.dropFirst()
                ancestorsByIndex[candidateIndex] = try ancestors(headsToAdd[0])
                for head in headsToAdd.dropFirst() { ancestorsByIndex.append(try ancestors(head)) }
            }
        }
        if !todo.isEmpty { throw .assertion }
        return output
    }

    /// `iterate_revisions` as node order (before the final `get_revision` per id).
    func iterate(
        upper: RevisionIdentifier, lower: RevisionIdentifier, implicitBase: Bool, inclusive: Bool,
        assertRelativeLength: Bool, selectForDowngrade: Bool
    ) throws(RevisionGraphError) -> [String] {
        try requireBuilt()
        let order: [Int]
        if selectForDowngrade {
            let (drop, heads) = try collectDowngrade(
                upper: upper, lower: lower, inclusive: inclusive, implicitBase: implicitBase,
                assertRelativeLength: assertRelativeLength)
            var headNodesList: [Int] = []
            for head in heads { headNodesList.append(try asNode(head)) }
            order = try topologicalSort(drop, heads: headNodesList)
        } else {
            let (needs, heads) = try collectUpgrade(
                upper: upper, lower: lower, inclusive: inclusive, implicitBase: implicitBase,
                assertRelativeLength: assertRelativeLength)
            order = try topologicalSort(needs, heads: heads)
        }
        var out: [String] = []
        for node in order {
            guard let resolved = try revision(resolving: .string(nodes[node].revision)) else {
                throw .assertion
            }
            out.append(nodes[resolved].revision)
        }
        return out
    }
}
