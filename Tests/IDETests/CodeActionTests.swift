import AlembicModel
import IDE
import Lint
import TestSupport
import Testing
import TextCore

/// Quick fixes, suppressions and fix-all on analysed trees; every edit is applied and the
/// result re-analysed.
@Suite struct CodeActionTests {
    func snapshot(_ fixture: Fixture) -> AnalysisSnapshot { AnalysisHost(roots: [fixture.root]).update() }

    /// Applies `fix` to the files on disk and returns the new analysis.
    func apply(_ fix: Fix, _ fixture: Fixture) throws -> AnalysisSnapshot {
        for fileEdit in fix.edits {
            let bytes = Array(try String(contentsOfFile: fileEdit.path, encoding: .utf8).utf8)
            let edited = try #require(TextEdit.apply(fileEdit.edits, to: bytes))
            try String(decoding: edited, as: UTF8.self).write(toFile: fileEdit.path, atomically: true, encoding: .utf8)
        }
        return snapshot(fixture)
    }

    func text(_ path: String) throws -> String { try String(contentsOfFile: path, encoding: .utf8) }

    @Test func unknownParentIsRepointedToTheClosestIdAndTheDiagnosticClears() throws {
        let fixture = try Fixture.project([
            "a.py": migration("a1b2c3d4", nil),
            "b.py": migration("b2c3d4e5", "'a1b2c3d5'").replacingOccurrences(of: "down_revision = 'a1b2c3d5'", with: "down_revision = 1️⃣'a1b2c3d5'"),
        ])
        defer { fixture.remove() }
        let (path, offset) = try #require(fixture.location("1️⃣"))
        let actions = snapshot(fixture).codeActions(path: path, range: .empty(at: offset + 2))
        #expect(actions.map(\.title) == ["Replace with 'a1b2c3d4'", "Suppress ALM102 on this line", "Suppress ALM102 in this file"])
        #expect(actions.map(\.isPreferred) == [true, false, false])
        #expect(actions.allSatisfy { $0.kind == .quickFix && $0.diagnostics.map(\.code) == ["ALM102"] })
        let after = try apply(actions[0].fix, fixture)
        #expect(try text(path).contains("down_revision = 'a1b2c3d4'\n"))
        // The docstring's `Revises:` still names the old id: ALM110, with its own fix.
        #expect(after.diagnostics[path]?.map(\.code) == ["ALM110"])
    }

    @Test func lineSuppressionMergesIntoTheDirectiveOnTheLine() throws {
        let fixture = try Fixture.project([
            "a.py": migration("aaaa", nil),
            "b.py": "revision = 'bbbb'\ndown_revision = 1️⃣'zzzz'  # noqa: ALM110\n",
        ])
        defer { fixture.remove() }
        let (path, offset) = try #require(fixture.location("1️⃣"))
        let actions = snapshot(fixture).codeActions(path: path, range: .empty(at: offset))
        let suppress = try #require(actions.first { $0.title == "Suppress ALM102 on this line" })
        let after = try apply(suppress.fix, fixture)
        #expect(try text(path) == "revision = 'bbbb'\ndown_revision = 'zzzz'  # noqa: ALM102, ALM110\n")
        #expect(after.diagnostics[path]?.contains { $0.code == "ALM102" } == false)
    }

    @Test func fileSuppressionGoesAfterTheEncodingDeclarationAndKeepsCRLF() throws {
        let fixture = try Fixture.project([
            "a.py": migration("aaaa", nil),
            "b.py": "# -*- coding: utf-8 -*-\r\nrevision = 'bbbb'  # é\r\ndown_revision = 1️⃣'zzzz'\r\n",
        ])
        defer { fixture.remove() }
        let (path, offset) = try #require(fixture.location("1️⃣"))
        let actions = snapshot(fixture).codeActions(path: path, range: .empty(at: offset))
        let line = try #require(actions.first { $0.title == "Suppress ALM102 on this line" })
        #expect(line.fix.edits[0].edits == [.insert("  # noqa: ALM102", at: offset + 6)])
        let file = try #require(actions.first { $0.title == "Suppress ALM102 in this file" })
        let after = try apply(file.fix, fixture)
        #expect(try text(path) == "# -*- coding: utf-8 -*-\r\n# alembic-ls: noqa: ALM102\r\nrevision = 'bbbb'  # é\r\ndown_revision = 'zzzz'\r\n")
        #expect(after.diagnostics[path]?.contains { $0.code == "ALM102" } == false)
    }

    @Test func aFindingInsideADocstringGetsOnlyTheFileSuppression() throws {
        let fixture = try Fixture.project(["a.py": migration("aaaa", nil).replacingOccurrences(of: "Revision ID: aaaa", with: "Revision ID: 1️⃣zzzz")])
        defer { fixture.remove() }
        let (path, offset) = try #require(fixture.location("1️⃣"))
        let actions = snapshot(fixture).codeActions(path: path, range: .empty(at: offset))
        #expect(actions.map(\.title) == ["Set `Revision ID:` to 'aaaa'", "Suppress ALM110 in this file"])
    }

    @Test func missingDownRevisionInsertsTheCurrentHead() throws {
        let fixture = try Fixture.project([
            "a.py": migration("aaaa", nil),
            "b.py": migration("bbbb", "'aaaa'"),
            "c.py": "revision = 1️⃣'cccc'\n",
        ])
        defer { fixture.remove() }
        let (path, offset) = try #require(fixture.location("1️⃣"))
        let action = try #require(snapshot(fixture).codeActions(path: path, range: .empty(at: offset)).first)
        #expect(action.title == "Add `down_revision = 'bbbb'` (the current head)")
        #expect(action.fix.applicability == .unsafe)
        let after = try apply(action.fix, fixture)
        #expect(try text(path) == "revision = 'cccc'\ndown_revision = 'bbbb'\n")
        #expect(after.diagnostics.values.joined().isEmpty)
    }

    @Test func fixAllTakesOnlySafeFixes() throws {
        let fixture = try Fixture.project([
            "a.py": migration("aaaa", nil),
            "b.py": migration("bbbb", "'aaab'").replacingOccurrences(of: "Revision ID: bbbb", with: "Revision ID: xxxx"),
        ])
        defer { fixture.remove() }
        let path = fixture.path("alembic/versions/b.py")
        let all = try #require(snapshot(fixture).fixAll(path: path))
        #expect(all.kind == .fixAll)
        #expect(all.fix.applicability == .safe)
        #expect(Set(all.diagnostics.map(\.code)) == ["ALM110"])
        let after = try apply(all.fix, fixture)
        #expect(after.diagnostics[path]?.contains { $0.code == "ALM102" } == true)
        #expect(after.diagnostics[path]?.contains { $0.code == "ALM110" } == false)
        #expect(after.fixAll(path: path) == nil)
    }

    @Test func codeLensesNameTheirParentsAndChildren() throws {
        let fixture = try Fixture.project([
            "a.py": migration("aaaa", nil), "b.py": migration("bbbb", "'aaaa'"), "c.py": migration("cccc", "'bbbb'"),
        ])
        defer { fixture.remove() }
        let lens = try #require(snapshot(fixture).codeLenses(path: fixture.path("alembic/versions/b.py")).first)
        #expect(lens.targets.map(\.path) == [fixture.path("alembic/versions/a.py"), fixture.path("alembic/versions/c.py")])
    }
}
