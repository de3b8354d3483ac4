import AlembicModel
import Foundation
import IDE
import Lint

extension Session {
    /// The database keys of the editor's settings (`database`, `database-url`,
    /// `database-url-env`, `version-table`, `version-table-schema`), as in `[tool.alembic-ls]`.
    func applyDatabaseSettings(_ section: JSON) {
        let made = ClientSettings.database { section[$0]?.string }
        for problem in made.problems { logMessage("settings: \(problem)", type: 2) }
        databaseReads.clientSettings = made.settings
    }

    /// Reads the live databases again (after the pending analysis, so that the plan sees the
    /// current configuration): always when `force` (save of a migration, settings change,
    /// `alembic-ls.refreshDatabase`), otherwise only when the plan changed. Returns at once;
    /// the read runs on its own queue and its states are linted and published when it ends.
    func refreshDatabases(force: Bool) {
        guard state == .running else { return }
        if host.hasPendingWork { analyzeAndPublish() }
        let settings = host.databaseSettings.overridden(by: databaseReads.clientSettings)
        let plan = settings.effectiveMode == .off
            ? DatabaseReadPlan()
            : DatabaseReadPlan.make(
                project: host.snapshot.project, settings: settings,
                variables: options.environmentVariables ?? ProcessInfo.processInfo.environment,
                timeoutMilliseconds: options.databaseTimeoutMilliseconds)
        guard force || plan != databaseReads.plan else { return }
        databaseReads.plan = plan
        databaseReads.generation += 1
        // Environments whose database changed (or went) lose their state now, not after the read.
        host.setDatabaseStates(databaseReads.currentStates)
        scheduleAnalysis()
        if !databaseReads.reading && !plan.reads.isEmpty { startDatabaseRead() }
    }

    /// Runs the current plan on the database queue.
    private func startDatabaseRead() {
        let plan = databaseReads.plan
        let generation = databaseReads.generation
        databaseReads.reading = true
        databaseReads.queue.async {
            let started = Date()
            let states = plan.perform()
            let milliseconds = Int(Date().timeIntervalSince(started) * 1000)
            self.queue.async { self.finishDatabaseRead(plan: plan, generation: generation, states: states, milliseconds: milliseconds) }
        }
    }

    /// Applies a finished read (consumer queue), or starts the newer plan when the read is stale.
    private func finishDatabaseRead(plan: DatabaseReadPlan, generation: Int, states: [String: DatabaseState], milliseconds: Int) {
        databaseReads.reading = false
        guard state == .running else { return }
        guard generation == databaseReads.generation else {
            if !databaseReads.plan.reads.isEmpty { startDatabaseRead() }
            return
        }
        for (id, state) in states {
            if let read = plan.reads[id] { databaseReads.results[id] = (read, state) }
        }
        let unavailable = states.values.filter { $0.snapshot == nil }.count
        log.log("database: read \(states.count) environment(s) in \(milliseconds) ms" + (unavailable > 0 ? ", \(unavailable) unavailable" : ""))
        host.setDatabaseStates(databaseReads.currentStates)
        scheduleAnalysis()
    }

    /// `alembic-ls.refreshDatabase`: reads the databases again; the diagnostics, lenses and
    /// hovers follow when the read ends. Answers null at once.
    func refreshDatabaseCommand() -> JSON {
        refreshDatabases(force: true)
        return .null
    }
}
