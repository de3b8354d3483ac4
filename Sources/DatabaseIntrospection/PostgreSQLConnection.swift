import CLibPQ
import Foundation

/// A libpq connection driven asynchronously (`PQconnectStartParams`, `PQsendQueryParams`)
/// with `poll(2)` deadlines, so that a server that accepts and never answers costs at most
/// the timeout: the only code holding `PGconn` pointers. Query values are bound parameters;
/// identifiers go through `PQescapeIdentifier`.
final class PostgreSQLConnection {
    private let connection: OpaquePointer
    private let timeoutMilliseconds: Int
    private let secret: String?

    /// Connects with `parameters` (already made read-only by the caller); throws when the
    /// connection fails or takes longer than `timeoutMilliseconds`.
    init(_ parameters: PostgreSQLConnectionParameters, timeoutMilliseconds: Int) throws(DatabaseError) {
        self.timeoutMilliseconds = max(1, timeoutMilliseconds)
        secret = parameters.password
        let keywords = parameters.keywords.map { strdup($0.keyword) } + [nil]
        let values = parameters.keywords.map { strdup($0.value) } + [nil]
        defer {
            for pointer in keywords { free(pointer) }
            for pointer in values { free(pointer) }
        }
        let started = keywords.map { UnsafePointer($0) }.withUnsafeBufferPointer { keywordBuffer in
            values.map { UnsafePointer($0) }.withUnsafeBufferPointer { valueBuffer in
                PQconnectStartParams(keywordBuffer.baseAddress, valueBuffer.baseAddress, 0)
            }
        }
        guard let started else { throw DatabaseError(.connectionFailed, "\(parameters.redactedURL): out of memory") }
        connection = started
        let deadline = Self.deadline(after: self.timeoutMilliseconds)
        if PQstatus(connection) == CONNECTION_BAD {
            throw DatabaseError(.connectionFailed, "\(parameters.redactedURL): \(lastError)")
        }
        // libpq: before the first PQconnectPoll, behave as if it had returned WRITING.
        var state = PGRES_POLLING_WRITING
        while true {
            switch state {
            case PGRES_POLLING_OK:
                return
            case PGRES_POLLING_FAILED:
                throw DatabaseError(.connectionFailed, "\(parameters.redactedURL): \(lastError)")
            default:
                guard wait(forWriting: state == PGRES_POLLING_WRITING, until: deadline) else {
                    throw DatabaseError(.timeout, "\(parameters.redactedURL): no answer from the server within \(self.timeoutMilliseconds) ms")
                }
                state = PQconnectPoll(connection)
            }
        }
    }

    deinit {
        PQfinish(connection)
    }

    /// The server version as `major.minor`.
    var serverVersion: String {
        let number = Int(PQserverVersion(connection))
        return "\(number / 10_000).\(number % 10_000)"
    }

    /// The rows of `sql` with `parameters` bound as text (`$1`, `$2`, …); values are the
    /// columns' text output, nil for NULL. Throws ``DatabaseError/Kind/timeout`` past the
    /// timeout (the server's `statement_timeout` then ends the statement).
    func query(_ sql: String, _ parameters: [String] = []) throws(DatabaseError) -> [[String?]] {
        let deadline = Self.deadline(after: timeoutMilliseconds)
        let values = parameters.map { strdup($0) }
        defer { for pointer in values { free(pointer) } }
        let sent = values.map { UnsafePointer($0) }.withUnsafeBufferPointer { buffer in
            PQsendQueryParams(connection, sql, Int32(parameters.count), nil, buffer.baseAddress, nil, nil, 0)
        }
        guard sent == 1 else { throw DatabaseError(.queryFailed, "query failed: \(lastError)") }
        while true {
            let flushed = PQflush(connection)
            if flushed == 0 { break }
            guard flushed > 0 else { throw DatabaseError(.queryFailed, "query failed: \(lastError)") }
            guard wait(forWriting: true, until: deadline) else { throw timedOut() }
        }
        while PQisBusy(connection) == 1 {
            guard wait(forWriting: false, until: deadline) else { throw timedOut() }
            guard PQconsumeInput(connection) == 1 else { throw DatabaseError(.connectionFailed, "connection lost: \(lastError)") }
        }
        var rows: [[String?]] = []
        var failure: DatabaseError?
        while let result = PQgetResult(connection) {
            defer { PQclear(result) }
            let status = PQresultStatus(result)
            if status == PGRES_TUPLES_OK {
                let columns = PQnfields(result)
                for row in 0 ..< PQntuples(result) {
                    rows.append((0 ..< columns).map { column in
                        PQgetisnull(result, row, column) == 1 ? nil : String(cString: PQgetvalue(result, row, column))
                    })
                }
            } else if status != PGRES_COMMAND_OK, failure == nil {
                let message = DatabaseError.scrub(String(cString: PQresultErrorMessage(result)), secret: secret)
                let code = PQresultErrorField(result, Int32(UInt8(ascii: "C"))).map { String(cString: $0) }
                failure = DatabaseError(code == "57014" ? .timeout : .queryFailed, "query failed: \(message)")
            }
            if PQisBusy(connection) == 1 {
                guard wait(forWriting: false, until: deadline) else { throw timedOut() }
                guard PQconsumeInput(connection) == 1 else { throw DatabaseError(.connectionFailed, "connection lost: \(lastError)") }
            }
        }
        if let failure { throw failure }
        return rows
    }

    /// `name` as a quoted SQL identifier (`PQescapeIdentifier`).
    func escapeIdentifier(_ name: String) throws(DatabaseError) -> String {
        let bytes = Array(name.utf8)
        guard let escaped = bytes.withUnsafeBufferPointer({ buffer in
            buffer.baseAddress.flatMap { base in
                base.withMemoryRebound(to: CChar.self, capacity: bytes.count) { PQescapeIdentifier(connection, $0, bytes.count) }
            } ?? PQescapeIdentifier(connection, "", 0)
        }) else {
            throw DatabaseError(.queryFailed, "cannot quote identifier: \(lastError)")
        }
        defer { PQfreemem(escaped) }
        return String(cString: escaped)
    }

    private var lastError: String {
        DatabaseError.scrub(PQerrorMessage(connection).map { String(cString: $0) } ?? "unknown error", secret: secret)
    }

    private func timedOut() -> DatabaseError {
        DatabaseError(.timeout, "no answer from the server within \(timeoutMilliseconds) ms")
    }

    /// Waits until the socket is ready or `deadline` passes; false on timeout.
    private func wait(forWriting: Bool, until deadline: UInt64) -> Bool {
        while true {
            let now = DispatchTime.now().uptimeNanoseconds
            if now >= deadline { return false }
            let remaining = Int32(clamping: (deadline - now) / 1_000_000 + 1)
            let socket = PQsocket(connection)
            if socket < 0 {
                usleep(UInt32(min(10_000, Int(remaining) * 1_000)))
                continue
            }
            var descriptor = pollfd(fd: socket, events: Int16(forWriting ? POLLOUT : POLLIN), revents: 0)
            let ready = poll(&descriptor, 1, remaining)
            if ready > 0 { return true }
            if ready < 0 && errno != EINTR { return true }
        }
    }

    private static func deadline(after milliseconds: Int) -> UInt64 {
        DispatchTime.now().uptimeNanoseconds + UInt64(milliseconds) * 1_000_000
    }
}
