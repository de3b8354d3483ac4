import Foundation
import LanguageServer
import Testing

/// An in-memory LSP client driving a ``Session``: messages go in as framed bodies, every
/// byte the session writes is framed and decoded back.
final class TestClient: @unchecked Sendable {
    private let lock = NSLock()
    private var framer = MessageFramer()
    private var received: [JSON] = []
    private var exitCodes: [Int32] = []
    private(set) var session: Session!

    init(debounce: TimeInterval = 0, options: Session.Options? = nil) {
        let log = ServerLog(path: FileManager.default.temporaryDirectory.appendingPathComponent("alembic-ls-test.log").path)
        session = Session(options: options ?? Session.Options(debounce: debounce), log: log, output: { [weak self] data in
            self?.collect(data)
        }, onExit: { [weak self] code in
            guard let self else { return }
            self.lock.lock()
            self.exitCodes.append(code)
            self.lock.unlock()
        })
    }

    private func collect(_ data: Data) {
        lock.lock()
        defer { lock.unlock() }
        framer.append(Array(data))
        while let frame = framer.next() {
            if case let .message(body) = frame, let value = try? JSONDecoder().decode(JSON.self, from: Data(body)) {
                received.append(value)
            } else {
                Issue.record("the session wrote something that is not a framed JSON message")
            }
        }
    }

    var messages: [JSON] {
        lock.lock()
        defer { lock.unlock() }
        return received
    }

    var exitCode: Int32? {
        lock.lock()
        defer { lock.unlock() }
        return exitCodes.first
    }

    func sendRaw(_ body: String) { session.receive(Array(body.utf8)) }

    func send(_ message: JSON) {
        guard let data = try? JSONEncoder().encode(message) else { return }
        session.receive(Array(data))
    }

    func notify(_ method: String, _ params: JSON = .object([:])) {
        send(.object(["jsonrpc": .string("2.0"), "method": .string(method), "params": params]))
    }

    private var nextID = 100

    /// Sends a request and waits for its response.
    @discardableResult
    func request(_ method: String, _ params: JSON = .object([:]), id: Int? = nil) throws -> JSON {
        nextID += 1
        let id = id ?? nextID
        send(.object(["jsonrpc": .string("2.0"), "id": .int(id), "method": .string(method), "params": params]))
        return try wait { $0["id"] == .int(id) && $0["method"] == nil }
    }

    /// The first message matching `predicate`, waiting up to `timeout` seconds.
    func wait(timeout: TimeInterval = 10, _ predicate: (JSON) -> Bool) throws -> JSON {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if let found = messages.first(where: predicate) { return found }
            usleep(2000)
        }
        throw TestFailure("no matching message within \(timeout) s; received \(messages.count)")
    }

    /// Every `publishDiagnostics` for `uri`, in order.
    func published(_ uri: String) -> [JSON] {
        messages.filter { $0["method"]?.string == "textDocument/publishDiagnostics" && $0["params"]?["uri"]?.string == uri }
    }

    /// Initializes with `capabilities` and the given root, then sends `initialized`.
    @discardableResult
    func start(root: String?, capabilities: JSON = .object([:]), options: JSON? = nil) throws -> JSON {
        var params: [String: JSON] = ["capabilities": capabilities, "processId": .null]
        if let root { params["rootUri"] = .string(URIPath.uri(fromPath: root)) }
        if let options { params["initializationOptions"] = options }
        let response = try request("initialize", .object(params))
        notify("initialized")
        session.drain()
        return response
    }
}

struct TestFailure: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
