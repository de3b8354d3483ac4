import AlembicModel
import Foundation
import IDE
import Lint

/// The server's live-database reads: a serial queue of their own (a read blocks for up to
/// the timeout; the message loop never waits for it) and the state of the latest plan.
/// Every property is touched only on the session's consumer queue.
final class DatabaseReads: @unchecked Sendable {
    /// Where reads run, one at a time.
    let queue = DispatchQueue(label: "alembic-ls.database")
    /// The database keys the editor sent; they override the workspace's key by key.
    var clientSettings = DatabaseSettings()
    /// The reads wanted now.
    var plan = DatabaseReadPlan()
    /// Increases with every refresh; a read finishing under an older generation is stale.
    var generation = 0
    /// Whether a read is running on ``queue``.
    var reading = false
    /// The states last applied, with the read that produced each, by environment id.
    var results: [String: (read: DatabaseReadPlan.Read, state: DatabaseState)] = [:]

    /// The states of ``results`` still planned with the same read.
    var currentStates: [String: DatabaseState] {
        results.reduce(into: [:]) { states, entry in
            if plan.reads[entry.key] == entry.value.read { states[entry.key] = entry.value.state }
        }
    }
}
