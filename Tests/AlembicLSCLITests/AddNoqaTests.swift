@testable import AlembicLSCLI
import AlembicModel
import Foundation
import Lint
import Testing

@Suite struct AddNoqaTests {
    static func project() throws -> String {
        try temporaryTree([
            "alembic.ini": "[alembic]\nscript_location = %(here)s/alembic\n", "alembic/env.py": "",
            "alembic/versions/a.py": "revision = 'a'\ndown_revision = None\n",
            "alembic/versions/b.py": "revision = 'b'  # noqa: ALM110\ndown_revision = 'zz'\n",
            "alembic/versions/c.py": "revision = 'c'  # keep me\ndown_revision = None\n",
        ])
    }

    @Test func baselinesATreeSoTheNextCheckPasses() throws {
        let dir = try Self.project()
        #expect(try CLI.alembicLS(["check"], cwd: dir).status == 1)
        let added = try CLI.alembicLS(["check", "--add-noqa"], cwd: dir)
        #expect(added.status == 0, "\(added.stderr)")
        #expect(added.stdout.hasPrefix("Added 4 noqa directives to 3 files."), "\(added.stdout)")
        let b = try String(contentsOfFile: dir + "/alembic/versions/b.py", encoding: .utf8)
        #expect(b == "revision = 'b'  # noqa: ALM105, ALM110\ndown_revision = 'zz'  # noqa: ALM102\n")
        let c = try String(contentsOfFile: dir + "/alembic/versions/c.py", encoding: .utf8)
        #expect(c == "revision = 'c'  # keep me  # noqa: ALM105, ALM107\ndown_revision = None\n")
        // Now clean, except the directive that no longer suppresses anything.
        let after = try CLI.alembicLS(["check", "--output-format", "json"], cwd: dir)
        let codes = (try JSONSerialization.jsonObject(with: Data(after.stdout.utf8)) as? [[String: Any]])?.compactMap { $0["code"] as? String }
        #expect(codes == ["ALM901"], "\(after.stdout)")
    }

    @Test func linesInsideMultilineStringsAreSkipped() throws {
        let dir = try temporaryTree([
            "alembic.ini": "[alembic]\nscript_location = %(here)s/alembic\n", "alembic/env.py": "",
            "alembic/versions/a.py": "\"\"\"Add users\n\nRevision ID: zz\nRevises:\n\"\"\"\nrevision = 'a'\ndown_revision = None\n",
        ])
        let before = try String(contentsOfFile: dir + "/alembic/versions/a.py", encoding: .utf8)
        let added = try CLI.alembicLS(["check", "--add-noqa", "--select", "ALM110"], cwd: dir)
        #expect(added.stdout.contains("1 finding cannot take a line directive"), "\(added.stdout)")
        #expect(try String(contentsOfFile: dir + "/alembic/versions/a.py", encoding: .utf8) == before)
    }

    @Test func aFileChangedSinceItWasReadIsNotOverwritten() throws {
        let dir = try Self.project()
        let project = ProjectLoader.load(roots: [dir], cwd: dir)
        let diagnostics = LintEngine.run(project, settings: LintSettings(), projectRoot: dir)
        let edited = "revision = 'b'\ndown_revision = 'a'  # edited meanwhile\n"
        try edited.write(toFile: dir + "/alembic/versions/b.py", atomically: true, encoding: .utf8)
        let summary = Check().writeNoqaDirectives(diagnostics, project: project)
        #expect(summary.changedFiles == [dir + "/alembic/versions/b.py"])
        #expect(try String(contentsOfFile: dir + "/alembic/versions/b.py", encoding: .utf8) == edited)
        #expect(summary.files == 2)
    }
}
