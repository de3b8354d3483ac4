/// A value flowing through alembic's resolution code: a `Revision`, `None`, or a bare string
/// (in practice the literal `"base"` produced by walks past the base).
enum PyRev: Hashable {
    case node(Int)
    case none
    case string(String)
}

/// Which edge set `_iterate_related_revisions` follows.
enum EdgeKind {
    /// `_versioned_down_revisions` (ancestors without dependencies).
    case versionedDown
    /// `_normalized_down_revisions` (ancestors with dependencies).
    case normalizedDown
    /// `_all_down_revisions`.
    case allDown
    /// `nextrev` (descendants without dependencies).
    case next
    /// `_all_nextrev` (descendants with dependencies).
    case allNext
    /// `_all_nextrev`, except `nextrev` for the targets themselves.
    case allNextOmittingImmediate
}

extension RevisionGraph {
    func revisionValue(_ node: Int?) -> PyRev {
        node.map(PyRev.node) ?? .none
    }

    /// `is_revision(x)`: the node, or an AssertionError.
    func asNode(_ value: PyRev) throws(RevisionGraphError) -> Int {
        guard case .node(let node) = value else { throw .assertion }
        return node
    }

    func edges(_ kind: EdgeKind, _ node: Int, targets: Set<Int>) -> [Int] {
        switch kind {
        case .versionedDown: return versionedDownIndex[node]
        case .normalizedDown: return normalizedDownIndex[node]
        case .allDown: return allDownIndex[node]
        case .next: return nodes[node].next
        case .allNext: return nodes[node].allNext
        case .allNextOmittingImmediate:
            return targets.contains(node) ? nodes[node].next : nodes[node].allNext
        }
    }

    /// `_iterate_related_revisions`: depth-first with a stack, in alembic's visit order, with
    /// the optional per-target overlap check.
    func iterateRelated(
        _ kind: EdgeKind, targets: [PyRev], check: Bool = false
    ) throws(RevisionGraphError) -> [Int] {
        var targetSet = Set<Int>()
        for target in targets { if case .node(let node) = target { targetSet.insert(node) } }
        var seen = Set<Int>()
        var out: [Int] = []
        var todo: [Int] = []
        for targetValue in targets {
            let target = try asNode(targetValue)
            todo.append(target)
            var perTarget = Set<Int>()
            while let rev = todo.popLast() {
                if check { perTarget.insert(rev) }
                if !seen.insert(rev).inserted { continue }
                todo.append(contentsOf: edges(kind, rev, targets: targetSet))
                out.append(rev)
            }
            if check {
                var overlaps = perTarget.intersection(targetSet)
                overlaps.remove(target)
                if !overlaps.isEmpty {
                    let names = overlaps.sorted().map { nodes[$0].revision }
                    throw .revision(
                        "Requested revision \(nodes[target].revision) overlaps with other "
                            + "requested revisions \(names.joined(separator: ", "))")
                }
            }
        }
        return out
    }

    /// `_resolve_revision_number`: the ids an identifier stands for, and its branch label.
    func resolveRevisionNumber(
        _ identifier: RevisionIdentifier
    ) throws(RevisionGraphError) -> (ids: [String], label: String?) {
        var label: String?
        var rest = identifier
        if case .string(let text) = identifier, let at = text.firstIndex(of: "@") {
            label = String(text[..<at])
            rest = .string(String(text[text.index(after: at)...]))
        }
        switch rest {
        case .string("heads"):
            if let label, !label.isEmpty {
                let filtered = try filterForLineage(
                    headNodes.map { PyRev.string(nodes[$0].revision) }, checkAgainst: .string(label))
                return (filtered.map(stringValue), label)
            }
            return (realHeadNodes.map { nodes[$0].revision }, label)
        case .string("head"):
            if let head = try currentHead(label) { return ([head], label) }
            return ([], label)
        case .string("base"), .none:
            return ([], label)
        case .string(let text):
            return ([text], label)
        case .tuple(let values):
            return (values, label)
        }
    }

    /// The string a `PyRev` holds when it is known to be one (targets passed as strings).
    private func stringValue(_ value: PyRev) -> String {
        switch value {
        case .node(let node): return nodes[node].revision
        case .none: return "None"
        case .string(let text): return text
        }
    }

    /// `get_current_head(branch_label)`.
    func currentHead(_ label: String?) throws(RevisionGraphError) -> String? {
        var current = headNodes.map { nodes[$0].revision }
        if let label, !label.isEmpty {
            current = try filterForLineage(current.map(PyRev.string), checkAgainst: .string(label))
                .map(stringValue)
        }
        if current.count > 1 {
            let argument: String
            if let label, !label.isEmpty { argument = label + "@head" } else { argument = "head" }
            throw .multipleHeads(current, argument: argument)
        }
        return current.first
    }

    /// `get_revisions(id_)` for a string, None or tuple identifier.
    func revisions(_ identifier: RevisionIdentifier) throws(RevisionGraphError) -> [PyRev] {
        switch identifier {
        case .tuple(let values): return try revisions(many: values)
        case .none: return try revisions(one: nil)
        case .string(let text): return try revisions(one: text)
        }
    }

    /// `get_revisions(collection)`: the concatenation over the elements.
    func revisions(many elements: [String?]) throws(RevisionGraphError) -> [PyRev] {
        var out: [PyRev] = []
        for element in elements { out += try revisions(one: element) }
        return out
    }

    private func revisions(one element: String?) throws(RevisionGraphError) -> [PyRev] {
        let (ids, label) = try resolveRevisionNumber(element.map(RevisionIdentifier.string) ?? .none)
        if ids.count == 1, let number = PythonInt(parsing: ids[0]), number.isNegative {
            var selectHeads = try revisions(one: "heads")
            if let label {
                var kept: [PyRev] = []
                for head in selectHeads where node(try asNode(head), hasLabel: label) {
                    kept.append(head)
                }
                selectHeads = kept
            }
            var out: [PyRev] = []
            for head in selectHeads {
                out.append(try walk(from: head, steps: number.value, branchLabel: nil, noOverwalk: true))
            }
            return out
        }
        var out: [PyRev] = []
        for id in ids { out.append(revisionValue(try revisionForIdent(id, checkBranch: label))) }
        return out
    }

    /// `get_revision(id_)`.
    func revision(resolving identifier: RevisionIdentifier) throws(RevisionGraphError) -> Int? {
        let (ids, label) = try resolveRevisionNumber(identifier)
        if ids.count > 1 { throw .multipleHeads(ids, argument: identifier.pythonStr) }
        return try revisionForIdent(ids.first, checkBranch: label)
    }

    /// `_resolve_branch(branch_label)`.
    func resolveBranch(_ label: String) throws(RevisionGraphError) -> Int? {
        if let node = lookup(label) { return node }
        do throws(RevisionGraphError) {
            return try revisionForIdent(label, checkBranch: nil)
        } catch where error.kind == .resolution {
            throw .resolution("No such branch: '\(label)'", argument: label)
        }
    }

    /// `_revision_for_ident(resolved_id, check_branch)`; a nil id is the `None`/`()` key.
    func revisionForIdent(
        _ resolvedID: String?, checkBranch: String?
    ) throws(RevisionGraphError) -> Int? {
        let branch = (checkBranch?.isEmpty == false) ? checkBranch : nil
        var branchRev: Int?
        if let branch { branchRev = try resolveBranch(branch) }
        guard let key = resolvedID else { return nil }
        var revision: Int
        if let hit = lookup(key) {
            revision = hit
        } else {
            if key.isEmpty { throw .assertion }
            var candidates: [String] = keyOrder.filter {
                PythonRepr.length($0) > 3 && $0.utf8.starts(with: key.utf8)
            }
            if branchRev != nil, let branch {
                candidates = try filterForLineage(
                    candidates.map(PyRev.string), checkAgainst: .string(branch)
                ).map(stringValue)
            }
            if candidates.isEmpty {
                let hint = PythonRepr.length(key) < 4
                    ? "; please ensure at least four characters are present for partial "
                        + "revision identifier matches"
                    : ""
                throw .resolution("No such revision or branch '\(key)'\(hint)", argument: key)
            } else if candidates.count > 1 {
                let shown = candidates.prefix(3).map { "'\($0)'" }.joined(separator: ", ")
                throw .resolution("Multiple revisions start with '\(key)': \(shown)...", argument: key)
            }
            guard let hit = lookup(candidates[0]) else { throw .keyError(candidates[0]) }
            revision = hit
        }
        if let branch {
            guard let branchRev, !key.isEmpty else { throw .assertion }
            let shares = try sharesLineage(
                .string(nodes[revision].revision), against: [nodes[branchRev].revision],
                includeDependencies: false)
            if !shares {
                throw .resolution(
                    "Revision \(nodes[revision].revision) is not a member of branch '\(branch)'",
                    argument: key)
            }
        }
        return revision
    }

    /// `filter_for_lineage(targets, check_against, include_dependencies)`.
    func filterForLineage(
        _ targets: [PyRev], checkAgainst: RevisionIdentifier, includeDependencies: Bool = false
    ) throws(RevisionGraphError) -> [PyRev] {
        let (ids, label) = try resolveRevisionNumber(checkAgainst)
        var shares: [String] = []
        if let label, !label.isEmpty { shares.append(label) }
        shares += ids
        var out: [PyRev] = []
        for target in targets
        where try sharesLineage(target, against: shares, includeDependencies: includeDependencies) {
            out.append(target)
        }
        return out
    }

    /// `_shares_lineage(target, test_against_revs, include_dependencies)`.
    func sharesLineage(
        _ target: PyRev, against tests: [String], includeDependencies: Bool
    ) throws(RevisionGraphError) -> Bool {
        if tests.isEmpty { return true }
        let resolvedTarget: Int
        switch target {
        case .node(let node): resolvedTarget = node
        case .none: throw .assertion
        case .string(let text):
            guard let node = try revisionForIdent(text, checkBranch: nil) else { throw .assertion }
            resolvedTarget = node
        }
        var resolvedTests = Set<Int>()
        for test in tests {
            if let node = try revisionForIdent(test, checkBranch: nil) { resolvedTests.insert(node) }
        }
        let down: EdgeKind = includeDependencies ? .allNext : .next
        let up: EdgeKind = includeDependencies ? .normalizedDown : .versionedDown
        let lineage = try iterateRelated(down, targets: [.node(resolvedTarget)])
            + iterateRelated(up, targets: [.node(resolvedTarget)])
        return lineage.contains { resolvedTests.contains($0) }
    }

    /// `_walk(start, steps, branch_label, no_overwalk)`.
    func walk(
        from start: PyRev, steps: Int, branchLabel: String?, noOverwalk: Bool
    ) throws(RevisionGraphError) -> PyRev {
        var initial: PyRev
        if case .string(let text) = start {
            initial = revisionValue(try revision(resolving: .string(text)))
        } else {
            initial = start
        }
        let count = steps == Int.min ? Int.max : abs(steps)
        var step = 0
        var seenAt: [PyRev: Int] = [:]
        while step < count {
            // The walk is a function of its current position: skip whole periods of a cycle.
            if let first = seenAt[initial] {
                let period = step - first
                step += ((count - step) / period) * period
                seenAt.removeAll()
                if step >= count { break }
            }
            seenAt[initial] = step
            var children: [PyRev]
            if steps > 0 {
                let walkUp: [PyRev]
                switch initial {
                case .string: throw .assertion
                case .none: walkUp = try revisions(many: baseNodes.map { nodes[$0].revision })
                case .node(let node): walkUp = try revisions(many: nodes[node].next.map { nodes[$0].revision })
                }
                for child in walkUp { _ = try asNode(child) }
                if let branchLabel, !branchLabel.isEmpty {
                    children = try filterForLineage(walkUp, checkAgainst: .string(branchLabel))
                } else {
                    children = walkUp
                }
            } else {
                switch initial {
                case .string("base"):
                    children = []
                case .none:
                    children = try revisions(many: headNodes.map { nodes[$0].revision })
                case .node(let node):
                    children = try revisions(identifierOf: nodes[node].downRevision)
                case .string:
                    throw .assertion
                }
                if case .string = initial {} else if children.isEmpty { children = [.string("base")] }
            }
            if children.isEmpty { return noOverwalk ? .none : initial }
            if children.count > 1 { throw .revision("Ambiguous walk") }
            initial = children[0]
            step += 1
        }
        return initial
    }

    /// `get_revisions(revision.down_revision)`.
    func revisions(identifierOf reference: RevisionReference) throws(RevisionGraphError) -> [PyRev] {
        switch reference {
        case .none: return try revisions(.none)
        case .single(let value): return try revisions(.string(value))
        case .tuple(let values): return try revisions(.tuple(values))
        }
    }
}
