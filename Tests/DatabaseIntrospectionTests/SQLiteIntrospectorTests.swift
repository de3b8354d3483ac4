import AlembicModel
import DatabaseIntrospection
import Foundation
import Testing

/// Real SQLite files: odd names, missing and non-database files, version tables; and the
/// file is byte-for-byte unchanged after every read.
@Suite struct SQLiteIntrospectorTests {
    /// Reads `path` and checks that the file (and its directory listing) did not change.
    func read(_ path: String, _ request: IntrospectionRequest = IntrospectionRequest()) throws -> Result<DatabaseSnapshot, DatabaseError> {
        let directory = (path as NSString).deletingLastPathComponent
        let before = FileManager.default.contents(atPath: path)
        let listing = try? FileManager.default.contentsOfDirectory(atPath: directory).sorted()
        let result = SQLiteIntrospector(path: path).introspect(request)
        #expect(FileManager.default.contents(atPath: path) == before, "the database file changed")
        #expect((try? FileManager.default.contentsOfDirectory(atPath: directory).sorted()) == listing, "files appeared next to the database")
        return result
    }

    @Test func oddNamesAndEveryKindOfObject() throws {
        let path = try TestDatabases.temporaryDirectory() + "/odd.db"
        try TestDatabases.sqlite(path, #"""
            CREATE TABLE "Us""er s" ("Íd" INTEGER PRIMARY KEY, "E-mail Address" VARCHAR(100) NOT NULL UNIQUE,
                                     "ÄgeÜ" INT DEFAULT '0', created DATETIME DEFAULT CURRENT_TIMESTAMP, payload JSON, raw BLOB, notype);
            CREATE TABLE "Order Line" (a INTEGER NOT NULL, b TEXT NOT NULL, "user" INTEGER REFERENCES "Us""er s",
                                       amount NUMERIC(10, 2), PRIMARY KEY (b, a), UNIQUE (a, amount));
            CREATE INDEX "ix ""odd"" name" ON "Order Line" (amount, b);
            CREATE UNIQUE INDEX ix_lower ON "Us""er s" (lower("E-mail Address"));
            CREATE VIEW v AS SELECT 1;
            CREATE TABLE "SQLiteLike" (x); ANALYZE;
            """#)
        let snapshot = try read(path).get()
        #expect(snapshot.versionRows == nil)
        #expect(snapshot.schema.tables.keys.sorted() == ["Order Line", "SQLiteLike", "Us\"er s"])
        let users = try #require(snapshot.schema.table("Us\"er s"))
        #expect(users.columns.map(\.name) == ["Íd", "E-mail Address", "ÄgeÜ", "created", "payload", "raw", "notype"])
        #expect(users.columns.map(\.family) == [.integer, .text, .integer, .datetime, .json, .binary, .other])
        #expect(users.column("E-mail Address")?.nullable == false)
        #expect(users.column("ÄgeÜ")?.defaultSQL == "'0'")
        #expect(users.column("created")?.defaultSQL == "CURRENT_TIMESTAMP")
        #expect(users.primaryKey == PrimaryKeySchema(columns: ["Íd"]))
        #expect(users.uniqueConstraints == [UniqueConstraintSchema(columns: ["E-mail Address"])])
        #expect(users.indexes == [IndexSchema(name: "ix_lower", columns: [nil], unique: true)])
        let lines = try #require(snapshot.schema.table("Order Line"))
        #expect(lines.primaryKey == PrimaryKeySchema(columns: ["b", "a"]))
        #expect(lines.indexes == [IndexSchema(name: "ix \"odd\" name", columns: ["amount", "b"], unique: false)])
        #expect(lines.uniqueConstraints == [UniqueConstraintSchema(columns: ["a", "amount"])])
        // `REFERENCES t` without columns: the parent's primary key.
        #expect(lines.foreignKeys == [ForeignKeySchema(columns: ["user"], referredTable: "Us\"er s", referredColumns: ["Íd"])])
        #expect(lines.column("amount")?.family == .numeric)
    }

    @Test func versionTableWithSeveralRowsAndOddName() throws {
        let path = try TestDatabases.temporaryDirectory() + "/v.db"
        try TestDatabases.sqlite(path, #"""
            CREATE TABLE "My ""Versions""" (version_num VARCHAR(32) NOT NULL PRIMARY KEY);
            INSERT INTO "My ""Versions""" VALUES ('aaa'), ('bbb'), ('zzz_unknown');
            """#)
        let snapshot = try read(path, IntrospectionRequest(versionTable: "My \"Versions\"")).get()
        #expect(snapshot.versionRows == ["aaa", "bbb", "zzz_unknown"])
        #expect(try read(path).get().versionRows == nil)  // alembic_version absent: not an error
    }

    @Test func emptyVersionTable() throws {
        let path = try TestDatabases.temporaryDirectory() + "/e.db"
        try TestDatabases.sqlite(path, "CREATE TABLE alembic_version (version_num VARCHAR(32) NOT NULL);")
        #expect(try read(path).get().versionRows == [])
    }

    @Test func missingFileIsReportedNeverCreated() throws {
        let directory = try TestDatabases.temporaryDirectory()
        let path = directory + "/missing.db"
        guard case let .failure(error) = SQLiteIntrospector(path: path).introspect(IntrospectionRequest()) else {
            Issue.record("expected a failure")
            return
        }
        #expect(error.kind == .fileNotFound)
        #expect(!FileManager.default.fileExists(atPath: path))
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory).isEmpty)
    }

    @Test func nonDatabaseFileAndDirectory() throws {
        let directory = try TestDatabases.temporaryDirectory()
        let path = directory + "/notes.txt"
        try Data(String(repeating: "this is not a database\n", count: 100).utf8).write(to: URL(fileURLWithPath: path))
        guard case let .failure(error) = try read(path) else {
            Issue.record("expected a failure")
            return
        }
        #expect(error.kind == .notADatabase)
        #expect(error.message.contains("not a SQLite database"))
        guard case let .failure(directoryError) = SQLiteIntrospector(path: directory).introspect(IntrospectionRequest()) else {
            Issue.record("expected a failure")
            return
        }
        #expect(directoryError.kind == .notADatabase)
    }

    @Test func emptyFileIsAnEmptyDatabase() throws {
        let path = try TestDatabases.temporaryDirectory() + "/empty.db"
        FileManager.default.createFile(atPath: path, contents: Data())
        let snapshot = try read(path).get()
        #expect(snapshot.schema.tables.isEmpty)
        #expect(snapshot.versionRows == nil)
    }

    @Test func readerResolvesRelativeURLs() throws {
        let directory = try TestDatabases.temporaryDirectory()
        try FileManager.default.createDirectory(atPath: directory + "/data/db", withIntermediateDirectories: true)
        try TestDatabases.sqlite(directory + "/data/db/app.db", "CREATE TABLE alembic_version (version_num VARCHAR(32) NOT NULL); INSERT INTO alembic_version VALUES ('abc');")
        let state = DatabaseReader.read(url: "sqlite:///./data/db/app.db", baseDirectory: directory, request: IntrospectionRequest())
        #expect(state.snapshot?.versionRows == ["abc"])
        #expect(state.url == "sqlite:///./data/db/app.db")
    }

    @Test func lockedDatabaseTimesOut() throws {
        let path = try TestDatabases.temporaryDirectory() + "/locked.db"
        try TestDatabases.sqlite(path, "CREATE TABLE t (x); PRAGMA journal_mode=DELETE;")
        // Another connection holds an exclusive lock: the read waits at most the timeout.
        let holder = try SQLiteHolder(path: path)
        defer { holder.release() }
        let start = Date()
        guard case let .failure(error) = SQLiteIntrospector(path: path).introspect(IntrospectionRequest(timeoutMilliseconds: 300)) else {
            Issue.record("expected a timeout")
            return
        }
        #expect(error.kind == .timeout)
        #expect(Date().timeIntervalSince(start) < 3)
    }
}
