import Foundation
import LanguageServer
import TestSupport
import Testing

/// JSON-RPC errors and the LSP lifecycle, through an in-memory transport.
@Suite struct ProtocolTests {
    func errorCode(_ response: JSON) -> JSON? { response["error"]?["code"] }

    @Test func requestsBeforeInitializeAreRejected() throws {
        let client = TestClient()
        let response = try client.request("textDocument/hover", .object([:]), id: 1)
        #expect(errorCode(response) == .int(-32002))
        // Notifications before initialize are dropped silently.
        client.notify("textDocument/didOpen", .object([:]))
        client.session.drain()
        #expect(client.messages.count == 1)
    }

    @Test func malformedJSONIsAParseError() throws {
        let client = TestClient()
        client.sendRaw("{\"jsonrpc\": \"2.0\", \"id\": 1, \"method\": ")
        let response = try client.wait { $0["error"] != nil }
        #expect(errorCode(response) == .int(-32700))
        #expect(response["id"] == .null)
    }

    @Test func batchesAndNonObjectsAreInvalidRequests() throws {
        let client = TestClient()
        client.sendRaw("[{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{}}]")
        client.sendRaw("42")
        client.sendRaw("{\"jsonrpc\":\"2.0\",\"id\":{\"x\":1},\"method\":\"initialize\"}")
        client.sendRaw("{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":12}")
        _ = try client.wait { _ in client.messages.count == 4 }
        #expect(client.messages.map(errorCode) == Array(repeating: .int(-32600), count: 4))
    }

    @Test func unknownMethodsAndInvalidParams() throws {
        let client = TestClient()
        try client.start(root: nil)
        #expect(errorCode(try client.request("textDocument/nonsense")) == .int(-32601))
        let invalid = try client.request("textDocument/hover", .object(["textDocument": .int(3)]))
        #expect(errorCode(invalid) == .int(-32602))
        #expect(errorCode(try client.request("initialize", .object(["capabilities": .object([:])]))) == .int(-32600))
        // An unknown notification is ignored, without a response.
        let before = client.messages.count
        client.notify("$/unknownThing")
        client.notify("textDocument/didChange", .object(["bad": .bool(true)]))
        client.session.drain()
        #expect(client.messages.count == before)
    }

    @Test func initializeNegotiatesUTF8WhenOfferedElseUTF16() throws {
        let utf8 = try TestClient().start(root: nil, capabilities: .object(["general": .object(["positionEncodings": .array([.string("utf-16"), .string("utf-8")])])]))
        #expect(utf8["result"]?["capabilities"]?["positionEncoding"] == .string("utf-8"))
        let utf16 = try TestClient().start(root: nil)
        let capabilities = try #require(utf16["result"]?["capabilities"])
        #expect(capabilities["positionEncoding"] == .string("utf-16"))
        #expect(capabilities["hoverProvider"] == .bool(true))
        #expect(capabilities["textDocumentSync"]?["change"] == .int(2))
        #expect(utf16["result"]?["serverInfo"]?["name"] == .string("alembic-ls"))
    }

    @Test func shutdownThenExitIsZeroAndExitAloneIsOne() throws {
        let clean = TestClient()
        try clean.start(root: nil)
        #expect(try clean.request("shutdown", .null)["result"] == .null)
        #expect(errorCode(try clean.request("textDocument/hover")) == .int(-32600))
        clean.notify("exit")
        clean.session.drain()
        #expect(clean.exitCode == 0)

        let abrupt = TestClient()
        try abrupt.start(root: nil)
        abrupt.notify("exit")
        abrupt.session.drain()
        #expect(abrupt.exitCode == 1)

        let closed = TestClient()
        closed.session.endOfInput()
        closed.session.drain()
        #expect(closed.exitCode == 1)
    }

    @Test func responsesFromTheClientAndTraceAreAccepted() throws {
        let client = TestClient()
        try client.start(root: nil)
        let before = client.messages.count
        client.sendRaw("{\"jsonrpc\":\"2.0\",\"id\":\"alembic-ls-1\",\"result\":null}")
        client.notify("$/setTrace", .object(["value": .string("verbose")]))
        client.notify("$/cancelRequest", .object(["id": .int(999)]))
        client.session.drain()
        #expect(client.messages.count == before)
    }

    @Test func progressAndWatcherRegistrationWhenTheClientSupportsThem() throws {
        let fixture = try Fixture.project(["a.py": migration("aaaa", nil)])
        defer { fixture.remove() }
        let client = TestClient()
        try client.start(root: fixture.root, capabilities: .object([
            "window": .object(["workDoneProgress": .bool(true)]),
            "workspace": .object(["didChangeWatchedFiles": .object(["dynamicRegistration": .bool(true)])]),
        ]))
        let methods = client.messages.compactMap { $0["method"]?.string }
        #expect(methods.contains("client/registerCapability"))
        #expect(methods.contains("window/workDoneProgress/create"))
        let progress = client.messages.filter { $0["method"] == .string("$/progress") }.compactMap { $0["params"]?["value"]?["kind"]?.string }
        #expect(progress == ["begin", "end"])
        #expect(methods.contains("window/logMessage"))
    }
}
