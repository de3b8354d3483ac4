import AlembicModel
import Foundation
import IDE
import Lint
import TextCore

/// One language-server session: decodes messages, applies notifications in order on one
/// consumer queue, runs requests on immutable analysis snapshots (cancellable), and writes
/// every message through one output function.
///
/// Threading: ``receive(_:)`` may be called from the reader thread; all state below the
/// "consumer state" mark is touched only on `queue`; in-flight requests are guarded by `lock`.
public final class Session: @unchecked Sendable {
    /// Tunables.
    public struct Options: Sendable {
        /// Delay before re-analysing after an edit; edits arriving meanwhile are coalesced.
        public var debounce: TimeInterval
        /// The bound on connecting to a live database and on each of its queries.
        public var databaseTimeoutMilliseconds: Int
        /// The environment variables database URLs resolve from (`DATABASE_URL`, the
        /// `database-url-env` setting's); nil: the process's.
        public var environmentVariables: [String: String]?

        public init(debounce: TimeInterval = 0.005, databaseTimeoutMilliseconds: Int = 5_000, environmentVariables: [String: String]? = nil) {
            self.debounce = debounce
            self.databaseTimeoutMilliseconds = databaseTimeoutMilliseconds
            self.environmentVariables = environmentVariables
        }
    }

    enum State {
        case uninitialized, running, shutDown, exited
    }

    private let output: @Sendable (Data) -> Void
    private let onExit: @Sendable (Int32) -> Void
    let log: ServerLog
    let options: Options
    let queue = DispatchQueue(label: "alembic-ls.consumer")
    private let workers = DispatchQueue(label: "alembic-ls.requests", attributes: .concurrent)
    /// Requests running on snapshots; `shutdown` and `exit` wait for them so that every
    /// request gets its response before the process ends.
    private let running = DispatchGroup()
    private let lock = NSLock()
    private var inFlight: [RequestID: Flight] = [:]
    private var outgoingID = 0
    private var writeLock = NSLock()

    // Consumer state (queue only).
    var state = State.uninitialized
    var encoding = PositionEncoding.utf16
    var host = AnalysisHost(roots: [])
    var documents: [String: OpenDocument] = [:]
    var published: [String: [LSP.Diagnostic]] = [:]
    /// The document versions when `published` was last updated.
    var publishedVersions: [String: Int] = [:]
    var analysisScheduled = false
    var watchesFiles = false
    var supportsProgress = false
    var trace = "off"
    var clientCapabilities = JSON.null
    var editCapabilities = EditCapabilities()
    /// Live-database reads: their serial queue and state (see Session+Database.swift).
    let databaseReads = DatabaseReads()

    public init(options: Options = Options(), log: ServerLog, output: @escaping @Sendable (Data) -> Void, onExit: @escaping @Sendable (Int32) -> Void) {
        self.options = options
        self.log = log
        self.output = output
        self.onExit = onExit
    }

    // MARK: Input

    /// Handles one framed message body. Decoding happens here; handling is queued in order.
    public func receive(_ body: [UInt8]) {
        let data = Data(body)
        let first = body.first { $0 != 0x20 && $0 != 0x09 && $0 != 0x0A && $0 != 0x0D }
        guard let value = try? JSONDecoder().decode(JSON.self, from: data) else {
            sendError(id: nil, .parseError("the message is not valid JSON"))
            return
        }
        if first == UInt8(ascii: "[") {
            sendError(id: nil, .invalidRequest("batch requests are not supported"))
            return
        }
        guard case let .object(object) = value else {
            sendError(id: nil, .invalidRequest("a message must be a JSON object"))
            return
        }
        let rawID = object["id"]
        let id = rawID.flatMap(RequestID.init)
        if let rawID, rawID != .null, id == nil {
            sendError(id: nil, .invalidRequest("the id must be a number or a string"))
            return
        }
        guard let methodValue = object["method"] else {
            if rawID != nil { queue.async { self.log.log("response from the client to request \(id?.description ?? "null") ignored") } }
            else { sendError(id: nil, .invalidRequest("a message needs a method")) }
            return
        }
        guard let method = methodValue.string else {
            sendError(id: id, .invalidRequest("the method must be a string"))
            return
        }
        if let id {
            queue.async { self.handleRequest(id: id, method: method, data: data) }
        } else if rawID == .null {
            sendError(id: nil, .invalidRequest("the id must not be null"))
        } else {
            queue.async { self.handleNotification(method: method, data: data) }
        }
    }

    /// Bytes that could not be framed.
    public func framingError(_ message: String) {
        log.log("framing: \(message)")
    }

    /// The client closed the stream.
    public func endOfInput() {
        queue.async {
            guard self.state != .exited else { return }
            self.log.log("input closed")
            self.exit()
        }
    }

    /// Waits until every message received so far has been handled (tests).
    public func drain() {
        queue.sync {}
    }

    // MARK: Output

    func send(_ message: some Encodable) {
        guard let body = try? Self.encoder.encode(message) else {
            log.log("could not encode a message")
            return
        }
        var data = Data("Content-Length: \(body.count)\r\n\r\n".utf8)
        data.append(body)
        writeLock.lock()
        output(data)
        writeLock.unlock()
    }

    private static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes]
        return encoder
    }()

    func sendResult(id: RequestID, _ result: any Encodable & Sendable) {
        send(OutgoingResponse(id: id, result: result, error: nil))
    }

    func sendError(id: RequestID?, _ error: ResponseError) {
        send(OutgoingResponse(id: id, result: nil, error: error))
    }

    func notify(_ method: String, _ params: some Encodable & Sendable) {
        send(OutgoingNotification(method: method, params: params))
    }

    /// Sends a request to the client and never waits for its answer.
    func request(_ method: String, _ params: some Encodable & Sendable) {
        lock.lock()
        outgoingID += 1
        let id = RequestID.string("alembic-ls-\(outgoingID)")
        lock.unlock()
        send(OutgoingRequest(id: id, method: method, params: params))
    }

    /// `window/logMessage` (1 error, 2 warning, 3 info, 4 log), also logged locally.
    func logMessage(_ message: String, type: Int = 3) {
        log.log(message)
        notify("window/logMessage", LogMessageParams(type: type, message: message))
    }

    // MARK: Requests on snapshots

    /// A request running on a snapshot: whether `$/cancelRequest` arrived, and whether an
    /// edit of the document it is about (`path`) overtook it.
    struct Flight {
        var path: String?
        var cancelled = false
        var modified = false
    }

    /// The context of a request on the current analysis (brought up to date first).
    func currentContext() -> RequestContext {
        if host.hasPendingWork { analyzeAndPublish() }
        return RequestContext(
            snapshot: host.snapshot, encoding: encoding,
            uris: documents.mapValues(\.uri), versions: documents.mapValues(\.version))
    }

    /// Runs `body` on the current snapshot off the consumer queue; answers once, with
    /// `RequestCancelled` when `$/cancelRequest` arrived first, and with `ContentModified`
    /// when an edit of `document` (a URI: the document the request is about) arrived before
    /// the answer: its positions no longer fit the text.
    func runOnSnapshot(
        id: RequestID, document: String? = nil,
        _ body: @escaping @Sendable (RequestContext) throws(ResponseError) -> any Encodable & Sendable
    ) {
        let context = currentContext()
        lock.lock()
        inFlight[id] = Flight(path: document.flatMap(URIPath.path(fromURI:)))
        lock.unlock()
        running.enter()
        workers.async {
            defer { self.running.leave() }
            let result: Result<any Encodable & Sendable, ResponseError>
            do throws(ResponseError) {
                result = .success(try body(context))
            } catch {
                result = .failure(error)
            }
            self.finish(id: id, result)
        }
    }

    func finish(id: RequestID, _ result: Result<any Encodable & Sendable, ResponseError>) {
        lock.lock()
        let flight = inFlight.removeValue(forKey: id)
        lock.unlock()
        if flight?.cancelled == true {
            sendError(id: id, .cancelled)
            return
        }
        if flight?.modified == true {
            sendError(id: id, .contentModified)
            return
        }
        switch result {
        case let .success(value): sendResult(id: id, value)
        case let .failure(error): sendError(id: id, error)
        }
    }

    func cancel(_ id: RequestID) {
        lock.lock()
        inFlight[id]?.cancelled = true
        lock.unlock()
    }

    /// Marks the requests about `path` still running as overtaken by an edit.
    func contentModified(_ path: String) {
        lock.lock()
        for (id, flight) in inFlight where flight.path == path { inFlight[id]?.modified = true }
        lock.unlock()
    }

    /// Waits (bounded) until every request running on a snapshot has answered.
    func waitForRunningRequests() {
        if running.wait(timeout: .now() + 10) == .timedOut { log.log("requests still running at shutdown") }
    }

    func exit() {
        waitForRunningRequests()
        let code: Int32 = state == .shutDown ? 0 : 1
        state = .exited
        onExit(code)
    }
}

/// A JSON-RPC response: `result` (null when the handler returned nil) or `error`.
struct OutgoingResponse: Encodable, Sendable {
    var id: RequestID?
    var result: (any Encodable & Sendable)?
    var error: ResponseError?

    enum CodingKeys: String, CodingKey {
        case jsonrpc, id, result, error
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode("2.0", forKey: .jsonrpc)
        if let id { try container.encode(id, forKey: .id) } else { try container.encodeNil(forKey: .id) }
        if let error {
            try container.encode(error, forKey: .error)
        } else {
            try container.encode(EncodableBox(value: result), forKey: .result)
        }
    }
}

struct OutgoingNotification<Params: Encodable & Sendable>: Encodable, Sendable {
    var jsonrpc = "2.0"
    var method: String
    var params: Params
}

struct OutgoingRequest<Params: Encodable & Sendable>: Encodable, Sendable {
    var jsonrpc = "2.0"
    var id: RequestID
    var method: String
    var params: Params
}

/// Encodes any value, `nil` as JSON null.
struct EncodableBox: Encodable {
    var value: (any Encodable)?

    func encode(to encoder: any Encoder) throws {
        if let value {
            try value.encode(to: encoder)
        } else {
            var container = encoder.singleValueContainer()
            try container.encodeNil()
        }
    }
}

struct LogMessageParams: Codable, Sendable {
    var type: Int
    var message: String
}

/// Decodes the `params` of a message.
struct ParamsEnvelope<Params: Decodable>: Decodable {
    var params: Params
}

extension Session {
    /// The typed params of a message, or `InvalidParams`.
    func params<P: Decodable>(_ type: P.Type, _ data: Data) throws(ResponseError) -> P {
        do {
            return try JSONDecoder().decode(ParamsEnvelope<P>.self, from: data).params
        } catch {
            throw .invalidParams("invalid params: \(Self.describe(error))")
        }
    }

    static func describe(_ error: any Error) -> String {
        switch error {
        case let DecodingError.keyNotFound(key, context):
            return "missing `\((context.codingPath + [key]).map(\.stringValue).joined(separator: "."))`"
        case let DecodingError.typeMismatch(_, context), let DecodingError.valueNotFound(_, context):
            return "wrong type at `\(context.codingPath.map(\.stringValue).joined(separator: "."))`"
        case let DecodingError.dataCorrupted(context):
            return context.debugDescription
        default:
            return "\(error)"
        }
    }
}
