import AlembicModel
import Foundation
import IDE
import Lint
import TestSupport
import Testing
import TextCore

/// The ALM105 quick fix creates the merge migration `alembic merge heads` would write; after
/// it the tree has one head for alembic-ls and for the real alembic.
@Suite struct MergeQuickFixTests {
    static let template = """
        \"\"\"${message}

        Revision ID: ${up_revision}
        Revises: ${down_revision | comma,n}
        Create Date: ${create_date}

        \"\"\"
        from alembic import op
        import sqlalchemy as sa
        ${imports if imports else ""}

        # revision identifiers, used by Alembic.
        revision = ${repr(up_revision)}
        down_revision = ${repr(down_revision)}
        branch_labels = ${repr(branch_labels)}
        depends_on = ${repr(depends_on)}


        def upgrade():
            ${upgrades if upgrades else "pass"}


        def downgrade():
            ${downgrades if downgrades else "pass"}

        """

    func twoHeads() throws -> Fixture {
        try Fixture.project(
            [
                "a.py": migration("aaaa", nil),
                "b.py": migration("bbbb", "'aaaa'").replacingOccurrences(of: "revision = 'bbbb'", with: "revision = 1️⃣'bbbb'"),
                "c.py": migration("cccc", "'aaaa'"),
            ], extra: ["alembic/script.py.mako": Self.template])
    }

    @Test func quickFixCreatesTheMergeFileAndTheHeadsBecomeOne() throws {
        let fixture = try twoHeads()
        defer { fixture.remove() }
        let (path, offset) = try #require(fixture.location("1️⃣"))
        let snapshot = AnalysisHost(roots: [fixture.root]).update()
        let actions = snapshot.codeActions(path: path, range: .empty(at: offset + 1))
        let merge = try #require(actions.first { $0.title == AnalysisSnapshot.mergeFixTitle })
        #expect(merge.isPreferred && merge.fix.applicability == .unsafe && merge.fix.edits.isEmpty)
        #expect(merge.diagnostics.map(\.code) == ["ALM105"])
        let file = try #require(merge.fix.newFiles.first)
        #expect(file.path.hasPrefix(fixture.path("alembic/versions/")) && file.path.hasSuffix("_merge_heads.py"))
        #expect(file.contents.contains("down_revision = ('bbbb', 'cccc')"))
        #expect(!FileManager.default.fileExists(atPath: file.path))
        try file.contents.write(toFile: file.path, atomically: false, encoding: .utf8)

        let after = AnalysisHost(roots: [fixture.root]).update()
        #expect(after.diagnostics.values.joined().filter { $0.code == "ALM105" }.isEmpty)
        #expect(after.project.environments.first?.lintGraph.heads.count == 1)
        #expect(try alembicHeads(fixture.root).count == 1)
    }

    @Test func sameFileAsTheCLIWithTheSameIdAndDate() throws {
        let fixture = try twoHeads()
        defer { fixture.remove() }
        let snapshot = AnalysisHost(roots: [fixture.root]).update()
        let date = Date(timeIntervalSince1970: 1_790_000_000)
        guard case let .success(fix)? = snapshot.mergeMigrationFix(forPath: nil, date: date, revisionID: "feedbeef0001")
        else { Issue.record("no merge fix"); return }
        let environment = try #require(snapshot.project.environments.first)
        let request = MergeRequest(message: "merge heads", revisionID: "feedbeef0001", date: date)
        let plan = try MergeMigration.planReadingTemplate(request, environment: environment).get()
        #expect(fix.newFiles == [NewFile(path: plan.path, contents: plan.contents)])
    }

    @Test func noFixWithOneHead() throws {
        let fixture = try Fixture.project(["a.py": migration("aaaa", nil), "b.py": migration("bbbb", "'aaaa'")])
        defer { fixture.remove() }
        #expect(AnalysisHost(roots: [fixture.root]).update().mergeMigrationFix(forPath: nil) == nil)
    }

    /// `alembic heads` from the oracle venv, run in the fixture (our own fixture: never a
    /// user's workspace).
    func alembicHeads(_ root: String) throws -> [String] {
        let environment = ProcessInfo.processInfo.environment
        let python = environment["ALEMBIC_LS_PYTHON"].flatMap { $0.isEmpty ? nil : $0 }
            ?? URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent(".venv/bin/python").path
        guard FileManager.default.isExecutableFile(atPath: python) else {
            throw OracleMissing(description: "no oracle Python at \(python): set ALEMBIC_LS_PYTHON")
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = ["-m", "alembic", "heads"]
        process.currentDirectoryURL = URL(fileURLWithPath: root)
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self).split(separator: "\n").map(String.init)
    }

    struct OracleMissing: Error, CustomStringConvertible { let description: String }
}
