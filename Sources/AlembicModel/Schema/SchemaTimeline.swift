import TextCore

/// The schema after every revision of an environment, replayed statically from the
/// migrations' `upgrade()` operations in upgrade order along the revision graph: a revision's
/// schema is its parents' schemas merged (the first parent's, plus the operations of the
/// revisions only the other parents have), then its own operations.
///
/// Versions share unchanged tables, so a timeline of 10,000 revisions stays small. Build one
/// through ``EnvironmentAnalysis/schemaTimeline(sources:)``, which caches it.
///
/// ```swift
/// let timeline = environment.schemaTimeline(sources: project.sources)
/// let head = timeline.schema(atHead: nil)          // what `alembic upgrade heads` leaves
/// let users = timeline.schema(after: "1a2b3c")?.table("users")
/// ```
///
/// Only the operations of `upgrade()` count (not `upgrade_<name>()` of multi-database
/// templates). When the revision graph does not build (a cycle), the timeline is empty.
public struct SchemaTimeline: Sendable {
    /// Revision ids in the order the replay applied them (a valid upgrade order).
    public let order: [String]
    /// Revision id → position in ``order``.
    let position: [String: Int]
    /// Per position: the parents' positions (`down_revision` and `depends_on`).
    let parents: [[Int]]
    /// Per position: the schema before the revision's operations (its parents merged).
    let before: [ReplayedSchema]
    /// Per position: the schema after the revision's operations.
    let after: [ReplayedSchema]
    /// The schema after every head, merged.
    let headsSchema: ReplayedSchema
    /// Operations that need an object missing at that point of their revision's path.
    public let problems: [SchemaProblem]
    /// Object → positions of the revisions creating it.
    let creations: [SchemaObjectKey: [Int]]

    /// Replays `environment`'s migrations; `sources` gives the files' bytes (for column types
    /// and keys; a file without bytes still contributes its tables and names).
    public init(environment: EnvironmentAnalysis, sources: [String: SourceFile]) {
        let graph = environment.lintGraph
        var ids: [String] = []
        var parentIDs: [[String]] = []
        if graph.buildError == nil {
            for id in graph.revisionIDs {
                guard let info = graph.revisionInfo(id) else { continue }
                ids.append(id)
                parentIDs.append(info.allDownRevisions)
            }
        }
        let sorted = Self.topologicalOrder(ids, parentIDs)
        let order = sorted.map { ids[$0] }
        self.order = order
        var position: [String: Int] = [:]
        position.reserveCapacity(order.count)
        for (i, id) in order.enumerated() { position[id] = i }
        self.position = position
        let parents = sorted.map { parentIDs[$0].compactMap { position[$0] } }
        self.parents = parents

        let files = order.map { environment.file(for: $0) }
        // Read on the calling thread: reading in parallel was faster by a quarter but left the
        // kept strings scattered over the workers' heaps (3.5× the resident memory).
        var details: [[Int: OperationDetails]] = []
        var before: [ReplayedSchema] = []
        var after: [ReplayedSchema] = []
        var problems: [SchemaProblem] = []
        var creations: [SchemaObjectKey: [Int]] = [:]
        details.reserveCapacity(order.count)
        before.reserveCapacity(order.count)
        after.reserveCapacity(order.count)
        for (i, id) in order.enumerated() {
            var fileDetails: [Int: OperationDetails] = [:]
            if let file = files[i], let bytes = sources[file.path]?.bytes {
                for (index, operation) in file.operations.enumerated() where operation.function == "upgrade" {
                    if let read = OperationDetails.read(operation, source: bytes) { fileDetails[index] = read }
                }
            }
            details.append(fileDetails)
            var state = Self.merged(parents[i], parents: parents, after: after) { position in
                guard let file = files[position] else { return nil }
                return (file, details[position], order[position])
            }
            before.append(state)
            if let file = files[i] {
                var replayer = SchemaReplayer(revision: id, path: file.path, checking: true)
                for (index, operation) in file.operations.enumerated() where operation.function == "upgrade" {
                    replayer.apply(operation, index: index, details: fileDetails[index], to: &state)
                }
                problems += replayer.problems
                for key in replayer.created { creations[key, default: []].append(i) }
            }
            after.append(state)
        }
        let headPositions = graph.heads.compactMap { position[$0] }
        headsSchema = Self.merged(headPositions, parents: parents, after: after) { position in
            guard let file = files[position] else { return nil }
            return (file, details[position], order[position])
        }
        self.before = before
        self.after = after
        self.problems = problems
        self.creations = creations
    }

    // MARK: - Queries

    /// The schema after `revision`'s `upgrade()`; nil for an id the timeline does not hold.
    public func schema(after revision: String) -> ReplayedSchema? {
        position[revision].map { after[$0] }
    }

    /// The schema `revision`'s `upgrade()` starts from (its parents merged).
    public func schema(before revision: String) -> ReplayedSchema? {
        position[revision].map { before[$0] }
    }

    /// The schema after `head` (nil: after every head, merged — what `alembic upgrade heads`
    /// leaves). This is the schema to compare with the models.
    public func schema(atHead head: String? = nil) -> ReplayedSchema? {
        guard let head else { return order.isEmpty ? nil : headsSchema }
        return schema(after: head)
    }

    /// The schema at `offset` of `file`'s `function` (`upgrade` or `downgrade`): the
    /// revision's starting schema (for `downgrade`, the schema after the revision) with the
    /// function's operations written before `offset` applied.
    public func schema(in file: MigrationFile, function: String, before offset: Int, source: [UInt8]?) -> ReplayedSchema? {
        guard let id = file.revisionID, let i = position[id] else { return nil }
        var state = function == "downgrade" ? after[i] : before[i]
        var replayer = SchemaReplayer(revision: id, path: file.path, checking: false)
        for (index, operation) in file.operations.enumerated() where operation.function == function && operation.callRange.end <= offset {
            let details = source.flatMap { OperationDetails.read(operation, source: $0) }
            replayer.apply(operation, index: index, details: details, to: &state)
        }
        return state
    }

    /// The revisions whose `upgrade()` creates `key`, in upgrade order.
    public func creators(of key: SchemaObjectKey) -> [String] {
        (creations[key] ?? []).map { order[$0] }
    }

    /// True when `ancestor` is `revision` or one of its ancestors (through `down_revision`
    /// and `depends_on`).
    public func isAncestor(_ ancestor: String, of revision: String) -> Bool {
        guard let a = position[ancestor], let b = position[revision] else { return false }
        if a == b { return true }
        if a > b { return false }
        var seen: Set<Int> = [b]
        var stack = [b]
        while let node = stack.popLast() {
            for parent in parents[node] where parent >= a && seen.insert(parent).inserted {
                if parent == a { return true }
                stack.append(parent)
            }
        }
        return false
    }

    // MARK: - Building

    /// Kahn's algorithm over load order: parents before children, ties in load order.
    static func topologicalOrder(_ ids: [String], _ parentIDs: [[String]]) -> [Int] {
        var index: [String: Int] = [:]
        for (i, id) in ids.enumerated() { index[id] = i }
        var pending = [Int](repeating: 0, count: ids.count)
        var children = [[Int]](repeating: [], count: ids.count)
        for (i, parents) in parentIDs.enumerated() {
            for parent in Set(parents) {
                guard let p = index[parent] else { continue }
                pending[i] += 1
                children[p].append(i)
            }
        }
        var ready = (0 ..< ids.count).filter { pending[$0] == 0 }
        var out: [Int] = []
        out.reserveCapacity(ids.count)
        var cursor = 0
        while cursor < ready.count {
            let node = ready[cursor]
            cursor += 1
            out.append(node)
            for child in children[node] {
                pending[child] -= 1
                if pending[child] == 0 { ready.append(child) }
            }
        }
        return out
    }

    /// The schema after all of `heads`: the first one's, plus (silently) the operations of the
    /// revisions only the others reach, in upgrade order.
    static func merged(
        _ heads: [Int], parents: [[Int]], after: [ReplayedSchema],
        revision: (Int) -> (file: MigrationFile, details: [Int: OperationDetails], id: String)?
    ) -> ReplayedSchema {
        guard let first = heads.first else { return ReplayedSchema() }
        var state = after[first]
        guard heads.count > 1 else { return state }
        for position in sideBranch(first: first, others: Array(heads.dropFirst()), parents: parents) {
            guard let (file, details, id) = revision(position) else { continue }
            var replayer = SchemaReplayer(revision: id, path: file.path, checking: false)
            for (index, operation) in file.operations.enumerated() where operation.function == "upgrade" {
                replayer.apply(operation, index: index, details: details[index], to: &state)
            }
        }
        return state
    }

    /// The ancestors of `others` (themselves included) that are not ancestors of `first`, in
    /// ascending position: a walk down from the highest position that stops once every open
    /// path is known to reach `first`'s ancestry.
    static func sideBranch(first: Int, others: [Int], parents: [[Int]]) -> [Int] {
        var flags: [Int: UInt8] = [first: 1]
        for other in others { flags[other, default: 0] |= 2 }
        var heap = MaxHeap()
        var onlyOthers = 0
        for (node, flag) in flags {
            heap.push(node)
            if flag == 2 { onlyOthers += 1 }
        }
        var done = Set<Int>()
        var out: [Int] = []
        while onlyOthers > 0, let node = heap.pop() {
            guard done.insert(node).inserted, let flag = flags[node] else { continue }
            if flag == 2 {
                onlyOthers -= 1
                out.append(node)
            }
            for parent in parents[node] {
                let old = flags[parent] ?? 0
                let new = old | flag
                guard new != old else { continue }
                flags[parent] = new
                if new == 2 { onlyOthers += 1 } else if old == 2 { onlyOthers -= 1 }
                heap.push(parent)
            }
        }
        return out.sorted()
    }
}

/// A binary max-heap of positions.
private struct MaxHeap {
    private var items: [Int] = []

    mutating func push(_ value: Int) {
        items.append(value)
        var i = items.count - 1
        while i > 0 {
            let parent = (i - 1) / 2
            guard items[parent] < items[i] else { break }
            items.swapAt(parent, i)
            i = parent
        }
    }

    mutating func pop() -> Int? {
        guard let top = items.first else { return nil }
        let last = items.removeLast()
        guard !items.isEmpty else { return top }
        items[0] = last
        var i = 0
        while true {
            let left = 2 * i + 1, right = left + 1
            var largest = i
            if left < items.count, items[left] > items[largest] { largest = left }
            if right < items.count, items[right] > items[largest] { largest = right }
            if largest == i { break }
            items.swapAt(i, largest)
            i = largest
        }
        return top
    }
}
