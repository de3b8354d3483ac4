import Foundation
import IDE
import Lint
import TestSupport
import Testing

/// Incremental analysis: buffers win over disk, only the changed file is re-parsed, disk
/// changes re-discover the workspace.
@Suite struct AnalysisHostTests {
    static func linear() throws -> Fixture {
        try Fixture.project([
            "a.py": migration("aaaa", nil, doc: "first"),
            "b.py": migration("bbbb", "'aaaa'", doc: "second"),
        ])
    }

    func codes(_ snapshot: AnalysisSnapshot, _ path: String) -> [String] {
        (snapshot.diagnostics[path] ?? []).map(\.code)
    }

    @Test func everyFileHasAnEntryAndACleanTreeHasNoFindings() throws {
        let fixture = try Self.linear()
        defer { fixture.remove() }
        let host = AnalysisHost(roots: [fixture.root])
        let snapshot = host.update()
        #expect(snapshot.diagnostics[fixture.path("alembic/versions/a.py")] == [])
        #expect(snapshot.diagnostics[fixture.path("alembic/versions/b.py")] == [])
        #expect(!host.hasPendingWork)
    }

    @Test func anOpenBufferWinsOverDiskAndClosingRevertsIt() throws {
        let fixture = try Self.linear()
        defer { fixture.remove() }
        let host = AnalysisHost(roots: [fixture.root])
        host.update()
        let b = fixture.path("alembic/versions/b.py")
        // Editing b to point at nothing makes two heads and an unknown parent.
        host.setOverlay(b, bytes: Array(migration("bbbb", "'zzzz'", doc: "second").utf8))
        #expect(host.hasPendingWork)
        let edited = host.update()
        #expect(codes(edited, b).contains("ALM102"))
        #expect(edited.generation == 2)
        host.setOverlay(b, bytes: nil)
        let reverted = host.update()
        #expect(codes(reverted, b).isEmpty)
    }

    @Test func aFileCreatedOnDiskAddsASecondHeadAndDeletingItClearsIt() throws {
        let fixture = try Self.linear()
        defer { fixture.remove() }
        let host = AnalysisHost(roots: [fixture.root])
        host.update()
        let c = fixture.path("alembic/versions/c.py")
        try migration("cccc", "'aaaa'", doc: "teammate").write(toFile: c, atomically: true, encoding: .utf8)
        host.diskChanged(c, .created)
        let withHead = host.update()
        #expect(codes(withHead, c) == ["ALM105"])
        #expect(codes(withHead, fixture.path("alembic/versions/b.py")) == ["ALM105"])
        try FileManager.default.removeItem(atPath: c)
        host.diskChanged(c, .deleted)
        let without = host.update()
        #expect(without.diagnostics[c] == nil)
        #expect(codes(without, fixture.path("alembic/versions/b.py")).isEmpty)
    }

    @Test func rescanFindsFilesCreatedWithoutNotification() throws {
        let fixture = try Self.linear()
        defer { fixture.remove() }
        let host = AnalysisHost(roots: [fixture.root])
        host.update()
        try migration("cccc", "'aaaa'").write(toFile: fixture.path("alembic/versions/c.py"), atomically: true, encoding: .utf8)
        host.rescanIfListingChanged()
        #expect(host.hasPendingWork)
        #expect(host.update().fileRefs[fixture.path("alembic/versions/c.py")] != nil)
    }

    @Test func clientSettingsReplaceTheWorkspaceSelection() throws {
        let fixture = try Fixture.project([
            "a.py": migration("aaaa", nil),
            "b.py": migration("bbbb", nil),
        ])
        defer { fixture.remove() }
        let host = AnalysisHost(roots: [fixture.root])
        #expect(host.update().diagnostics.values.joined().contains { $0.code == "ALM107" })
        let made = ClientSettings.make(select: ["ALL"], ignore: ["ALM107", "ALM105", "nonsense"], extendSelect: nil, perFileIgnores: nil)
        #expect(made.problems == ["unknown rule selector 'nonsense' in `ignore`"])
        host.setClientSettings(made.settings)
        #expect(!host.update().diagnostics.values.joined().contains { $0.code == "ALM107" })
    }

    @Test func anUnparseableBufferIsReportedNotFatal() throws {
        let fixture = try Self.linear()
        defer { fixture.remove() }
        let host = AnalysisHost(roots: [fixture.root])
        host.update()
        let b = fixture.path("alembic/versions/b.py")
        host.setOverlay(b, bytes: Array("revision = 'bbbb'\ndown_revision = ('aaaa'\ndef (:\n\u{0}".utf8))
        let snapshot = host.update()
        #expect(!codes(snapshot, b).isEmpty)
    }
}
