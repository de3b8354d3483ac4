import Foundation
import Lint
@testable import LanguageServer
import TestSupport
import Testing
import TextCore

/// `textDocument/codeAction`, `workspace/executeCommand`, server-performed fixes and
/// `ContentModified`, through a session.
@Suite struct CodeActionSessionTests {
    /// b's parent is mistyped on a line with non-ASCII text, in a CRLF file.
    static let bText = "revision = 'bbbb'\r\ndown_revision = 'aaab'  # é😀\r\n"

    static func fixture() throws -> Fixture {
        try Fixture.project(["a.py": migration("aaaa", nil), "b.py": bText])
    }

    func open(_ client: TestClient, _ path: String, version: Int = 1) throws {
        client.notify("textDocument/didOpen", .object(["textDocument": .object([
            "uri": .string(URIPath.uri(fromPath: path)), "languageId": .string("python"), "version": .int(version),
            "text": .string(try String(contentsOfFile: path, encoding: .utf8)),
        ])]))
    }

    func position(_ line: Int, _ character: Int) -> JSON { .object(["line": .int(line), "character": .int(character)]) }

    func codeActions(_ client: TestClient, _ uri: String, line: Int, character: Int, only: [String]? = nil) throws -> [JSON] {
        var context: [String: JSON] = ["diagnostics": .array([])]
        if let only { context["only"] = .array(only.map(JSON.string)) }
        let response = try client.request("textDocument/codeAction", .object([
            "textDocument": .object(["uri": .string(uri)]),
            "range": .object(["start": position(line, character), "end": position(line, character)]),
            "context": .object(context),
        ]))
        return try #require(response["result"]?.array)
    }

    @Test func quickFixCarriesItsEditDiagnosticsAndPreference() throws {
        let fixture = try Self.fixture()
        defer { fixture.remove() }
        let client = TestClient()
        let initialized = try client.start(root: fixture.root)
        let capabilities = initialized["result"]?["capabilities"]
        #expect(capabilities?["codeActionProvider"]?["codeActionKinds"] == .array([.string("quickfix"), .string("source.fixAll.alembic-ls"), .string("source.guardAll.alembic-ls")]))
        #expect(capabilities?["executeCommandProvider"]?["commands"]?.strings?.contains("alembic-ls.applyFix") == true)
        let b = fixture.path("alembic/versions/b.py")
        let uri = URIPath.uri(fromPath: b)
        let actions = try codeActions(client, uri, line: 1, character: 18)
        let titles = actions.compactMap { $0["title"]?.string }
        #expect(titles == ["Replace with 'aaaa'", "Suppress ALM102 on this line", "Suppress ALM102 in this file"])
        let replace = actions[0]
        #expect(replace["kind"] == .string("quickfix"))
        #expect(replace["isPreferred"] == .bool(true))
        #expect(actions[1]["isPreferred"] == nil)
        #expect(replace["diagnostics"]?.array?.first?["code"] == .string("ALM102"))
        // Without documentChanges support: plain `changes`, UTF-16 columns.
        let edit = try #require(replace["edit"]?["changes"]?[uri]?.array?.first)
        #expect(edit["range"] == .object(["start": position(1, 16), "end": position(1, 22)]))
        #expect(edit["newText"] == .string("'aaaa'"))
        // At the end of the line: `# é😀` is 5 UTF-16 units, the line 29.
        let noqa = try #require(actions[1]["edit"]?["changes"]?[uri]?.array?.first)
        #expect(noqa["range"] == .object(["start": position(1, 29), "end": position(1, 29)]))
        #expect(noqa["newText"] == .string("  # noqa: ALM102"))
        // Nothing under the cursor on the first line.
        #expect(try codeActions(client, uri, line: 0, character: 2, only: ["quickfix"]).isEmpty)
    }

    @Test func utf8EncodingAndVersionedDocumentChanges() throws {
        let fixture = try Self.fixture()
        defer { fixture.remove() }
        let client = TestClient()
        try client.start(root: fixture.root, capabilities: .object([
            "general": .object(["positionEncodings": .array([.string("utf-8")])]),
            "workspace": .object(["workspaceEdit": .object(["documentChanges": .bool(true)])]),
        ]))
        let b = fixture.path("alembic/versions/b.py")
        let uri = URIPath.uri(fromPath: b)
        try open(client, b, version: 7)
        let actions = try codeActions(client, uri, line: 1, character: 18)
        let change = try #require(actions[1]["edit"]?["documentChanges"]?.array?.first)
        #expect(change["textDocument"] == .object(["uri": .string(uri), "version": .int(7)]))
        // `# é😀` is 8 bytes: the line is 32 bytes.
        #expect(change["edits"]?.array?.first?["range"]?["start"] == position(1, 32))
    }

    @Test func onlyFiltersKindsAndFixAllCombinesSafeFixes() throws {
        let fixture = try Fixture.project([
            "a.py": migration("aaaa", nil),
            "b.py": "\"\"\"b\n\nRevision ID: xxxx\nRevises: aaaa\n\"\"\"\nrevision = 'bbbb'\ndown_revision = 'aaaa'\n",
        ])
        defer { fixture.remove() }
        let client = TestClient()
        try client.start(root: fixture.root)
        let uri = URIPath.uri(fromPath: fixture.path("alembic/versions/b.py"))
        let source = try codeActions(client, uri, line: 2, character: 14, only: ["source"])
        #expect(source.map { $0["kind"] } == [.string("source.fixAll.alembic-ls")])
        #expect(source.first?["edit"]?["changes"]?[uri]?.array?.first?["newText"] == .string("bbbb"))
        let quick = try codeActions(client, uri, line: 2, character: 14, only: ["quickfix"])
        #expect(quick.allSatisfy { $0["kind"] == .string("quickfix") } && !quick.isEmpty)
    }

    @Test func guardAllIsASourceAction() throws {
        let fixture = try Fixture.project(
            ["a.py": migration("aaaa", nil, body: "op.drop_table('legacy')\n    op.drop_table('older')")],
            extra: ["pyproject.toml": "[tool.alembic-ls]\nextend-select = [\"ALM201\"]\n"])
        defer { fixture.remove() }
        let client = TestClient()
        try client.start(root: fixture.root)
        let uri = URIPath.uri(fromPath: fixture.path("alembic/versions/a.py"))
        let source = try codeActions(client, uri, line: 0, character: 0, only: ["source.guardAll"])
        #expect(source.map { $0["kind"] } == [.string("source.guardAll.alembic-ls")])
        #expect(source.first?["title"] == .string("Guard every operation in this file"))
        let edits = source.first?["edit"]?["changes"]?[uri]?.array ?? []
        #expect(edits.compactMap { $0["newText"].flatMap { $0.string } }.joined().contains("if inspector.has_table('legacy'):"))
        #expect(try codeActions(client, uri, line: 0, character: 0, only: ["source.fixAll"]).isEmpty)
    }

    @Test func unknownCommandsAreInvalidParamsAndStaleFixesAreContentModified() throws {
        let fixture = try Self.fixture()
        defer { fixture.remove() }
        let client = TestClient()
        try client.start(root: fixture.root)
        let unknown = try client.request("workspace/executeCommand", .object(["command": .string("nope")]))
        #expect(unknown["error"]?["code"] == .int(-32602))
        let uri = URIPath.uri(fromPath: fixture.path("alembic/versions/b.py"))
        let stale = try client.request("workspace/executeCommand", .object([
            "command": .string("alembic-ls.applyFix"),
            "arguments": .array([.object([
                "uri": .string(uri), "title": .string("Replace with 'zzzz'"),
                "range": .object(["start": position(1, 18), "end": position(1, 18)]),
            ])]),
        ]))
        #expect(stale["error"]?["code"] == .int(-32801))
        // The real title: the edit goes out as workspace/applyEdit; the answer comes at once.
        let applied = try client.request("workspace/executeCommand", .object([
            "command": .string("alembic-ls.applyFix"),
            "arguments": .array([.object([
                "uri": .string(uri), "title": .string("Replace with 'aaaa'"),
                "range": .object(["start": position(1, 18), "end": position(1, 18)]),
            ])]),
        ]))
        #expect(applied["result"] == .null && applied["error"] == nil)
        let request = try client.wait { $0["method"] == .string("workspace/applyEdit") }
        #expect(request["params"]?["edit"]?["changes"]?[uri]?.array?.first?["newText"] == .string("'aaaa'"))
    }

    @Test func newFilesAreCreatedByTheServerNeverOverAnExistingFile() throws {
        let fixture = try Self.fixture()
        defer { fixture.remove() }
        let target = fixture.path("alembic/versions/m.py")
        let fix = Fix(title: "Create m", newFiles: [NewFile(path: target, contents: "revision = 'mmmm'\n")], applicability: .unsafe)
        // The server writes the file (O_EXCL).
        let plain = TestClient()
        try plain.start(root: fixture.root)
        var outcome: Result<Void, ResponseError> = .success(())
        plain.session.queue.sync {
            do throws(ResponseError) { try plain.session.perform(fix, context: plain.session.currentContext()) } catch { outcome = .failure(error) }
        }
        #expect((try? outcome.get()) != nil)
        #expect(try String(contentsOfFile: target, encoding: .utf8) == "revision = 'mmmm'\n")
        // Again: the file exists; it is not overwritten and the answer says so.
        try "# mine\n".write(toFile: target, atomically: true, encoding: .utf8)
        plain.session.queue.sync {
            do throws(ResponseError) { try plain.session.perform(fix, context: plain.session.currentContext()) } catch { outcome = .failure(error) }
        }
        if case let .failure(error) = outcome { #expect(error.code == -32801) } else { Issue.record("an existing file was overwritten") }
        #expect(try String(contentsOfFile: target, encoding: .utf8) == "# mine\n")
    }

    @Test func anEditOfTheDocumentOvertakingARequestAnswersContentModified() throws {
        let fixture = try Self.fixture()
        defer { fixture.remove() }
        let client = TestClient()
        try client.start(root: fixture.root)
        let b = fixture.path("alembic/versions/b.py")
        let uri = URIPath.uri(fromPath: b)
        try open(client, b)
        let gate = DispatchSemaphore(value: 0)
        client.session.queue.sync {
            client.session.runOnSnapshot(id: .number(9), document: uri) { _ in
                gate.wait()
                return JSON.null
            }
            client.session.runOnSnapshot(id: .number(10), document: URIPath.uri(fromPath: fixture.path("alembic/versions/a.py"))) { _ in
                gate.wait()
                return JSON.null
            }
        }
        client.notify("textDocument/didChange", .object([
            "textDocument": .object(["uri": .string(uri), "version": .int(2)]),
            "contentChanges": .array([.object(["text": .string(Self.bText + "\n")])]),
        ]))
        client.session.drain()
        gate.signal()
        gate.signal()
        let response = try client.wait { $0["id"] == .int(9) }
        #expect(response["error"]?["code"] == .int(-32801))
        // A request about another document is answered normally.
        let other = try client.wait { $0["id"] == .int(10) }
        #expect(other["result"] == .null && other["error"] == nil)
    }

    @Test func codeLensesRunTheShowReferencesCommand() throws {
        let fixture = try Fixture.project(["a.py": migration("aaaa", nil), "b.py": migration("bbbb", "'aaaa'")])
        defer { fixture.remove() }
        let client = TestClient()
        try client.start(root: fixture.root, capabilities: .object(["window": .object(["showDocument": .object(["support": .bool(true)])])]))
        let uri = URIPath.uri(fromPath: fixture.path("alembic/versions/a.py"))
        let lenses = try client.request("textDocument/codeLens", .object(["textDocument": .object(["uri": .string(uri)])]))
        let command = try #require(lenses["result"]?.array?.first?["command"])
        #expect(command["title"] == .string("base · 1 child"))
        #expect(command["command"] == .string("alembic-ls.showReferences"))
        let arguments = try #require(command["arguments"]?.array)
        #expect(arguments.first == .string(uri))
        #expect(arguments.last?.array?.first?["uri"]?.string?.hasSuffix("/b.py") == true)
        let executed = try client.request("workspace/executeCommand", .object(["command": command["command"] ?? .null, "arguments": .array(arguments)]))
        #expect(executed["result"] == arguments.last)
        let shown = try client.wait { $0["method"] == .string("window/showDocument") }
        #expect(shown["params"]?["uri"]?.string?.hasSuffix("/b.py") == true)
    }
}
