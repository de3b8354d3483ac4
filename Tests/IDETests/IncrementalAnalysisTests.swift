import AlembicModel
import Foundation
import IDE
import Lint
import TestSupport
import Testing

/// The incremental host must report exactly what a from-scratch analysis reports, whatever
/// the sequence of edits: random edits of bodies, headers, docstrings and `# noqa` comments,
/// through buffers and on disk, on generated trees, checked after every update against a
/// fresh host and against `LintEngine.run` (the CLI's pipeline).
@Suite struct IncrementalAnalysisTests {
    /// One generated migration, rendered to text by ``text``.
    struct Model {
        var revision: String
        var down: String
        var labels = "None"
        var depends = "None"
        var doc: String
        var docRevision: String
        var revises: String
        var body = "pass"
        var revisionComment = ""
        var downComment = ""
        var fileDirective = ""
        var padding = ""

        var text: String {
            """
            \"\"\"\(doc)

            Revision ID: \(docRevision)
            Revises: \(revises)
            Create Date: 2026-01-01 00:00:00.000000
            \(padding)
            \"\"\"
            \(fileDirective)
            from alembic import op
            import sqlalchemy as sa

            revision = '\(revision)'\(revisionComment)
            down_revision = \(down)\(downComment)
            branch_labels = \(labels)
            depends_on = \(depends)


            def upgrade():
                \(body)


            def downgrade():
                pass

            """
        }
    }

    /// SplitMix64: the same edits on every run.
    struct Random {
        var state: UInt64
        mutating func next(_ bound: Int) -> Int {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return Int((z ^ (z >> 31)) % UInt64(max(bound, 1)))
        }
        mutating func pick<T>(_ values: [T]) -> T { values[next(values.count)] }
    }

    static func id(_ n: Int) -> String { String(format: "rev%03d", n) }

    static func tree(_ count: Int) -> [Model] {
        (0 ..< count).map { n in
            let down = n == 0 ? "None" : "'\(id(n - 1))'"
            var model = Model(
                revision: id(n), down: down, doc: "step \(n)", docRevision: id(n), revises: n == 0 ? "" : id(n - 1))
            if n == 5 { model.labels = "('feature',)" }
            if n == 9 { model.depends = "'\(id(3))'" }
            return model
        }
    }

    /// Changes one migration at random.
    static func mutate(_ model: inout Model, at index: Int, original: Model, _ random: inout Random, count: Int) {
        // Mostly an earlier revision, so that cycles stay rare enough for heads to be reported.
        let other = "'\(id(random.next(6) == 0 ? random.next(count) : random.next(max(index, 1))))'"
        switch random.next(18) {
        case 0: model.body = random.pick(["pass", "op.execute('select 1')", "op.drop_table('t')\n    pass", "op.execute((", "x = [\n"])
        case 1: model.body += "\n    op.execute('x')"
        case 2: model.down = random.pick([other, "None", "'missing0000'", "(\(other), '\(id(random.next(count)))')", other.replacingOccurrences(of: "'", with: "\"")])
        case 3: model.depends = random.pick(["None", other, "'feature'", "'nolabel'"])
        case 4: model.labels = random.pick(["None", "('feature',)", "('other',)", "(\(other),)"])
        case 5: model.revisionComment = random.pick(["", "  # noqa: ALM105", "  # noqa", "  # noqa: ALM104, ALM999"])
        case 6: model.downComment = random.pick(["", "  # noqa: ALM102", "  # noqa: ALM1", "  # noqa: ALM110"])
        case 7: model.fileDirective = random.pick(["", "# alembic-ls: noqa: ALM110", "# alembic-ls: noqa", "# alembic-ls: noqa: ALM105"])
        case 8: model.doc = random.pick(["step", "another message", "ünïcode message"])
        case 9: model.revises = random.pick(["", id(random.next(count)), model.down.replacingOccurrences(of: "'", with: "")])
        case 10: model.docRevision = random.pick([model.revision, id(random.next(count))])
        case 11: model.padding = random.pick(["", "\n", "padding line"])
        case 12: model.revision = random.pick([model.revision, id(random.next(count)), "new\(random.next(100))"])
        case 13: model.body = "pass"; model.down = index == 0 ? "None" : "'\(id(index - 1))'"
        case 14, 15, 16:
            // Repairs keep the tree from settling in a state (a cycle, a label clash) that hides heads.
            let comments = (model.revisionComment, model.downComment, model.fileDirective)
            model = original
            (model.revisionComment, model.downComment, model.fileDirective) = comments
        default: model.body = random.pick(["pass", "op.add_column('t', sa.Column('c', sa.Integer()))", "return"])
        }
    }

    /// What a from-scratch analysis reports for the tree on disk: `LintEngine.run`, grouped by
    /// path, with an (empty) entry for every file a fresh host lists.
    static func expected(_ root: String, fresh: AnalysisSnapshot) -> [String: [Diagnostic]] {
        var out = fresh.diagnostics.mapValues { _ in [Diagnostic]() }
        let project = ProjectLoader.load(roots: [root], cwd: root)
        for diagnostic in LintEngine.run(project, settings: LintSettings(), projectRoot: root) {
            out[diagnostic.location.path, default: []].append(diagnostic)
        }
        return out
    }

    @Test func randomEditsMatchAFromScratchAnalysis() throws {
        var seen = Set<String>()
        for seed: UInt64 in 1 ... 6 { try Self.check(seed: seed, seen: &seen) }
        // The edits reach every kind of finding: file rules, graph rules, suppressions.
        #expect(seen.isSuperset(of: ["ALM001", "ALM102", "ALM105", "ALM110", "ALM901"]), "\(seen.sorted())")
    }

    /// 60 updates of random edits from `seed`, each compared with from-scratch analyses.
    static func check(seed: UInt64, seen: inout Set<String>) throws {
        var random = Random(state: seed)
        let count = 24
        let originals = Self.tree(count)
        var models = originals
        var files: [String: String] = [:]
        for (n, model) in models.enumerated() { files[String(format: "m%03d.py", n)] = model.text }
        let fixture = try Fixture.project(files)
        defer { fixture.remove() }
        let path = { (n: Int) in fixture.path(String(format: "alembic/versions/m%03d.py", n)) }
        let host = AnalysisHost(roots: [fixture.root])
        host.update()
        var opened = Set<Int>()
        var extra: String?
        for step in 0 ..< 60 {
            for _ in 0 ... random.next(3) {
                let n = random.next(count)
                Self.mutate(&models[n], at: n, original: originals[n], &random, count: count)
                let text = models[n].text
                try text.write(toFile: path(n), atomically: true, encoding: .utf8)
                // Buffers and disk hold the same text: an open buffer wins, a closed one
                // falls back to the disk.
                switch random.next(4) {
                case 0 where opened.contains(n):
                    host.setOverlay(path(n), bytes: nil)
                    opened.remove(n)
                case 0, 1:
                    host.setOverlay(path(n), bytes: Array(text.utf8))
                    opened.insert(n)
                default:
                    if opened.contains(n) { host.setOverlay(path(n), bytes: Array(text.utf8)) }
                    host.diskChanged(path(n), .changed)
                }
            }
            if random.next(12) == 0 {
                // A teammate's file lands on disk, or goes away.
                let created = fixture.path("alembic/versions/zz_extra.py")
                if extra == nil {
                    let text = Model(revision: "extra1", down: "'\(Self.id(random.next(count)))'", doc: "extra", docRevision: "extra1", revises: "").text
                    try text.write(toFile: created, atomically: true, encoding: .utf8)
                    host.diskChanged(created, .created)
                    extra = created
                } else {
                    try FileManager.default.removeItem(atPath: created)
                    host.diskChanged(created, .deleted)
                    extra = nil
                }
            }
            let incremental = host.update()
            seen.formUnion(incremental.diagnostics.values.joined().map(\.code))
            let scratch = AnalysisHost(roots: [fixture.root])
            for n in opened { scratch.setOverlay(path(n), bytes: Array(models[n].text.utf8)) }
            let fresh = scratch.update()
            let mismatches = Self.differences(incremental.diagnostics, fresh.diagnostics)
                + Self.differences(incremental.diagnostics, Self.expected(fixture.root, fresh: fresh))
            // The graphs too: the lint graph, and the exact one `heads` and `history` use
            // (its warnings quote docstring messages).
            for (mine, theirs) in zip(incremental.project.environments, fresh.project.environments) {
                #expect(mine.lintGraph.specs == theirs.lintGraph.specs, "seed \(seed), step \(step): lint graph")
                #expect(mine.graph.specs == theirs.graph.specs, "seed \(seed), step \(step): exact graph")
                #expect(mine.graph.warnings == theirs.graph.warnings, "seed \(seed), step \(step): exact graph warnings")
                #expect("\(String(describing: mine.graph.buildError))" == "\(String(describing: theirs.graph.buildError))")
            }
            if !mismatches.isEmpty {
                let details = mismatches.joined(separator: "\n")
                Issue.record("seed \(seed), step \(step): the incremental analysis differs from scratch:\n\(details)")
                return
            }
        }
    }

    /// The paths whose diagnostics differ, with both sets.
    static func differences(_ actual: [String: [Diagnostic]], _ expected: [String: [Diagnostic]]) -> [String] {
        func describe(_ set: [Diagnostic]?) -> String {
            guard let set else { return "no entry" }
            return set.map { "\($0.code) \($0.location.range) \($0.message)" }.joined(separator: "; ")
        }
        var out: [String] = []
        for path in Set(actual.keys).union(expected.keys).sorted() where actual[path] != expected[path] {
            out.append("\(path)\n  incremental: \(describe(actual[path]))\n  expected: \(describe(expected[path]))")
        }
        return out
    }

    @Test func anEditInsideUpgradeKeepsTheGraphsAndOnlyThatFileChanges() throws {
        let models = Self.tree(6)
        var files: [String: String] = [:]
        for (n, model) in models.enumerated() { files[String(format: "m%03d.py", n)] = model.text }
        let fixture = try Fixture.project(files)
        defer { fixture.remove() }
        let host = AnalysisHost(roots: [fixture.root])
        let before = host.update()
        _ = host.takeChangedPaths()
        var edited = models[3]
        edited.body = "op.execute(("
        let path = fixture.path("alembic/versions/m003.py")
        host.setOverlay(path, bytes: Array(edited.text.utf8))
        let after = host.update()
        #expect(host.takeChangedPaths() == [path])
        #expect(after.diagnostics[path]?.map(\.code) == ["ALM001"])
        let environment = try #require(after.project.environments.first)
        let previous = try #require(before.project.environments.first)
        #expect(environment.lintGraph.specs == previous.lintGraph.specs)
    }

    @Test func graphFactsIncludeTheTextOfTheirStatements() {
        let path = "/tmp/m.py"
        let single = Array("revision = 'a1'\ndown_revision = 'b2'\n".utf8)
        let double = Array("revision = 'a1'\ndown_revision = \"b2\"\n".utf8)
        let a = ProjectLoader.extractMigration(path: path, bytes: single, resolver: nil)
        let b = ProjectLoader.extractMigration(path: path, bytes: double, resolver: nil)
        #expect(a.downRevision.value == b.downRevision.value)
        #expect(ProjectLoader.hasSameGraphFacts(a, single, as: a, single))
        #expect(!ProjectLoader.hasSameGraphFacts(a, single, as: b, double))
    }
}
