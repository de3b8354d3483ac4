import AlembicModel
import Foundation
import Lint

/// The schema timeline on a generated tree (branches and merges as the `check` benchmark's)
/// whose revisions each run about 20 operations that are valid along their path: a new table
/// with its index and unique constraint, columns and indexes added to tables of ancestors,
/// `alter_column`s, an index and a constraint dropped, a data `execute`, a foreign key.
/// Reports the build time, the memory the built timeline keeps, and the findings of ALM207
/// (none expected: every operation is valid).
enum SchemaTimelineBench {
    static let operations: TreeGenerator.Operations = { n in
        var up = [
            "op.create_table('t_\(n)', sa.Column('id', sa.Integer(), nullable=False), sa.Column('a', sa.Integer(), nullable=True), "
                + "sa.Column('b', sa.String(length=50), nullable=True), sa.Column('c', sa.DateTime(), nullable=True), "
                + "sa.PrimaryKeyConstraint('id'), sa.UniqueConstraint('b', name='uq_t_\(n)_b'), sa.Index('ix_t_\(n)_a', 'a'))",
        ]
        var down = ["op.drop_table('t_\(n)')"]
        // Tables 50 to 78 revisions back are ancestors on every path of the generated tree.
        let targets = (0 ..< 5).map { n - 50 - 7 * $0 }.filter { $0 >= 0 }
        for (j, m) in targets.enumerated() {
            up.append("op.add_column('t_\(m)', sa.Column('c_\(n)_\(j)', sa.String(length=20), nullable=True))")
            up.append("op.create_index('ix_\(n)_\(j)', 't_\(m)', ['c_\(n)_\(j)'], unique=False)")
            up.append("op.alter_column('t_\(m)', 'c', existing_type=sa.DateTime(), nullable=True, server_default=sa.text('CURRENT_TIMESTAMP'))")
            down.append("op.drop_index('ix_\(n)_\(j)', table_name='t_\(m)')")
            down.append("op.drop_column('t_\(m)', 'c_\(n)_\(j)')")
        }
        if n >= 60 {
            up.append("op.drop_index('ix_t_\(n - 60)_a', table_name='t_\(n - 60)')")
            up.append("op.drop_constraint('uq_t_\(n - 60)_b', 't_\(n - 60)', type_='unique')")
            up.append("op.execute(\"UPDATE t_\(n - 60) SET a = 0 WHERE a IS NULL\")")
            up.append("op.create_foreign_key('fk_t_\(n)_a', 't_\(n)', 't_\(n - 60)', ['a'], ['id'])")
        }
        return (up, down)
    }

    static func run(revisions: Int, runs: Int, treePath: String?) {
        let tree = treePath.map { URL(fileURLWithPath: $0) }
            ?? FileManager.default.temporaryDirectory.appendingPathComponent("alembic-ls-schema-\(UUID().uuidString)")
        do { try TreeGenerator.write(count: revisions, to: tree, operations: operations) } catch {
            print("cannot write the generated tree: \(error)")
            return
        }
        defer { if treePath == nil { try? FileManager.default.removeItem(at: tree) } }
        let project = ProjectLoader.load(roots: [tree.path], cwd: tree.path)
        guard let environment = project.environments.first else {
            print("no environment in the generated tree")
            return
        }
        let operationCount = environment.files.reduce(0) { $0 + $1.operations.count }
        var times: [Double] = []
        var retained = 0
        var timeline: SchemaTimeline?
        for _ in 0 ..< max(1, runs) {
            timeline = nil
            let heapBefore = heapInUse()
            let start = now()
            let built = SchemaTimeline(environment: environment, sources: project.sources)
            times.append(now() - start)
            timeline = built
            retained = heapInUse() - heapBefore
        }
        let head = timeline?.schema(atHead: nil)
        let findings = LintEngine.run(project, settings: LintSettings(select: [RuleSelector("ALM207")])).count
        print("| benchmark | value |")
        print("|---|---|")
        print("| schema timeline build, \(revisions) revisions, \(operationCount) operations (median of \(times.count)) | \(String(format: "%.0f", median(times) * 1000)) ms |")
        print("| memory kept by the timeline (resident after − before, freed pages trimmed) | \(String(format: "%.1f", Double(retained) / 1_048_576)) MB (\(String(format: "%.1f", Double(retained) / Double(max(1, revisions)) / 1024)) KB per revision) |")
        print("| tables at head | \(head?.tableCount ?? 0) |")
        print("| ALM207 findings (expected 0) | \(findings) |")
        withExtendedLifetime(timeline) {}
    }

    /// Resident memory after returning freed heap pages to the system (`malloc_trim`), from
    /// `/proc/self/statm`; 0 where that file does not exist.
    static func heapInUse() -> Int {
        #if canImport(Glibc)
        typealias Trim = @convention(c) (Int) -> Int32
        if let symbol = dlsym(nil, "malloc_trim") { _ = unsafeBitCast(symbol, to: Trim.self)(0) }
        guard let file = fopen("/proc/self/statm", "r") else { return 0 }
        defer { fclose(file) }
        var size = 0, resident = 0
        let read = withUnsafeMutablePointer(to: &size) { s in
            withUnsafeMutablePointer(to: &resident) { r in withVaList([s, r]) { vfscanf(file, "%ld %ld", $0) } }
        }
        return read == 2 ? resident * Int(sysconf(Int32(_SC_PAGESIZE))) : 0
        #else
        return 0
        #endif
    }
}
