import Foundation
import Testing

extension Tag {
    /// Tests that drive real editors headless (Neovim, Emacs, Vim); see editors/tests/run.sh.
    @Tag static var editors: Self
}

/// The editor setups in `editors/`, run headless in the real editors against a copy of an
/// example project by `editors/tests/run.sh EDITOR SCENARIO`, which prints `PASS: EDITOR SCENARIO`
/// only when every step held. A missing editor is a failure (`.ci/run` installs them).
/// Run alone with `swift test --filter EditorEndToEndTests`.
@Suite(.tags(.editors), .serialized)
struct EditorEndToEndTests {
    /// The clients, as run.sh names them.
    static let editors = ["nvim", "eglot", "lsp-mode", "vim-ale"]

    /// `edit`: the diagnostic appears and clears after the user retypes the id (ALM102).
    /// `repoint`: the ALM102 quick fix. `merge`: the ALM105 merge quick fix writes a migration
    /// revising both heads. `guard`: the ALM201 guard quick fix.
    static let scenarios = ["edit", "repoint", "merge", "guard"]

    @Test(arguments: editors, scenarios)
    func scenario(editor: String, scenario: String) throws {
        guard let binary = CLI.binary else {
            Issue.record("alembic-ls binary not found next to the test bundle; run `swift build` first")
            return
        }
        let script = CLI.repoRoot.appendingPathComponent("editors/tests/run.sh").path
        let output = try CLI.run("/bin/bash", [script, editor, scenario], environment: ["ALEMBIC_LS_BINARY": binary], timeout: 180)
        let log = output.stdout + output.stderr
        #expect(output.status == 0 && log.contains("PASS: \(editor) \(scenario)"), "\(editor) \(scenario):\n\(log)")
    }

    /// The VS Code manifest has the fields VS Code requires and the server's settings keys and
    /// commands (the extension cannot be built here: no npm registry).
    @Test func vscodeManifest() throws {
        let script = CLI.repoRoot.appendingPathComponent("editors/vscode/validate-package.py").path
        let python = CLI.python ?? "/usr/bin/python3"
        let output = try CLI.run(python, [script])
        #expect(output.status == 0 && output.stdout.hasPrefix("OK:"), "\(output.stdout)\(output.stderr)")
    }

    /// The validator rejects a manifest that lacks one of the server's settings keys.
    @Test func vscodeManifestMissingSetting() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("vscode-manifest-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let source = CLI.repoRoot.appendingPathComponent("editors/vscode")
        let data = try Data(contentsOf: source.appendingPathComponent("package.json"))
        guard var manifest = try JSONSerialization.jsonObject(with: data) as? [String: Any],
              var contributes = manifest["contributes"] as? [String: Any],
              var configuration = contributes["configuration"] as? [String: Any],
              var properties = configuration["properties"] as? [String: Any]
        else {
            Issue.record("editors/vscode/package.json has no contributes.configuration.properties")
            return
        }
        properties["alembic-ls.per-file-ignores"] = nil
        configuration["properties"] = properties
        contributes["configuration"] = configuration
        manifest["contributes"] = contributes
        try JSONSerialization.data(withJSONObject: manifest).write(to: dir.appendingPathComponent("package.json"))
        try FileManager.default.copyItem(at: source.appendingPathComponent("extension.js"), to: dir.appendingPathComponent("extension.js"))
        let script = source.appendingPathComponent("validate-package.py").path
        let output = try CLI.run(CLI.python ?? "/usr/bin/python3", [script, dir.appendingPathComponent("package.json").path])
        #expect(output.status == 1)
        #expect(output.stdout.contains("setting alembic-ls.per-file-ignores is missing"))
    }
}
