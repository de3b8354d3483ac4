import Foundation
@testable import LanguageServer
import TestSupport
import Testing

/// What the editors tested in `editors/tests` send and need, through a session: requests
/// shaped as they shape them, and fixes that create files whatever the client announces.
@Suite struct ClientCompatibilitySessionTests {
    static func twoHeads() throws -> Fixture {
        try Fixture.project(["a.py": migration("aaaa", nil), "b.py": migration("bbbb", "'aaaa'"), "c.py": migration("cccc", "'aaaa'")])
    }

    static let zero: JSON = .object(["line": .int(0), "character": .int(0)])

    func headsDiagnostic(_ client: TestClient, _ uri: String) throws -> JSON {
        let published = try client.wait { $0["method"] == .string("textDocument/publishDiagnostics") && $0["params"]?["uri"] == .string(uri)
            && $0["params"]?["diagnostics"]?.array?.contains { $0["code"] == .string("ALM105") } == true }
        return try #require(published["params"]?["diagnostics"]?.array?.first { $0["code"] == .string("ALM105") })
    }

    func codeActions(_ client: TestClient, _ uri: String, at position: JSON, diagnostics: [JSON]) throws -> JSON {
        try client.request("textDocument/codeAction", .object([
            "textDocument": .object(["uri": .string(uri)]), "range": .object(["start": position, "end": position]),
            "context": .object(["diagnostics": .array(diagnostics)]),
        ]))
    }

    /// ALE copies only range, code and message into `context.diagnostics` (no severity, no source).
    @Test func aleTrimmedContextDiagnosticsAreAccepted() throws {
        let fixture = try Self.twoHeads()
        defer { fixture.remove() }
        let client = TestClient()
        try client.start(root: fixture.root)
        let uri = URIPath.uri(fromPath: fixture.path("alembic/versions/b.py"))
        let diagnostic = try headsDiagnostic(client, uri)
        let start = try #require(diagnostic["range"]?["start"])
        let trimmed: JSON = .object(["range": diagnostic["range"] ?? .null, "code": .string("ALM105"), "message": diagnostic["message"] ?? .null])
        let response = try codeActions(client, uri, at: start, diagnostics: [trimmed])
        #expect(response["error"] == nil)
        let titles = response["result"]?.array?.compactMap { $0["title"]?.string } ?? []
        #expect(titles.first == "Create a merge migration of the heads")
    }

    /// lsp-mode 8 announces `create` but applies the text before creating the file (the save
    /// then asks "changed since visited"); Neovim 0.7 writes an empty file. So every client gets
    /// the merge fix as the `alembic-ls.applyFix` command: the server writes the file, names it
    /// in `window/showMessage` (or opens it with `window/showDocument`), and ALM105 clears
    /// before the command is answered.
    @Test(arguments: [false, true])
    func mergeFixIsWrittenByTheServerEvenForClientsAnnouncingCreate(showDocument: Bool) throws {
        let fixture = try Self.twoHeads()
        defer { fixture.remove() }
        let client = TestClient()
        try client.start(root: fixture.root, capabilities: .object([
            "workspace": .object(["workspaceEdit": .object([
                "documentChanges": .bool(true), "resourceOperations": .array([.string("create"), .string("rename"), .string("delete")]),
            ])]),
            "window": .object(["showDocument": .object(["support": .bool(showDocument)])]),
        ]))
        let uri = URIPath.uri(fromPath: fixture.path("alembic/versions/b.py"))
        let diagnostic = try headsDiagnostic(client, uri)
        let actions = try codeActions(client, uri, at: try #require(diagnostic["range"]?["start"]), diagnostics: [diagnostic])
        let merge = try #require(actions["result"]?.array?.first { $0["title"] == .string("Create a merge migration of the heads") })
        #expect(merge["edit"] == nil)
        let command = try #require(merge["command"])
        #expect(command["command"] == .string("alembic-ls.applyFix"))

        let executed = try client.request("workspace/executeCommand", .object([
            "command": command["command"] ?? .null, "arguments": command["arguments"] ?? .null,
        ]))
        #expect(executed["error"] == nil)
        let created = try FileManager.default.contentsOfDirectory(atPath: fixture.path("alembic/versions")).filter { $0.hasSuffix("_merge_heads.py") }
        #expect(created.count == 1)
        let path = fixture.path("alembic/versions/\(created.first ?? "")")
        #expect(try String(contentsOfFile: path, encoding: .utf8).contains("('bbbb', 'cccc')"))
        #expect(!client.messages.contains { $0["method"] == .string("workspace/applyEdit") })
        if showDocument {
            let shown = try client.wait { $0["method"] == .string("window/showDocument") }
            #expect(shown["params"]?["uri"] == .string(URIPath.uri(fromPath: path)))
        } else {
            let message = try client.wait { $0["method"] == .string("window/showMessage") }
            #expect(message["params"]?["type"] == .int(3))
            #expect(message["params"]?["message"]?.string?.hasSuffix(created.first ?? "?") == true)
        }
        // The cleared diagnostics go out before the response: lsp-mode 8 drops messages that
        // follow a synchronous request's response in the same read.
        let messages = client.messages
        let cleared = messages.firstIndex { $0["method"] == .string("textDocument/publishDiagnostics") && $0["params"]?["uri"] == .string(uri)
            && $0["params"]?["diagnostics"]?.array?.isEmpty == true }
        let response = messages.firstIndex { $0["id"] == executed["id"] && $0["method"] == nil }
        #expect(cleared != nil && response != nil && (cleared ?? .max) < (response ?? .min))
    }
}
