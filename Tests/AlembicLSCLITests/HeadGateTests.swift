import Foundation
import Testing

/// `check --base REF` on real git repositories: two branches each adding a migration, a
/// merge, edits to and deletions of published revisions, and the bad inputs.
@Suite struct HeadGateTests {
    static func codes(_ findings: [[String: Any]]) -> [String] { findings.compactMap { $0["code"] as? String }.sorted() }

    /// main: a1; feature adds b2 on a1 while main adds c3 on a1.
    static func divergedRepository() throws -> GitFixture {
        let repo = try GitFixture(["a1.py": gitMigration("a1", "None", body: "op.create_table('users')")])
        try repo.git("checkout", "-q", "-b", "feature")
        try repo.write("alembic/versions/b2.py", gitMigration("b2", "'a1'", body: "op.create_table('orders')"))
        try repo.commit("b2")
        try repo.git("checkout", "-q", "main")
        try repo.write("alembic/versions/c3.py", gitMigration("c3", "'a1'", body: "op.create_table('invoices')"))
        try repo.commit("c3")
        try repo.git("checkout", "-q", "feature")
        return repo
    }

    @Test func branchBehindMainIsToldToRepointDownRevision() throws {
        let repo = try Self.divergedRepository()
        // Alone, the branch is fine: one head.
        #expect(try repo.check().status == 0)
        let result = try repo.check("--base", "main")
        #expect(result.status == 1, "\(result.stderr)")
        #expect(Self.codes(result.findings) == ["ALM120"])
        let finding = try #require(result.findings.first)
        let message = try #require(finding["message"] as? String)
        #expect(message.contains("'b2' does not descend from the head 'c3' of 'main'"))
        #expect(message.contains("re-point `down_revision` of 'b2' from 'a1' to 'c3'"))
        #expect((finding["filename"] as? String)?.hasSuffix("alembic/versions/b2.py") == true)
        let fix = try #require(finding["fix"] as? [String: Any])
        #expect(fix["applicability"] as? String == "unsafe")
        #expect(((fix["edits"] as? [[String: Any]])?.first?["content"] as? String) == "'c3'")
    }

    @Test func mergeRevisionOrRebaseSatisfiesTheGate() throws {
        let repo = try Self.divergedRepository()
        try repo.git("merge", "-q", "--no-edit", "main")
        #expect(try repo.check("--base", "main").status == 1)   // merged the code, not the graph
        try repo.write("alembic/versions/m4.py", gitMigration("m4", "('b2', 'c3')", body: "pass"))
        try repo.commit("merge heads")
        let merged = try repo.check("--base", "main")
        #expect(merged.status == 0, "\(merged.findings)")

        let rebased = try Self.divergedRepository()
        try rebased.git("rebase", "-q", "main")
        try rebased.write("alembic/versions/b2.py", gitMigration("b2", "'c3'", body: "op.create_table('orders')"))
        #expect(try rebased.check("--base", "main").status == 0)
    }

    @Test func branchWithTwoNewRootsIsToldToMerge() throws {
        let repo = try Self.divergedRepository()
        try repo.write("alembic/versions/b3.py", gitMigration("b3", "'a1'"))
        try repo.write("alembic/versions/m5.py", gitMigration("m5", "('b2', 'b3')", body: "pass"))
        let result = try repo.check("--base", "main")
        #expect(Self.codes(result.findings) == ["ALM120"])
        let message = try #require(result.findings.first?["message"] as? String)
        #expect(message.contains("add a merge revision: `alembic merge c3 m5`"), "\(message)")
    }

    @Test func editingAPublishedRevisionIsReported() throws {
        let repo = try Self.divergedRepository()
        // Reformatting and comments are not edits.
        try repo.write("alembic/versions/a1.py", gitMigration("a1", "None", body: "op.create_table(\n        'users',  # the users\n    )"))
        #expect(try repo.check("--base", "main").findings.allSatisfy { $0["code"] as? String != "ALM121" })
        try repo.write("alembic/versions/a1.py", gitMigration("a1", "None", body: "op.create_table('users')\n    op.add_column('users', sa.Column('email', sa.String))"))
        let result = try repo.check("--base", "main", "--select", "ALM121")
        #expect(result.status == 1)
        #expect(Self.codes(result.findings) == ["ALM121"])
        #expect((result.findings.first?["message"] as? String)?.contains("the operations of `upgrade()` changed") == true)

        try repo.write("alembic/versions/a1.py", gitMigration("a1x", "None", body: "op.create_table('users')"))
        let renamed = try repo.check("--base", "main", "--select", "ALM121")
        #expect((renamed.findings.first?["message"] as? String)?.contains("Revision id changed from 'a1' (on 'main') to 'a1x'") == true)

        try repo.write("alembic/versions/a1.py", gitMigration("a1", "'b2'", body: "op.create_table('users')"))
        let reparented = try repo.check("--base", "main", "--select", "ALM121")
        #expect((reparented.findings.first?["message"] as? String)?.contains("`down_revision` (None → 'b2')") == true)
    }

    @Test func deletingAPublishedRevisionIsReported() throws {
        let repo = try Self.divergedRepository()
        try repo.remove("alembic/versions/a1.py")
        try repo.commit("squash")
        let result = try repo.check("--base", "main")
        #expect(result.status == 1)
        let deleted = try #require(result.findings.first { $0["code"] as? String == "ALM122" })
        #expect((deleted["filename"] as? String)?.hasSuffix("alembic/versions/a1.py") == true)
        #expect((deleted["related"] as? [[String: Any]])?.first?["message"] as? String == "'b2' still names 'a1'")
        // Revisions main added after the branch started are not "deleted" by the branch.
        #expect(!result.findings.contains { ($0["message"] as? String)?.contains("'c3' is on") == true })
    }

    @Test func changedOnlyKeepsFindingsOfChangedFiles() throws {
        let repo = try GitFixture([
            "a1.py": gitMigration("a1", "None").replacingOccurrences(of: "Revision ID: a1", with: "Revision ID: zz"),
        ])
        try repo.git("checkout", "-q", "-b", "feature")
        try repo.write("alembic/versions/b2.py", gitMigration("b2", "'a1'").replacingOccurrences(of: "Revision ID: b2", with: "Revision ID: yy"))
        let all = try repo.check("--base", "main")
        #expect(Self.codes(all.findings) == ["ALM110", "ALM110"])
        let changed = try repo.check("--base", "main", "--changed-only")
        #expect(changed.findings.compactMap { $0["filename"] as? String }.map { URL(fileURLWithPath: $0).lastPathComponent } == ["b2.py"])
        #expect(try CLI.alembicLS(["check", "--changed-only"], cwd: repo.root).status == 2)
    }

    @Test func badInputIsAClearErrorWithExitCodeTwo() throws {
        let plain = try temporaryTree(["alembic.ini": "[alembic]\nscript_location = %(here)s/alembic\n", "alembic/env.py": ""])
        let notRepo = try CLI.alembicLS(["check", "--base", "main"], cwd: plain)
        #expect(notRepo.status == 2 && notRepo.stderr.contains("is not inside a git repository"), "\(notRepo.stderr)")

        let repo = try Self.divergedRepository()
        let unknown = try CLI.alembicLS(["check", "--base", "no-such-branch"], cwd: repo.root)
        #expect(unknown.status == 2 && unknown.stderr.contains("git ref 'no-such-branch' does not exist"), "\(unknown.stderr)")
        let option = try CLI.alembicLS(["check", "--base=--output=x"], cwd: repo.root)
        #expect(option.status == 2)

        // A shallow clone of the feature branch alone does not have main.
        let clone = try temporaryTree([:]) + "/clone"
        _ = try CLI.run("/usr/bin/env", ["git", "clone", "-q", "--depth", "1", "--branch", "feature", "file://" + repo.root, clone])
        let shallow = try CLI.alembicLS(["check", "--base", "origin/main"], cwd: clone)
        #expect(shallow.status == 2 && shallow.stderr.contains("shallow clone"), "\(shallow.stderr)")

        // Binary and huge files at the base.
        try repo.git("checkout", "-q", "main")
        try Data("revision = 'x'\u{0}".utf8).write(to: URL(fileURLWithPath: repo.root + "/alembic/versions/x.py"))
        try repo.commit("binary")
        try repo.git("checkout", "-q", "feature")
        let binary = try CLI.alembicLS(["check", "--base", "main"], cwd: repo.root)
        #expect(binary.status == 2 && binary.stderr.contains("x.py") && binary.stderr.contains("NUL byte"), "\(binary.stderr)")
        try repo.git("checkout", "-q", "main")
        try Data(count: 17 << 20).write(to: URL(fileURLWithPath: repo.root + "/alembic/versions/x.py"))
        try repo.commit("huge")
        try repo.git("checkout", "-q", "feature")
        let huge = try CLI.alembicLS(["check", "--base", "main"], cwd: repo.root)
        #expect(huge.status == 2 && huge.stderr.contains("larger than the 16 MiB limit"), "\(huge.stderr)")
    }
}
