import CSQLite
import Foundation

/// A read-only SQLite connection with a deadline: the only code holding `sqlite3` pointers.
/// Queries bind their values as parameters; identifiers go through ``quoteIdentifier(_:)``.
final class SQLiteConnection {
    private let handle: OpaquePointer
    private let deadline: UnsafeMutablePointer<UInt64>

    /// Opens `path` (a `file:` URI when `isURI`) with `SQLITE_OPEN_READONLY`: a missing file
    /// is an error, never created. Every statement is interrupted past `timeoutMilliseconds`.
    init(path: String, isURI: Bool, timeoutMilliseconds: Int) throws(DatabaseError) {
        var opened: OpaquePointer?
        var flags = SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX
        if isURI { flags |= SQLITE_OPEN_URI }
        let status = sqlite3_open_v2(path, &opened, flags, nil)
        guard status == SQLITE_OK, let opened else {
            let message = opened.map { String(cString: sqlite3_errmsg($0)) } ?? String(cString: sqlite3_errstr(status))
            sqlite3_close_v2(opened)
            throw Self.error(status, message, path: path)
        }
        handle = opened
        deadline = UnsafeMutablePointer<UInt64>.allocate(capacity: 1)
        deadline.pointee = DispatchTime.now().uptimeNanoseconds + UInt64(max(1, timeoutMilliseconds)) * 1_000_000
        sqlite3_busy_timeout(handle, Int32(clamping: timeoutMilliseconds))
        sqlite3_progress_handler(handle, 1_000, { context in
            guard let context else { return 0 }
            let limit = context.assumingMemoryBound(to: UInt64.self).pointee
            return DispatchTime.now().uptimeNanoseconds > limit ? 1 : 0
        }, UnsafeMutableRawPointer(deadline))
    }

    deinit {
        sqlite3_progress_handler(handle, 0, nil, nil)
        sqlite3_close_v2(handle)
        deadline.deallocate()
    }

    /// The rows of `sql` with `parameters` bound as text (`?1`, `?2`, …); each value is the
    /// column's text, nil for NULL.
    func query(_ sql: String, _ parameters: [String] = []) throws(DatabaseError) -> [[String?]] {
        var statement: OpaquePointer?
        let prepared = sqlite3_prepare_v2(handle, sql, -1, &statement, nil)
        defer { sqlite3_finalize(statement) }
        guard prepared == SQLITE_OK, let statement else { throw failure(prepared) }
        let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)
        for (index, value) in parameters.enumerated() {
            sqlite3_bind_text(statement, Int32(index + 1), value, -1, transient)
        }
        var rows: [[String?]] = []
        let columns = sqlite3_column_count(statement)
        while true {
            let step = sqlite3_step(statement)
            if step == SQLITE_DONE { break }
            guard step == SQLITE_ROW else { throw failure(step) }
            var row: [String?] = []
            for column in 0 ..< columns {
                if let text = sqlite3_column_text(statement, column) {
                    let count = Int(sqlite3_column_bytes(statement, column))
                    row.append(String(decoding: UnsafeBufferPointer(start: text, count: count), as: UTF8.self))
                } else {
                    row.append(nil)
                }
            }
            rows.append(row)
        }
        return rows
    }

    /// `"name"` with embedded quotes doubled: a safe SQLite identifier.
    static func quoteIdentifier(_ name: String) -> String {
        "\"" + name.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    private func failure(_ status: Int32) -> DatabaseError {
        Self.error(status, String(cString: sqlite3_errmsg(handle)), path: nil)
    }

    private static func error(_ status: Int32, _ message: String, path: String?) -> DatabaseError {
        let subject = path.map { "\($0): " } ?? ""
        switch status & 0xff {
        case SQLITE_NOTADB, SQLITE_CORRUPT: return DatabaseError(.notADatabase, "\(subject)not a SQLite database (\(message))")
        case SQLITE_INTERRUPT, SQLITE_BUSY, SQLITE_LOCKED: return DatabaseError(.timeout, "\(subject)timed out (\(message))")
        case SQLITE_CANTOPEN: return DatabaseError(.fileNotFound, "\(subject)cannot open the database file (\(message))")
        default: return DatabaseError(.queryFailed, "\(subject)\(message)")
        }
    }
}
