@testable import AlembicLSCLI
import AlembicModel
import Foundation
import Lint
import Testing
import TextCore

/// `check --fix`, `--unsafe-fixes`, `--fix-only` and `--diff`.
@Suite struct FixCommandTests {
    /// b.py: a wrong `Revision ID:` and `Revises:` in its docstring (safe fixes) and a
    /// mistyped parent (unsafe fix).
    static func project() throws -> String {
        try temporaryTree([
            "alembic.ini": "[alembic]\nscript_location = %(here)s/alembic\n", "alembic/env.py": "",
            "alembic/versions/a.py": "\"\"\"first\n\nRevision ID: a1b2c3\nRevises:\n\"\"\"\nrevision = \"a1b2c3\"\ndown_revision = None\n",
            "alembic/versions/b.py": "\"\"\"second é\n\nRevision ID: zzzz\nRevises: a1b2c3\n\"\"\"\nrevision = \"b2c3d4\"\ndown_revision = \"a1b2c4\"\n",
        ])
    }

    func read(_ dir: String, _ name: String) throws -> String {
        try String(contentsOfFile: dir + "/alembic/versions/" + name, encoding: .utf8)
    }

    @Test func fixAppliesOnlySafeFixesAndReportsWhatIsLeft() throws {
        let dir = try Self.project()
        let result = try CLI.alembicLS(["check", "--fix", "--output-format", "concise"], cwd: dir)
        #expect(result.status == 1, "\(result.stderr)")
        #expect(result.stdout.hasSuffix("Fixed 2 errors.\n"), "\(result.stdout)")
        #expect(result.stdout.contains("ALM102"))
        #expect(!result.stdout.contains("ALM110"))
        let b = try read(dir, "b.py")
        #expect(b == "\"\"\"second é\n\nRevision ID: b2c3d4\nRevises: a1b2c4\n\"\"\"\nrevision = \"b2c3d4\"\ndown_revision = \"a1b2c4\"\n")
    }

    @Test func unsafeFixesSettleOverRoundsAndLeaveAlembicOneHead() throws {
        let dir = try Self.project()
        let result = try CLI.alembicLS(["check", "--fix", "--unsafe-fixes"], cwd: dir)
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        let b = try read(dir, "b.py")
        #expect(b.contains("Revises: a1b2c3\n") && b.contains("down_revision = \"a1b2c3\"\n"), "\(b)")
        // Oracle: alembic itself now sees one head.
        let python = try CLI.requirePython()
        let heads = try CLI.run(python, ["-m", "alembic", "heads"], cwd: dir)
        #expect(heads.status == 0, "\(heads.stderr)")
        #expect(heads.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == "b2c3d4 (head)")
    }

    @Test func diffWritesNothingAndPatchReproducesTheFix() throws {
        let dir = try Self.project()
        let before = try read(dir, "b.py")
        let diff = try CLI.alembicLS(["check", "--diff", "--unsafe-fixes"], cwd: dir)
        #expect(diff.status == 1)
        #expect(diff.stderr.contains("Would fix 4 errors."), "\(diff.stderr)")
        #expect(diff.stdout.hasPrefix("--- a/alembic/versions/b.py\n+++ b/alembic/versions/b.py\n@@ -1,7 +1,7 @@\n"), "\(diff.stdout)")
        #expect(try read(dir, "b.py") == before)
        // Oracle: `patch` applies the diff to the same bytes --fix writes.
        let copy = try temporaryTree([:])
        try FileManager.default.removeItem(atPath: copy)
        try FileManager.default.copyItem(atPath: dir, toPath: copy)
        let patched = try CLI.run("/usr/bin/patch", ["-p1", "--binary", "-s"], cwd: copy, stdin: Data(diff.stdout.utf8))
        #expect(patched.status == 0, "\(patched.stdout)\(patched.stderr)")
        _ = try CLI.alembicLS(["check", "--fix", "--unsafe-fixes"], cwd: dir)
        #expect(try read(copy, "b.py") == read(dir, "b.py"))
        let clean = try CLI.alembicLS(["check", "--diff"], cwd: dir)
        #expect(clean.status == 0 && clean.stdout.isEmpty && clean.stderr.contains("No errors would be fixed."))
    }

    @Test func fixOnlyPrintsTheCountAndExitsZero() throws {
        let dir = try Self.project()
        let result = try CLI.alembicLS(["check", "--fix-only"], cwd: dir)
        #expect(result.status == 0)
        #expect(result.stdout == "Fixed 2 errors.\n")
    }

    @Test func aFileChangedOnDiskMeanwhileIsNotWritten() throws {
        let dir = try Self.project()
        let project = ProjectLoader.load(roots: [dir], cwd: dir)
        let b = dir + "/alembic/versions/b.py"
        let edited = "revision = \"b2c3d4\"\ndown_revision = \"a1b2c3\"  # edited meanwhile\n"
        var calls = 0
        let summary = Check.applyFixes(project, unsafe: false, write: true, roots: [dir], cwd: dir) { project in
            calls += 1
            if calls == 1 { try? edited.write(toFile: b, atomically: true, encoding: .utf8) }
            return LintEngine.run(project, settings: LintSettings(), projectRoot: dir)
        }
        #expect(summary.notWritten.map(\.path) == [b])
        #expect(summary.fixed == 0)
        #expect(try String(contentsOfFile: b, encoding: .utf8) == edited)
    }

    @Test func newFilesAreCreatedButNeverOverwritten() throws {
        let dir = try Self.project()
        let project = ProjectLoader.load(roots: [dir], cwd: dir)
        let existing = dir + "/alembic/versions/a.py"
        let fresh = dir + "/alembic/versions/new.py"
        let original = try read(dir, "a.py")
        let fixes = [
            Fix(title: "over", newFiles: [NewFile(path: existing, contents: "# clobbered\n")], applicability: .unsafe),
            Fix(title: "new", newFiles: [NewFile(path: fresh, contents: "revision = 'n'\ndown_revision = 'b2c3d4'\n")], applicability: .unsafe),
        ]
        var round = 0
        let summary = Check.applyFixes(project, unsafe: true, write: true, roots: [dir], cwd: dir) { project in
            round += 1
            guard round == 1 else { return [] }
            return fixes.map { Diagnostic(code: "ALM105", message: "m", severity: .error, location: Location(path: existing, range: .empty(at: 0)), fix: $0) }
        }
        #expect(summary.fixed == 1)
        #expect(try read(dir, "a.py") == original)
        #expect(try read(dir, "new.py") == "revision = 'n'\ndown_revision = 'b2c3d4'\n")
        // Without --unsafe-fixes a file-creating fix is not applied at all.
        try FileManager.default.removeItem(atPath: fresh)
        let safeOnly = Check.applyFixes(project, unsafe: false, write: true, roots: [dir], cwd: dir) { _ in
            fixes.map { Diagnostic(code: "ALM105", message: "m", severity: .error, location: Location(path: existing, range: .empty(at: 0)), fix: $0) }
        }
        #expect(safeOnly.fixed == 0 && !FileManager.default.fileExists(atPath: fresh))
    }
}
