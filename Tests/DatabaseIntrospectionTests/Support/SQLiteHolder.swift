import CSQLite

/// A second SQLite connection holding an exclusive lock, to test timeouts.
final class SQLiteHolder {
    private var handle: OpaquePointer?

    init(path: String) throws {
        guard sqlite3_open(path, &handle) == SQLITE_OK else { throw Failure("cannot open \(path)") }
        guard sqlite3_exec(handle, "BEGIN EXCLUSIVE", nil, nil, nil) == SQLITE_OK else { throw Failure("cannot lock \(path)") }
    }

    func release() {
        sqlite3_exec(handle, "ROLLBACK", nil, nil, nil)
        sqlite3_close(handle)
        handle = nil
    }
}
