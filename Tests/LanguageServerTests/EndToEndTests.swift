import Foundation
import LanguageServer
import Testing

/// Spawns the built `alembic-ls serve --stdio` and drives the "Bad input" cases of the
/// protocol through real pipes. stdout must hold nothing but framed protocol messages.
@Suite struct EndToEndTests {
    static let repoRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static var binary: String? {
        var dir = URL(fileURLWithPath: CommandLine.arguments[0]).standardizedFileURL.deletingLastPathComponent()
        for _ in 0 ..< 4 {
            let candidate = dir.appendingPathComponent("alembic-ls").path
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
            dir = dir.deletingLastPathComponent()
        }
        let fallback = repoRoot.appendingPathComponent(".build/debug/alembic-ls").path
        return FileManager.default.isExecutableFile(atPath: fallback) ? fallback : nil
    }

    struct Run {
        var status: Int32
        var messages: [JSON]
        var stderr: String
    }

    static func frame(_ json: String) -> Data { Data("Content-Length: \(json.utf8.count)\r\n\r\n\(json)".utf8) }

    /// Writes `input` to the server's stdin, closes it, and collects everything.
    static func run(_ input: Data, timeout: TimeInterval = 30) throws -> Run {
        let binary = try #require(binary, "alembic-ls is not built; run `swift build` first")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = ["serve", "--stdio"]
        let out = Pipe(), err = Pipe(), inp = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = inp
        try process.run()
        nonisolated(unsafe) var errData = Data()
        let group = DispatchGroup()
        group.enter()
        DispatchQueue.global().async { errData = err.fileHandleForReading.readDataToEndOfFile(); group.leave() }
        inp.fileHandleForWriting.write(input)
        try inp.fileHandleForWriting.close()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning && Date() < deadline { usleep(10_000) }
        if process.isRunning {
            process.terminate()
            throw TestFailure("the server hung")
        }
        group.wait()
        var framer = MessageFramer()
        framer.append(Array(outData))
        var messages: [JSON] = []
        while let next = framer.next() {
            guard case let .message(body) = next else { throw TestFailure("stdout holds something that is not a message") }
            messages.append(try JSONDecoder().decode(JSON.self, from: Data(body)))
        }
        #expect(framer.pendingByteCount == 0, "stdout ends inside a message")
        return Run(status: process.terminationStatus, messages: messages, stderr: String(decoding: errData, as: UTF8.self))
    }

    static let initialize = frame(#"{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"capabilities":{"workspace":{"didChangeWatchedFiles":{"dynamicRegistration":true}}}}}"#)
        + frame(#"{"jsonrpc":"2.0","method":"initialized","params":{}}"#)
    static let shutdownExit = frame(#"{"jsonrpc":"2.0","id":99,"method":"shutdown"}"#) + frame(#"{"jsonrpc":"2.0","method":"exit"}"#)

    func response(_ run: Run, _ id: Int) -> JSON? { run.messages.first { $0["id"] == .int(id) && $0["method"] == nil } }

    @Test func badInputGetsErrorsAndTheServerKeepsGoing() throws {
        var input = Data()
        input += Self.frame(#"{"jsonrpc":"2.0","id":2,"method":"textDocument/hover","params":{}}"#) // before initialize
        input += Self.initialize
        input += Self.frame(#"{"jsonrpc":"2.0","id":3,"method":"#) // malformed JSON
        input += Self.frame(#"[{"jsonrpc":"2.0","id":4,"method":"shutdown"}]"#) // batch
        input += Self.frame(#"{"jsonrpc":"2.0","id":5,"method":"no/such/method"}"#)
        input += Self.frame(#"{"jsonrpc":"2.0","id":6,"method":"textDocument/hover","params":{"position":"nowhere"}}"#)
        input += Data("Content-Length: 5\r\n\r\n{\"jsonrpc\":\"2.0\",\"id\":7}".utf8) // wrong (short) Content-Length
        input += Data("Content-Type: application/vscode-jsonrpc; charset=utf-8\r\n".utf8)
        input += Self.frame(#"{"jsonrpc":"2.0","id":8,"method":"textDocument/hover","params":{"textDocument":{"uri":"file:///no%20such/dir%C3%A9/x.py"},"position":{"line":99999,"character":99999}}}"#)
        input += Self.frame(#"{"jsonrpc":"2.0","method":"textDocument/didChange","params":{"textDocument":{"uri":"file:///never/opened.py","version":2},"contentChanges":[{"text":"x"}]}}"#)
        input += Self.frame(#"{"jsonrpc":"2.0","id":9,"method":"workspace/symbol","params":{"query":""}}"#)
        input += Self.shutdownExit
        let run = try Self.run(input)
        #expect(run.status == 0)
        #expect(response(run, 2)?["error"]?["code"] == .int(-32002))
        #expect(response(run, 1)?["result"]?["capabilities"] != nil)
        let nullIDErrors = run.messages.filter { $0["id"] == .null }.compactMap { $0["error"]?["code"] }
        #expect(nullIDErrors.contains(.int(-32700)))
        #expect(nullIDErrors.contains(.int(-32600)))
        #expect(response(run, 5)?["error"]?["code"] == .int(-32601))
        #expect(response(run, 6)?["error"]?["code"] == .int(-32602))
        #expect(response(run, 8)?["result"] == .null)
        #expect(response(run, 9)?["result"] == .array([]))
        #expect(response(run, 99)?["result"] == .null)
        // The watcher registration was never answered: the server did not wait for it.
        #expect(run.messages.contains { $0["method"] == .string("client/registerCapability") })
    }

    @Test func aHeaderWithoutABodyEndsWithExitCodeOne() throws {
        let run = try Self.run(Self.initialize + Data("Content-Length: 500\r\n\r\n{\"jsonrpc\"".utf8))
        #expect(run.status == 1)
        #expect(run.stderr.contains("input ended inside a message"))
    }

    @Test func exitWithoutShutdownIsOne() throws {
        let run = try Self.run(Self.initialize + Self.frame(#"{"jsonrpc":"2.0","method":"exit"}"#))
        #expect(run.status == 1)
    }

    @Test func theExampleProjectGetsDiagnosticsForEveryFile() throws {
        let root = Self.repoRoot.appendingPathComponent("Examples/broken-heads").path
        let initialize = Self.frame("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"rootUri\":\"\(URIPath.uri(fromPath: root))\",\"capabilities\":{}}}")
        let run = try Self.run(initialize + Self.frame(#"{"jsonrpc":"2.0","method":"initialized","params":{}}"#) + Self.shutdownExit)
        #expect(run.status == 0)
        let published = run.messages.filter { $0["method"] == .string("textDocument/publishDiagnostics") }
        let codes = Set(published.flatMap { $0["params"]?["diagnostics"]?.array ?? [] }.compactMap { $0["code"]?.string })
        #expect(codes.isSuperset(of: ["ALM105", "ALM102", "ALM101"]))
    }
}
