import Foundation

/// The last few ``DatabaseStatus`` values computed, by version rows and graph: computing
/// one walks the whole history twice (hundreds of milliseconds on 10,000 revisions), and the
/// editor asks for the same status on every lint, code lens and hover until the graph or
/// the database changes. Graphs are compared by their specs (an identical array compares
/// in constant time). Thread-safe.
public final class DatabaseStatusCache: @unchecked Sendable {
    /// The process-wide cache.
    public static let shared = DatabaseStatusCache(capacity: 8)

    private struct Entry {
        var versionRows: [String]?
        var specs: [RevisionSpec]
        var status: DatabaseStatus
    }

    private let lock = NSLock()
    private let capacity: Int
    /// Most recently used last.
    private var entries: [Entry] = []

    /// A cache keeping the `capacity` most recently used statuses.
    public init(capacity: Int) {
        self.capacity = max(1, capacity)
    }

    /// ``DatabaseStatus/compute(versionRows:graph:)``, from the cache when the same rows and
    /// graph were seen recently.
    public func status(versionRows: [String]?, graph: RevisionGraph) -> DatabaseStatus {
        lock.lock()
        if let index = entries.firstIndex(where: { $0.versionRows == versionRows && $0.specs == graph.specs }) {
            let entry = entries.remove(at: index)
            entries.append(entry)
            lock.unlock()
            return entry.status
        }
        lock.unlock()
        let status = DatabaseStatus.compute(versionRows: versionRows, graph: graph)
        lock.lock()
        entries.append(Entry(versionRows: versionRows, specs: graph.specs, status: status))
        if entries.count > capacity { entries.removeFirst(entries.count - capacity) }
        lock.unlock()
        return status
    }
}
