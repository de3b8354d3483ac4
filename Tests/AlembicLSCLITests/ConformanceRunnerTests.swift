import Foundation
import Testing

/// The conformance suite through its own runner and the CLI's I/O contract
/// (`alembic-ls debug revision-map`), every query, unsupported counted as failing.
@Suite struct ConformanceRunnerTests {
    @Test func everyQueryPassesThroughTheRunner() throws {
        let runner = CLI.repoRoot.deletingLastPathComponent().appendingPathComponent("shared/conformance/check_conformance.py").path
        guard FileManager.default.fileExists(atPath: runner) else {
            Issue.record("conformance runner missing at \(runner): ../shared must sit beside the repository")
            return
        }
        guard let binary = CLI.binary else { throw Failure("alembic-ls binary not built") }
        let python = try CLI.requirePython()
        let result = try CLI.run(python, [runner, "--cli-messages", "--strict", "--", binary, "debug", "revision-map"], timeout: 600)
        #expect(result.status == 0, "\(result.stdout.suffix(3000))")
        let total = result.stdout.split(separator: "\n").first { $0.hasPrefix("TOTAL") }?.split(separator: " ", omittingEmptySubsequences: true)
        #expect(total?.map(String.init) == ["TOTAL", "5247", "0", "0"])
        print("conformance through the CLI: \(total?.joined(separator: " ") ?? "?")")
    }
}
