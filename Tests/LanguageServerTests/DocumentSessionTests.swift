import Foundation
import LanguageServer
import TestSupport
import Testing

/// Document sync, pushed and pulled diagnostics and the navigation handlers through a session.
@Suite struct DocumentSessionTests {
    static func linear() throws -> Fixture {
        try Fixture.project([
            "a.py": migration("aaaa", nil, doc: "créer les utilisateurs"),
            "b b.py": migration("bbbb", "'aaaa'", doc: "second"),
        ])
    }

    func open(_ client: TestClient, _ path: String, version: Int = 1) throws {
        let text = try String(contentsOfFile: path, encoding: .utf8)
        client.notify("textDocument/didOpen", .object(["textDocument": .object([
            "uri": .string(URIPath.uri(fromPath: path)), "languageId": .string("python"), "version": .int(version), "text": .string(text),
        ])]))
    }

    func position(_ line: Int, _ character: Int) -> JSON { .object(["line": .int(line), "character": .int(character)]) }

    func lineOf(_ text: String, containing needle: String) -> (Int, String)? {
        for (n, line) in text.components(separatedBy: "\n").enumerated() where line.contains(needle) { return (n, line) }
        return nil
    }

    @Test func incrementalEditPublishesVersionedDiagnosticsAndClearsThem() throws {
        let fixture = try Self.linear()
        defer { fixture.remove() }
        let client = TestClient()
        try client.start(root: fixture.root)
        let b = fixture.path("alembic/versions/b b.py")
        let uri = URIPath.uri(fromPath: b)
        #expect(uri.contains("b%20b.py"))
        try open(client, b)
        let text = try String(contentsOfFile: b, encoding: .utf8)
        let (line, lineText) = try #require(lineOf(text, containing: "down_revision = 'aaaa'"))
        let start = lineText.utf16.count - 5
        // Replace aaaa with zzzz: an unknown parent.
        client.notify("textDocument/didChange", .object([
            "textDocument": .object(["uri": .string(uri), "version": .int(2)]),
            "contentChanges": .array([.object([
                "range": .object(["start": position(line, start), "end": position(line, start + 4)]), "text": .string("zzzz"),
            ])]),
        ]))
        let published = try client.wait { $0["params"]?["uri"] == .string(uri) && $0["params"]?["version"] == .int(2) }
        let diagnostics = try #require(published["params"]?["diagnostics"]?.array)
        let unknown = try #require(diagnostics.first { $0["code"] == .string("ALM102") })
        #expect(unknown["source"] == .string("alembic-ls"))
        #expect(unknown["codeDescription"]?["href"]?.string?.hasSuffix("docs/rules/ALM102.md") == true)
        #expect(unknown["range"]?["start"]?["line"] == .int(line))
        // Full-text change back: the set is cleared, with the new version.
        client.notify("textDocument/didChange", .object([
            "textDocument": .object(["uri": .string(uri), "version": .int(3)]),
            "contentChanges": .array([.object(["text": .string(text)])]),
        ]))
        let cleared = try client.wait { $0["params"]?["uri"] == .string(uri) && $0["params"]?["version"] == .int(3) }
        #expect(cleared["params"]?["diagnostics"] == .array([]))
    }

    @Test func editsToUnopenedDocumentsAndPositionsPastTheEndAreHarmless() throws {
        let fixture = try Self.linear()
        defer { fixture.remove() }
        let client = TestClient()
        try client.start(root: fixture.root)
        let b = fixture.path("alembic/versions/b b.py")
        client.notify("textDocument/didChange", .object([
            "textDocument": .object(["uri": .string(URIPath.uri(fromPath: b)), "version": .int(2)]),
            "contentChanges": .array([.object(["text": .string("garbage")])]),
        ]))
        client.notify("textDocument/didClose", .object(["textDocument": .object(["uri": .string("file:///elsewhere/x.py")])]))
        let hover = try client.request("textDocument/hover", .object([
            "textDocument": .object(["uri": .string(URIPath.uri(fromPath: b))]), "position": position(10_000, 10_000),
        ]))
        #expect(hover["result"] == .null)
        try open(client, b)
        client.notify("textDocument/didChange", .object([
            "textDocument": .object(["uri": .string(URIPath.uri(fromPath: b)), "version": .int(2)]),
            "contentChanges": .array([.object([
                "range": .object(["start": position(9_999, 3), "end": position(99_999, 0)]), "text": .string("\n# tail\n"),
            ])]),
        ]))
        let symbols = try client.request("textDocument/documentSymbol", .object(["textDocument": .object(["uri": .string(URIPath.uri(fromPath: b))])]))
        #expect(symbols["result"]?.array?.count == 3)
        let outside = try client.request("textDocument/definition", .object([
            "textDocument": .object(["uri": .string("file:///not/in/workspace.py")]), "position": position(0, 0),
        ]))
        #expect(outside["result"] == .array([]))
    }

    @Test func navigationHandlersAnswerInLSPTerms() throws {
        let fixture = try Self.linear()
        defer { fixture.remove() }
        let client = TestClient()
        try client.start(root: fixture.root)
        let b = fixture.path("alembic/versions/b b.py")
        let uri = JSON.string(URIPath.uri(fromPath: b))
        let text = try String(contentsOfFile: b, encoding: .utf8)
        let (line, lineText) = try #require(lineOf(text, containing: "down_revision = 'aaaa'"))
        let at = position(line, lineText.utf16.count - 3)
        let params = JSON.object(["textDocument": .object(["uri": uri]), "position": at])
        let hover = try client.request("textDocument/hover", params)
        #expect(hover["result"]?["contents"]?["value"]?.string?.contains("créer les utilisateurs") == true)
        let definition = try client.request("textDocument/definition", params)
        #expect(definition["result"]?.array?.first?["uri"]?.string?.hasSuffix("/a.py") == true)
        let references = try client.request("textDocument/references", .object([
            "textDocument": .object(["uri": uri]), "position": at, "context": .object(["includeDeclaration": .bool(true)]),
        ]))
        #expect(references["result"]?.array?.count == 2)
        let lenses = try client.request("textDocument/codeLens", .object(["textDocument": .object(["uri": uri])]))
        #expect(lenses["result"]?.array?.first?["command"]?["title"] == .string("head"))
        let hints = try client.request("textDocument/inlayHint", .object([
            "textDocument": .object(["uri": uri]), "range": .object(["start": position(0, 0), "end": position(1000, 0)]),
        ]))
        #expect(hints["result"]?.array?.first?["label"] == .string("créer les utilisateurs"))
        let symbols = try client.request("workspace/symbol", .object(["query": .string("aa")]))
        #expect(symbols["result"]?.array?.first?["name"] == .string("aaaa"))
        let graph = try client.request("alembic-ls/graph", .null)
        #expect(graph["result"]?["nodes"]?.array?.count == 2)
        let pulled = try client.request("textDocument/diagnostic", .object(["textDocument": .object(["uri": uri])]))
        #expect(pulled["result"]?["kind"] == .string("full"))
        let workspace = try client.request("workspace/diagnostic", .object(["previousResultIds": .array([])]))
        #expect(workspace["result"]?["items"]?.array?.isEmpty == false)
    }

    @Test func completionReplacesTheStringContent() throws {
        let fixture = try Fixture.project([
            "a.py": migration("aaaa", nil, doc: "first"),
            "b.py": migration("bbbb", "'a'", doc: "second"),
        ])
        defer { fixture.remove() }
        let client = TestClient()
        try client.start(root: fixture.root)
        let b = fixture.path("alembic/versions/b.py")
        let text = try String(contentsOfFile: b, encoding: .utf8)
        let (line, lineText) = try #require(lineOf(text, containing: "down_revision = 'a'"))
        let response = try client.request("textDocument/completion", .object([
            "textDocument": .object(["uri": .string(URIPath.uri(fromPath: b))]), "position": position(line, lineText.utf16.count - 1),
        ]))
        let item = try #require(response["result"]?["items"]?.array?.first)
        #expect(item["label"] == .string("aaaa"))
        #expect(item["detail"] == .string("first"))
        #expect(item["textEdit"]?["range"]?["start"]?["character"] == .int(lineText.utf16.count - 2))
    }

    /// `revision = 'ëëë'  # 🎉` then a hover after the emoji: UTF-16 counts 2 units for 🎉,
    /// UTF-8 counts 4 bytes; the server must convert each correctly.
    @Test(arguments: ["utf-16", "utf-8"])
    func columnsOnNonASCIILines(_ encoding: String) throws {
        let fixture = try Fixture.project([
            "a.py": migration("aaaa", nil, doc: "first"),
            "b.py": "\"\"\"second\"\"\"\nrevision = 'bbbb'\ndown_revision = ('é🎉', 'aaaa')\n",
            "c.py": migration("é🎉", "'bbbb'", doc: "emoji"),
        ])
        defer { fixture.remove() }
        let client = TestClient()
        let offered: JSON = encoding == "utf-8" ? .array([.string("utf-8")]) : .array([.string("utf-16")])
        try client.start(root: fixture.root, capabilities: .object(["general": .object(["positionEncodings": offered])]))
        let b = fixture.path("alembic/versions/b.py")
        let line = "down_revision = ('é🎉', 'aaaa')"
        let prefix = String(line[..<(try #require(line.range(of: "'aaaa'"))).lowerBound])
        let column = encoding == "utf-8" ? prefix.utf8.count + 1 : prefix.utf16.count + 1
        let hover = try client.request("textDocument/hover", .object([
            "textDocument": .object(["uri": .string(URIPath.uri(fromPath: b))]), "position": position(2, column),
        ]))
        #expect(hover["result"]?["contents"]?["value"]?.string?.contains("**`aaaa`**") == true)
        #expect(hover["result"]?["range"]?["start"]?["character"] == .int(column - 1))
        // Published diagnostics of the cyclic-free tree point at the right columns too: the
        // inlay hint after 'é🎉' sits at its end in the negotiated unit.
        let hints = try client.request("textDocument/inlayHint", .object([
            "textDocument": .object(["uri": .string(URIPath.uri(fromPath: b))]), "range": .object(["start": position(0, 0), "end": position(9, 0)]),
        ]))
        let literal = "down_revision = ('é🎉'"
        let end = encoding == "utf-8" ? literal.utf8.count : literal.utf16.count
        #expect(hints["result"]?.array?.first?["position"]?["character"] == .int(end))
    }

    @Test func settingsFromInitializationOptionsAndConfiguration() throws {
        let fixture = try Fixture.project([
            "a.py": migration("aaaa", nil),
            "b.py": migration("bbbb", nil),
        ])
        defer { fixture.remove() }
        let client = TestClient()
        try client.start(root: fixture.root, options: .object(["ignore": .array([.string("ALM107"), .string("ALM105")])]))
        let a = URIPath.uri(fromPath: fixture.path("alembic/versions/a.py"))
        #expect(client.published(a).isEmpty)
        client.notify("workspace/didChangeConfiguration", .object(["settings": .object(["alembic-ls": .object(["select": .array([.string("ALM107")])])])]))
        let published = try client.wait { $0["params"]?["uri"] == .string(a) }
        #expect(published["params"]?["diagnostics"]?.array?.first?["code"] == .string("ALM107"))
    }

    @Test func watchedFileCreationAddsAHeadAndDeletionClearsIt() throws {
        let fixture = try Self.linear()
        defer { fixture.remove() }
        let client = TestClient()
        try client.start(root: fixture.root, capabilities: .object([
            "workspace": .object(["didChangeWatchedFiles": .object(["dynamicRegistration": .bool(true)])]),
        ]))
        let c = fixture.path("alembic/versions/c.py")
        try migration("cccc", "'aaaa'").write(toFile: c, atomically: true, encoding: .utf8)
        let uri = URIPath.uri(fromPath: c)
        client.notify("workspace/didChangeWatchedFiles", .object(["changes": .array([.object(["uri": .string(uri), "type": .int(1)])])]))
        let heads = try client.wait { $0["params"]?["uri"] == .string(uri) }
        let related = heads["params"]?["diagnostics"]?.array?.first?["relatedInformation"]?.array
        #expect(related?.isEmpty == false)
        try FileManager.default.removeItem(atPath: c)
        client.notify("workspace/didChangeWatchedFiles", .object(["changes": .array([.object(["uri": .string(uri), "type": .int(3)])])]))
        _ = try client.wait { _ in client.published(uri).count == 2 }
        #expect(client.published(uri).last?["params"]?["diagnostics"] == .array([]))
    }

    @Test func workspaceFoldersCanBeAddedAndRemoved() throws {
        let fixture = try Self.linear()
        defer { fixture.remove() }
        let client = TestClient()
        try client.start(root: nil)
        client.notify("workspace/didChangeWorkspaceFolders", .object(["event": .object([
            "added": .array([.object(["uri": .string(URIPath.uri(fromPath: fixture.root)), "name": .string("x")])]), "removed": .array([]),
        ])]))
        client.session.drain()
        let symbols = try client.request("workspace/symbol", .object(["query": .string("")]))
        #expect(symbols["result"]?.array?.count == 2)
        client.notify("workspace/didChangeWorkspaceFolders", .object(["event": .object([
            "added": .array([]), "removed": .array([.object(["uri": .string(URIPath.uri(fromPath: fixture.root)), "name": .string("x")])]),
        ])]))
        let none = try client.request("workspace/symbol", .object(["query": .string("")]))
        #expect(none["result"] == .array([]))
    }
}

/// Clients that do not watch files (Neovim 0.7, ALE): a save notices files created on disk.
@Suite struct RescanOnSaveTests {
    @Test func savingAnyFileFindsARevisionCreatedOnDisk() throws {
        let fixture = try Fixture.project([
            "a.py": migration("aaaa", nil),
            "b.py": migration("bbbb", "'aaaa'"),
        ])
        defer { fixture.remove() }
        let client = TestClient()
        try client.start(root: fixture.root)
        let c = fixture.path("alembic/versions/c.py")
        try migration("cccc", "'aaaa'").write(toFile: c, atomically: true, encoding: .utf8)
        client.notify("textDocument/didSave", .object(["textDocument": .object(["uri": .string(URIPath.uri(fromPath: fixture.path("alembic/versions/b.py")))])]))
        let published = try client.wait { $0["params"]?["uri"] == .string(URIPath.uri(fromPath: c)) }
        #expect(published["params"]?["diagnostics"]?.array?.first?["code"] == .string("ALM105"))
    }
}
