import Foundation
import Testing

/// The hooks of `.pre-commit-hooks.yaml`, run by the real `pre-commit try-repo` (from PyPI,
/// in the oracle venv) on fixture repositories. The hooks declare `language: swift`, whose
/// install is a release build of this package; the test runs a copy of the file with
/// `language: system` and the freshly built binary on PATH instead, keeping the ids,
/// entries, arguments and file patterns as they are.
@Suite struct PreCommitTests {
    static func preCommit() throws -> String {
        let python = try CLI.requirePython()
        let executable = URL(fileURLWithPath: python).deletingLastPathComponent().appendingPathComponent("pre-commit").path
        guard FileManager.default.isExecutableFile(atPath: executable) else {
            throw Failure("pre-commit is missing from the oracle venv: run .ci/run (it installs .ci/requirements.txt)")
        }
        return executable
    }

    /// A git repository holding the hooks file with `language: system`.
    static func hookRepository() throws -> String {
        let hooks = try String(contentsOf: CLI.repoRoot.appendingPathComponent(".pre-commit-hooks.yaml"), encoding: .utf8)
        #expect(hooks.contains("id: alembic-ls-check") && hooks.contains("id: alembic-ls-heads"))
        let dir = try temporaryTree([".pre-commit-hooks.yaml": hooks.replacingOccurrences(of: "language: swift", with: "language: system")])
        try git(["init", "-q"], in: dir)
        try git(["add", "-A"], in: dir)
        try git(["-c", "user.email=t@example.com", "-c", "user.name=T", "commit", "-q", "-m", "hooks"], in: dir)
        return dir
    }

    static func git(_ arguments: [String], in dir: String) throws {
        let result = try CLI.run("/usr/bin/env", ["git"] + arguments, cwd: dir)
        guard result.status == 0 else { throw Failure("git \(arguments) failed: \(result.stderr)") }
    }

    static func project(_ migrations: [String: String]) throws -> String {
        var files = ["alembic.ini": "[alembic]\nscript_location = %(here)s/alembic\n", "alembic/env.py": ""]
        for (name, text) in migrations { files["alembic/versions/\(name)"] = text }
        let dir = try temporaryTree(files)
        try git(["init", "-q"], in: dir)
        try git(["add", "-A"], in: dir)
        return dir
    }

    static func tryRepo(_ hook: String, hooks: String, project: String) throws -> CLI.Output {
        let binary = try #require(CLI.binary)
        let path = URL(fileURLWithPath: binary).deletingLastPathComponent().path + ":" + (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin")
        return try CLI.run(try preCommit(), ["try-repo", hooks, hook, "--all-files"], cwd: project, environment: [
            "PATH": path, "PRE_COMMIT_HOME": hooks + "/.cache", "PRE_COMMIT_COLOR": "never",
        ])
    }

    @Test func hooksPassOnAGoodHistoryAndFailOnTwoHeads() throws {
        let hooks = try Self.hookRepository()
        let good = try Self.project([
            "a.py": "revision = 'a'\ndown_revision = None\n", "b.py": "revision = 'b'\ndown_revision = 'a'\n",
        ])
        for hook in ["alembic-ls-check", "alembic-ls-heads"] {
            let result = try Self.tryRepo(hook, hooks: hooks, project: good)
            #expect(result.status == 0, "\(hook): \(result.stdout)\(result.stderr)")
            #expect(result.stdout.contains("Passed"), "\(result.stdout)")
        }
        let forked = try Self.project([
            "a.py": "revision = 'a'\ndown_revision = None\n", "b.py": "revision = 'b'\ndown_revision = 'a'\n",
            "c.py": "revision = 'c'\ndown_revision = 'a'\n",
        ])
        let heads = try Self.tryRepo("alembic-ls-heads", hooks: hooks, project: forked)
        #expect(heads.status == 1, "\(heads.stdout)\(heads.stderr)")
        #expect(heads.stdout.contains("Failed") && heads.stdout.contains("ALM105"), "\(heads.stdout)")
    }
}
