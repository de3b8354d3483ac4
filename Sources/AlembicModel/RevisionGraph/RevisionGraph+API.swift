/// The public query surface, named after alembic's `RevisionMap` / `ScriptDirectory` calls.
///
/// Every query throws ``RevisionGraph/buildError`` when the map did not build. Calls that the
/// alembic CLI routes through `ScriptDirectory._catch_revision_errors` (``getRevision(_:)``,
/// ``getRevisions(_:)``, ``getCurrentHead(branchLabel:)``, ``iterateUpgrade(from:to:)``,
/// ``iterateDowngrade(from:to:)``) fill ``RevisionGraphError/cliMessage``.
extension RevisionGraph {
    /// The attributes of revision `id` (exact id, no symbols), or nil if the map has no such id
    /// or did not build.
    public func revisionInfo(_ id: String) -> RevisionInfo? {
        guard buildError == nil, let index = idMap[id] else { return nil }
        let node = nodes[index]
        let names: ([Int]) -> [String] = { list in
            list.count < 2 ? list.map { self.nodes[$0].revision }
                : PythonRepr.sorted(Set(list.map { self.nodes[$0].revision }))
        }
        let labels = labelNamesOf(index)
        return RevisionInfo(
            revision: node.revision,
            downRevision: node.downRevision,
            dependsOn: node.dependencies,
            declaredBranchLabels: node.declaredLabels,
            branchLabels: labels.count < 2 ? labels : PythonRepr.sorted(labels),
            resolvedDependencies: node.resolvedDependencies,
            normalizedDependencies: node.normalizedResolvedDependencies.count < 2
                ? node.normalizedResolvedDependencies
                : PythonRepr.sorted(Set(node.normalizedResolvedDependencies)),
            allDownRevisions: node.allDown,
            nextRevisions: names(node.next),
            allNextRevisions: names(node.allNext),
            isHead: node.next.isEmpty,
            isRealHead: node.allNext.isEmpty,
            isBase: node.isBase,
            isRealBase: node.isRealBase,
            isBranchPoint: node.next.count > 1,
            isRealBranchPoint: node.isRealBranchPoint,
            isMergePoint: node.isMergePoint,
            origin: node.origin)
    }

    /// `RevisionMap.get_revisions(id_)`: the revisions an identifier stands for.
    public func getRevisions(
        _ identifier: RevisionIdentifier
    ) throws(RevisionGraphError) -> [ResolvedRevision] {
        do throws(RevisionGraphError) {
            try requireBuilt()
            return try revisions(identifier).map(publicValue)
        } catch {
            throw error.withCLIMessage(.standard)
        }
    }

    /// `RevisionMap.get_revision(id_)`: the single revision id, or nil for base/empty.
    public func getRevision(_ identifier: RevisionIdentifier) throws(RevisionGraphError) -> String? {
        do throws(RevisionGraphError) {
            try requireBuilt()
            return try revision(resolving: identifier).map { nodes[$0].revision }
        } catch {
            throw error.withCLIMessage(.standard)
        }
    }

    /// `RevisionMap.get_current_head(branch_label)`: the single head (within the label's
    /// lineage), nil for an empty map; `MultipleHeads` otherwise.
    public func getCurrentHead(branchLabel: String? = nil) throws(RevisionGraphError) -> String? {
        do throws(RevisionGraphError) {
            try requireBuilt()
            return try currentHead(branchLabel)
        } catch {
            throw error.withCLIMessage(.currentHead)
        }
    }

    /// `RevisionMap.filter_for_lineage(targets, check_against, include_dependencies)`: the
    /// targets that are ancestors or descendants of what `checkAgainst` names, in target order.
    public func filterForLineage(
        _ targets: [String], checkAgainst: RevisionIdentifier, includeDependencies: Bool = false
    ) throws(RevisionGraphError) -> [String] {
        try requireBuilt()
        return try filterForLineage(
            targets.map(PyRev.string), checkAgainst: checkAgainst,
            includeDependencies: includeDependencies
        ).map(describe)
    }

    /// `list(RevisionMap.iterate_revisions(...))`: revision ids top-down.
    public func iterateRevisions(
        upper: RevisionIdentifier, lower: RevisionIdentifier, implicitBase: Bool = false,
        inclusive: Bool = false, assertRelativeLength: Bool = true, selectForDowngrade: Bool = false
    ) throws(RevisionGraphError) -> [String] {
        try iterate(
            upper: upper, lower: lower, implicitBase: implicitBase, inclusive: inclusive,
            assertRelativeLength: assertRelativeLength, selectForDowngrade: selectForDowngrade)
    }

    /// `alembic upgrade <to>` from database heads `from`: ids in the order they are applied
    /// (`ScriptDirectory._upgrade_revs`).
    public func iterateUpgrade(
        from current: RevisionIdentifier, to destination: RevisionIdentifier
    ) throws(RevisionGraphError) -> [String] {
        do throws(RevisionGraphError) {
            return try iterate(
                upper: destination, lower: current, implicitBase: true, inclusive: false,
                assertRelativeLength: true, selectForDowngrade: false
            ).reversed()
        } catch {
            throw error.withCLIMessage(.upgrade(destination: destination))
        }
    }

    /// `alembic downgrade <to>` from database heads `from`: ids in the order they are
    /// un-applied (`ScriptDirectory._downgrade_revs`).
    public func iterateDowngrade(
        from current: RevisionIdentifier, to destination: RevisionIdentifier
    ) throws(RevisionGraphError) -> [String] {
        do throws(RevisionGraphError) {
            return try iterate(
                upper: current, lower: destination, implicitBase: false, inclusive: false,
                assertRelativeLength: true, selectForDowngrade: true)
        } catch {
            throw error.withCLIMessage(.downgrade(destination: destination))
        }
    }

    /// `RevisionMap._get_ancestor_nodes`: sorted ids, including the given revisions.
    /// `includeDependencies` follows normalised dependencies; `check` raises on overlaps.
    public func ancestors(
        of ids: [String], check: Bool = false, includeDependencies: Bool = true
    ) throws(RevisionGraphError) -> [String] {
        try requireBuilt()
        let kind: EdgeKind = includeDependencies ? .normalizedDown : .versionedDown
        return try sortedIDs(iterateRelated(kind, targets: targetNodes(ids), check: check))
    }

    /// `RevisionMap._get_descendant_nodes`: sorted ids, including the given revisions.
    public func descendants(
        of ids: [String], check: Bool = false, includeDependencies: Bool = true,
        omitImmediateDependencies: Bool = false
    ) throws(RevisionGraphError) -> [String] {
        try requireBuilt()
        let kind: EdgeKind = omitImmediateDependencies
            ? .allNextOmittingImmediate : (includeDependencies ? .allNext : .next)
        return try sortedIDs(iterateRelated(kind, targets: targetNodes(ids), check: check))
    }

    private func targetNodes(_ ids: [String]) throws(RevisionGraphError) -> [PyRev] {
        var out: [PyRev] = []
        for id in ids {
            guard let node = idMap[id] else { throw .keyError(id) }
            out.append(.node(node))
        }
        return out
    }

    private func sortedIDs(_ nodeList: [Int]) -> [String] {
        PythonRepr.sorted(Set(nodeList.map { nodes[$0].revision }))
    }

    private func publicValue(_ value: PyRev) -> ResolvedRevision {
        switch value {
        case .node(let node): return .revision(nodes[node].revision)
        case .none: return .none
        case .string(let text): return .symbol(text)
        }
    }

    private func describe(_ value: PyRev) -> String {
        switch value {
        case .node(let node): return nodes[node].revision
        case .none: return "None"
        case .string(let text): return text
        }
    }
}
