import Foundation
@testable import LanguageServer
import TestSupport
import Testing

/// The live database through a session: a SQLite file upgraded by the real Alembic, named
/// by `database-url` in `initializationOptions`, shows in diagnostics (ALM402), code lenses
/// and hovers, and follows `alembic-ls.refreshDatabase`; so does a PostgreSQL database of
/// the test server (`ALEMBIC_LS_TEST_PG`) named by `DATABASE_URL`; a PostgreSQL endpoint that
/// never answers delays nothing but its own ALM405.
@Suite struct DatabaseSessionTests {
    static let files = [
        "alembic.ini": "[alembic]\nscript_location = %(here)s/alembic\nsqlalchemy.url = driver://user:pass@localhost/dbname\n",
        "alembic/env.py": AlembicOracle.envPy,
        "alembic/versions/a.py": migration("aaa", nil, doc: "first"),
        "alembic/versions/b.py": migration("bbb", "'aaa'", doc: "second"),
        "alembic/versions/c.py": migration("ccc", "'bbb'", doc: "third"),
    ]

    /// The position inside the `revision = '…'` literal of `text`.
    func revisionPosition(_ text: String) throws -> JSON {
        let lines = text.components(separatedBy: "\n")
        let line = try #require(lines.firstIndex { $0.hasPrefix("revision = ") })
        return .object(["line": .int(line), "character": .int(13)])
    }

    func codes(_ message: JSON) -> [String] {
        (message["params"]?["diagnostics"]?.array ?? []).compactMap { $0["code"]?.string }
    }

    func lensTitles(_ client: TestClient, _ uri: String) throws -> [String] {
        let response = try client.request("textDocument/codeLens", .object(["textDocument": .object(["uri": .string(uri)])]))
        return (response["result"]?.array ?? []).compactMap { $0["command"]?["title"]?.string }
    }

    @Test func sqliteDatabaseFromInitializationOptionsShowsAppliedAndPendingAndRefreshes() throws {
        let fixture = try Fixture(Self.files)
        defer { fixture.remove() }
        let database = fixture.path("app.db")
        let url = "sqlite:///" + database
        try AlembicOracle.run(["upgrade", "bbb"], root: fixture.root, databaseURL: url)
        let before = try Data(contentsOf: URL(fileURLWithPath: database))

        let client = TestClient(options: Session.Options(debounce: 0, environmentVariables: [:]))
        try client.start(root: fixture.root, options: .object(["database-url": .string(url)]))
        let b = URIPath.uri(fromPath: fixture.path("alembic/versions/b.py"))
        let c = URIPath.uri(fromPath: fixture.path("alembic/versions/c.py"))
        let pending = try client.wait { $0["method"]?.string == "textDocument/publishDiagnostics" && $0["params"]?["uri"]?.string == c
            && codes($0).contains("ALM402") }
        let message = pending["params"]?["diagnostics"]?.array?.first { $0["code"]?.string == "ALM402" }?["message"]?.string
        #expect(message == "Revision 'ccc' is pending on \(url) (step 1 of `alembic upgrade heads`)")
        #expect(!client.published(b).contains { codes($0).contains("ALM402") })

        #expect(try lensTitles(client, b).contains("database: applied (current)"))
        #expect(try lensTitles(client, c).contains("database: pending, step 1 of 1"))
        let lens = try client.request("textDocument/codeLens", .object(["textDocument": .object(["uri": .string(c)])]))
        #expect(lens["result"]?.array?.contains { $0["command"]?["command"]?.string == "alembic-ls.refreshDatabase" } == true)
        let hover = try client.request("textDocument/hover", .object([
            "textDocument": .object(["uri": .string(c)]), "position": try revisionPosition(Self.files["alembic/versions/c.py"] ?? ""),
        ]))
        #expect(hover["result"]?["contents"]?["value"]?.string?.contains("- database: pending, step 1 of 1 on `\(url)`") == true)

        // Read-only: the file is byte for byte what alembic left.
        #expect(try Data(contentsOf: URL(fileURLWithPath: database)) == before)

        // The database moves on; the command reads it again and ALM402 clears.
        try AlembicOracle.run(["upgrade", "head"], root: fixture.root, databaseURL: url)
        let published = client.published(c).count
        let response = try client.request("workspace/executeCommand", .object(["command": .string("alembic-ls.refreshDatabase")]))
        #expect(response["result"] == .null && response["error"] == nil)
        _ = try client.wait { _ in client.published(c).dropFirst(published).contains { !codes($0).contains("ALM402") } }
        #expect(try lensTitles(client, c).contains("database: applied (current)"))
        #expect(try lensTitles(client, b).contains("database: applied"))
    }

    @Test func settingsChangePointsAtAnotherDatabaseOrNone() throws {
        let fixture = try Fixture(Self.files)
        defer { fixture.remove() }
        let url = "sqlite:///" + fixture.path("app.db")
        try AlembicOracle.run(["upgrade", "aaa"], root: fixture.root, databaseURL: url)
        // Without a URL nothing is read: no ALM402, no ALM405, no database lens.
        let client = TestClient(options: Session.Options(debounce: 0, environmentVariables: ["APP_DB": url]))
        try client.start(root: fixture.root)
        let c = URIPath.uri(fromPath: fixture.path("alembic/versions/c.py"))
        #expect(try !lensTitles(client, c).contains { $0.hasPrefix("database:") })
        #expect(!client.messages.contains { codes($0).contains { $0.hasPrefix("ALM4") } })

        // `database-url-env` names the variable; the change is read and published.
        client.notify("workspace/didChangeConfiguration", .object(["settings": .object(["alembic-ls": .object(["database-url-env": .string("APP_DB")])])]))
        _ = try client.wait { _ in client.published(c).contains { codes($0).contains("ALM402") } }
        #expect(try lensTitles(client, c).contains("database: pending, step 2 of 2"))

        // `database = "off"` drops the state at once.
        let published = client.published(c).count
        client.notify("workspace/didChangeConfiguration", .object(["settings": .object(["database": .string("off"), "database-url-env": .string("APP_DB")])]))
        _ = try client.wait { _ in client.published(c).dropFirst(published).contains { !codes($0).contains("ALM402") } }
        #expect(try !lensTitles(client, c).contains { $0.hasPrefix("database:") })
    }

    @Test func workspaceSettingFileAndSaveOfAMigrationRefresh() throws {
        var files = Self.files
        files["pyproject.toml"] = "[tool.alembic-ls]\ndatabase-url = \"sqlite:///data/app.db\"\n"
        let fixture = try Fixture(files)
        defer { fixture.remove() }
        try FileManager.default.createDirectory(atPath: fixture.path("data"), withIntermediateDirectories: true)
        // Relative SQLite paths resolve against the directory of alembic.ini.
        let url = "sqlite:///" + fixture.path("data/app.db")
        try AlembicOracle.run(["upgrade", "aaa"], root: fixture.root, databaseURL: url)
        let client = TestClient(options: Session.Options(debounce: 0, environmentVariables: [:]))
        try client.start(root: fixture.root)
        let c = URIPath.uri(fromPath: fixture.path("alembic/versions/c.py"))
        _ = try client.wait { _ in client.published(c).contains { codes($0).contains("ALM402") } }
        #expect(try lensTitles(client, c).contains("database: pending, step 2 of 2"))

        // `alembic upgrade head`, then the migration is saved: the database is read again.
        try AlembicOracle.run(["upgrade", "head"], root: fixture.root, databaseURL: url)
        let published = client.published(c).count
        client.notify("textDocument/didSave", .object(["textDocument": .object(["uri": .string(c)])]))
        _ = try client.wait { _ in client.published(c).dropFirst(published).contains { !codes($0).contains("ALM402") } }
        #expect(try lensTitles(client, c).contains("database: applied (current)"))
    }

    @Test func postgreSQLFromDatabaseURLVariable() throws {
        guard let server = ProcessInfo.processInfo.environment["ALEMBIC_LS_TEST_PG"], let scheme = server.range(of: "://"),
              let slash = server[scheme.upperBound...].firstIndex(of: "/")
        else {
            throw TestFailure("ALEMBIC_LS_TEST_PG is not set: start PostgreSQL with `eval \"$(bash .ci/postgres.sh)\"` (.ci/run does) before `swift test`")
        }
        let name = "alembic_ls_session_\(UUID().uuidString.prefix(8).lowercased())"
        let url = server[..<slash].replacingOccurrences(of: "postgresql://", with: "postgresql+psycopg://") + "/" + name
        try AlembicOracle.postgres("CREATE DATABASE \(name)", serverURL: server)
        defer { try? AlembicOracle.postgres("DROP DATABASE IF EXISTS \(name)", serverURL: server) }
        let fixture = try Fixture(Self.files)
        defer { fixture.remove() }
        try AlembicOracle.run(["upgrade", "aaa"], root: fixture.root, databaseURL: url)

        let client = TestClient(options: Session.Options(debounce: 0, environmentVariables: ["DATABASE_URL": url]))
        try client.start(root: fixture.root)
        let b = URIPath.uri(fromPath: fixture.path("alembic/versions/b.py"))
        let c = URIPath.uri(fromPath: fixture.path("alembic/versions/c.py"))
        let first = try client.wait { $0["params"]?["uri"]?.string == b && codes($0).contains("ALM402") }
        let message = first["params"]?["diagnostics"]?.array?.first { $0["code"]?.string == "ALM402" }?["message"]?.string
        #expect(message?.hasPrefix("Revision 'bbb' is pending on postgresql+psycopg://") == true)
        #expect(try lensTitles(client, c).contains("database: pending, step 2 of 2"))

        try AlembicOracle.run(["upgrade", "head"], root: fixture.root, databaseURL: url)
        let published = client.published(b).count
        _ = try client.request("workspace/executeCommand", .object(["command": .string("alembic-ls.refreshDatabase")]))
        _ = try client.wait { _ in client.published(b).dropFirst(published).contains { !codes($0).contains("ALM402") } }
        #expect(try lensTitles(client, c).contains("database: applied (current)"))
    }

    @Test func silentPostgreSQLNeverDelaysTypingAndEndsInOneALM405() throws {
        let fixture = try Fixture(Self.files)
        defer { fixture.remove() }
        let server = try SilentServer()
        defer { server.close() }
        let url = "postgresql://app:hunter2@127.0.0.1:\(server.port)/app"
        let timeout = 4_000
        let client = TestClient(options: Session.Options(debounce: 0, databaseTimeoutMilliseconds: timeout, environmentVariables: ["DATABASE_URL": url]))
        let started = Date()
        try client.start(root: fixture.root)
        let c = URIPath.uri(fromPath: fixture.path("alembic/versions/c.py"))
        let ini = URIPath.uri(fromPath: fixture.path("alembic.ini"))
        let text = Self.files["alembic/versions/c.py"] ?? ""
        client.notify("textDocument/didOpen", .object(["textDocument": .object([
            "uri": .string(c), "languageId": .string("python"), "version": .int(1), "text": .string(text),
        ])]))
        // Typing while the read hangs: each edit's diagnostics come back while the read is
        // still waiting for the server (ALM405 comes only when the read gives up).
        for version in 2 ... 4 {
            let edited = text.replacingOccurrences(of: "down_revision = 'bbb'", with: "down_revision = 'zz\(version)'")
            client.notify("textDocument/didChange", .object([
                "textDocument": .object(["uri": .string(c), "version": .int(version)]),
                "contentChanges": .array([.object(["text": .string(edited)])]),
            ]))
            _ = try client.wait { $0["method"]?.string == "textDocument/publishDiagnostics" && $0["params"]?["uri"]?.string == c
                && $0["params"]?["version"] == .int(version) }
            #expect(!client.messages.contains { codes($0).contains("ALM405") }, "edit \(version) was answered after the read ended")
        }
        let unavailable = try client.wait(timeout: 30) { $0["params"]?["uri"]?.string == ini && codes($0).contains("ALM405") }
        // The read really waited for the silent server (the timeout), it did not fail fast.
        #expect(Date().timeIntervalSince(started) >= Double(timeout) / 1000 * 0.9)
        let diagnostics = unavailable["params"]?["diagnostics"]?.array ?? []
        #expect(diagnostics.filter { $0["code"]?.string == "ALM405" }.count == 1)
        let text405 = diagnostics.first { $0["code"]?.string == "ALM405" }?["message"]?.string ?? ""
        #expect(text405.contains("postgresql://app:***@127.0.0.1:\(server.port)/app") && !text405.contains("hunter2"))
        #expect(!client.messages.contains { "\($0)".contains("hunter2") })
    }
}
