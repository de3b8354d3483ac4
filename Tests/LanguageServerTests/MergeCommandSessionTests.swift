import Foundation
@testable import LanguageServer
import TestSupport
import Testing

/// `alembic-ls.createMergeMigration` through a session: the server writes the merge file for
/// a client that cannot create files, the tree then has one head and ALM105 clears.
@Suite struct MergeCommandSessionTests {
    @Test func commandCreatesTheMergeFileAndTheHeadsDiagnosticClears() throws {
        let fixture = try Fixture.project([
            "a.py": migration("aaaa", nil), "b.py": migration("bbbb", "'aaaa'"), "c.py": migration("cccc", "'aaaa'"),
        ])
        defer { fixture.remove() }
        let client = TestClient()
        let initialized = try client.start(root: fixture.root)
        #expect(initialized["result"]?["capabilities"]?["executeCommandProvider"]?["commands"]?.strings?
            .contains("alembic-ls.createMergeMigration") == true)
        let b = URIPath.uri(fromPath: fixture.path("alembic/versions/b.py"))
        _ = try client.wait { $0["method"] == .string("textDocument/publishDiagnostics") && $0["params"]?["uri"] == .string(b)
            && $0["params"]?["diagnostics"]?.array?.contains { $0["code"] == .string("ALM105") } == true }

        let response = try client.request("workspace/executeCommand", .object([
            "command": .string("alembic-ls.createMergeMigration"), "arguments": .array([.object(["uri": .string(b)])]),
        ]))
        let created = try #require(response["result"]?.string.flatMap(URIPath.path(fromURI:)))
        let text = try String(contentsOfFile: created, encoding: .utf8)
        #expect(text.contains("down_revision: Union[str, Sequence[str], None] = ('bbbb', 'cccc')"))  // alembic's generic template: the fixture has none
        _ = try client.wait { $0["method"] == .string("textDocument/publishDiagnostics") && $0["params"]?["uri"] == .string(b)
            && $0["params"]?["diagnostics"]?.array?.isEmpty == true }

        // Once merged there is nothing to merge: a clear error, and no new file.
        let again = try client.request("workspace/executeCommand", .object(["command": .string("alembic-ls.createMergeMigration")]))
        #expect(again["error"]?["code"] == .int(-32602))
        let files = try FileManager.default.contentsOfDirectory(atPath: fixture.path("alembic/versions"))
        #expect(files.filter { $0.hasSuffix(".py") }.count == 4)
    }
}
