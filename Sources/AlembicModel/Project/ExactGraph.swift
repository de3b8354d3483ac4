import Foundation

/// The exact graph of an environment (``EnvironmentAnalysis/graph``), built on first use.
///
/// Only `heads` and `history` need it; lint rules and the editor features use the lint graph.
/// When no reference dangles the two are the same graph and nothing is deferred; otherwise
/// the build waits until someone asks, so an edit that breaks a `down_revision` builds one
/// graph, not two. Thread-safe: snapshots are read from several threads.
final class ExactGraph: @unchecked Sendable {
    private let lock = NSLock()
    private var built: RevisionGraph?
    /// The specs as loaded, dangling references included (nil once built).
    private var specs: [RevisionSpec]
    /// Each file's docstring message, by file index, for alembic's "referenced from" text.
    private let docs: [String]

    /// The graph itself, already built (the lint graph when nothing dangles).
    init(built graph: RevisionGraph) {
        built = graph
        specs = []
        docs = []
    }

    /// A graph to build from `specs` when first asked for; `docs` are the files' docstring
    /// messages by file index (a spec's `origin`).
    init(specs: [RevisionSpec], docs: [String]) {
        self.specs = specs
        self.docs = docs
    }

    var graph: RevisionGraph {
        lock.lock()
        defer { lock.unlock() }
        if let built { return built }
        let docs = docs
        let graph = RevisionGraph(specs, referrerFormat: .custom({ snapshot in
            snapshot.scriptDescription(doc: snapshot.spec.origin.map { docs.indices.contains($0) ? docs[$0] : "" } ?? "")
        }))
        built = graph
        specs = []
        return graph
    }
}
