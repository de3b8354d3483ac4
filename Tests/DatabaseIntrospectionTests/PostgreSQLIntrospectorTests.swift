import AlembicModel
import DatabaseIntrospection
import Foundation
import Testing

/// A real PostgreSQL 15 (`ALEMBIC_LS_TEST_PG`, started by `.ci/postgres.sh`): odd names,
/// `version_table_schema`, failures with clear reasons and no password, bounded waits, and
/// no writes.
@Suite(.serialized) struct PostgreSQLIntrospectorTests {
    func read(_ database: String, _ request: IntrospectionRequest = IntrospectionRequest()) throws -> DatabaseState {
        let url = try TestDatabases.postgresURL(database: database)
        return DatabaseReader.read(url: url, baseDirectory: "/", request: request)
    }

    @Test func oddNamesSchemasAndVersionTable() throws {
        let db = try TestDatabases.createPostgresDatabase()
        try TestDatabases.postgres(#"""
            CREATE SCHEMA "Ops ""Schema""";
            CREATE TYPE mood AS ENUM ('ok', 'sad');
            CREATE TABLE "Us""er s" ("Íd" serial PRIMARY KEY, "E-mail Address" varchar(100) NOT NULL,
                                     "ÄgeÜ" integer DEFAULT 0, created timestamptz DEFAULT now(), payload jsonb,
                                     raw bytea, tags text[], feeling mood, uid uuid, price numeric(10,2),
                                     CONSTRAINT "uq ""mail""" UNIQUE ("E-mail Address"));
            CREATE INDEX "ix ""odd""" ON "Us""er s" (lower("E-mail Address"), created);
            CREATE TABLE "Ops ""Schema""".child (id int PRIMARY KEY, owner int CONSTRAINT fk_owner REFERENCES "Us""er s");
            CREATE TABLE "Ops ""Schema""".alembic_version (version_num varchar(32) PRIMARY KEY);
            INSERT INTO "Ops ""Schema""".alembic_version VALUES ('r1'), ('r2');
            CREATE TABLE other_schema_ignored (x int);
            """#, database: db)
        let snapshot = try #require(try read(db, IntrospectionRequest(versionTableSchema: "Ops \"Schema\"")).snapshot)
        #expect(snapshot.defaultSchema == "public")
        #expect(snapshot.versionRows == ["r1", "r2"])
        #expect(snapshot.versionTableName == "Ops \"Schema\".alembic_version")
        #expect(snapshot.serverVersion.hasPrefix("PostgreSQL 15."))
        #expect(snapshot.schema.tables.keys.sorted() == [
            "Ops \"Schema\".alembic_version", "Ops \"Schema\".child", "Us\"er s", "other_schema_ignored"])
        let users = try #require(snapshot.schema.table("Us\"er s"))
        #expect(users.columns.map(\.family) == [.integer, .text, .integer, .datetime, .json, .binary, .other, .other, .uuid, .numeric])
        #expect(users.column("Íd")?.defaultSQL == "nextval('\"Us\"\"er s_Íd_seq\"'::regclass)")
        #expect(users.column("E-mail Address")?.type == "character varying(100)")
        #expect(users.column("E-mail Address")?.nullable == false)
        #expect(users.primaryKey == PrimaryKeySchema(name: "Us\"er s_pkey", columns: ["Íd"]))
        #expect(users.uniqueConstraints == [UniqueConstraintSchema(name: "uq \"mail\"", columns: ["E-mail Address"])])
        #expect(users.indexes == [IndexSchema(name: "ix \"odd\"", columns: [nil, "created"], unique: false)])
        let child = try #require(snapshot.schema.table("child", schema: "Ops \"Schema\""))
        #expect(child.foreignKeys == [ForeignKeySchema(name: "fk_owner", columns: ["owner"], referredTable: "Us\"er s", referredColumns: ["Íd"])])
        // Without version_table_schema: public.alembic_version does not exist.
        #expect(try read(db).snapshot?.versionRows == nil)
    }

    @Test func readsWriteNothing() throws {
        let db = try TestDatabases.createPostgresDatabase()
        try TestDatabases.postgres("CREATE TABLE alembic_version (version_num varchar(32) PRIMARY KEY); INSERT INTO alembic_version VALUES ('x');", database: db)
        let before = try TestDatabases.writeCounters(db)
        for _ in 0 ..< 3 { #expect(try read(db).snapshot?.versionRows == ["x"]) }
        #expect(try TestDatabases.writeCounters(db) == before)
        // The counters do move on a write (the check can fail).
        try TestDatabases.postgres("INSERT INTO alembic_version VALUES ('y')", database: db)
        #expect(try TestDatabases.writeCounters(db) != before)
    }

    @Test func sessionIsReadOnly() throws {
        // The parameters alembic-ls connects with refuse writes even if a query tried one.
        let url = try #require(SQLAlchemyURL(try TestDatabases.postgresURL(database: "postgres")))
        let session = PostgreSQLConnectionParameters(url).readOnlySession(timeoutMilliseconds: 2_000)
        #expect(try TestDatabases.postgres("SELECT 1", conninfo: session.conninfo) == [["1"]])
        #expect(throws: Failure.self) { try TestDatabases.postgres("CREATE TABLE nope (x int)", conninfo: session.conninfo) }
        #expect((try? TestDatabases.postgres("SELECT 1 FROM pg_class WHERE relname = 'nope'")) == [])
    }

    @Test func wrongPasswordHasAClearReasonAndNoPassword() throws {
        let base = try TestDatabases.postgresURL(database: "postgres")
        let url = base.replacingOccurrences(of: "://postgres@", with: "://alembic_ls_pw:wrong-s3cret@")
        guard case let .unavailable(shown, reason) = DatabaseReader.read(url: url, baseDirectory: "/", request: IntrospectionRequest()) else {
            Issue.record("expected a failure")
            return
        }
        #expect(reason.contains("password authentication failed"))
        #expect(!reason.contains("wrong-s3cret") && !shown.contains("wrong-s3cret"))
        #expect(shown.contains("alembic_ls_pw:***@"))
        let right = base.replacingOccurrences(of: "://postgres@", with: "://alembic_ls_pw:right-secret@")
        #expect(DatabaseReader.read(url: right, baseDirectory: "/", request: IntrospectionRequest()).snapshot != nil)
    }

    @Test func missingDatabaseAndRefusedPort() throws {
        guard case let .unavailable(_, reason) = try read("no_such_database_here") else {
            Issue.record("expected a failure")
            return
        }
        #expect(reason.contains("does not exist"))
        let port = try SilentServer.unusedPort()
        guard case let .unavailable(_, refused) = DatabaseReader.read(
            url: "postgresql://u:pw@127.0.0.1:\(port)/db", baseDirectory: "/", request: IntrospectionRequest()) else {
            Issue.record("expected a failure")
            return
        }
        #expect(refused.contains("refused"))
    }

    @Test func serverThatNeverAnswersTimesOut() throws {
        let server = try SilentServer()
        defer { server.close() }
        let start = Date()
        let state = DatabaseReader.read(
            url: "postgresql+psycopg2://u:secret@127.0.0.1:\(server.port)/db", baseDirectory: "/",
            request: IntrospectionRequest(timeoutMilliseconds: 700))
        let elapsed = Date().timeIntervalSince(start)
        guard case let .unavailable(_, reason) = state else {
            Issue.record("expected a timeout")
            return
        }
        #expect(reason.contains("no answer from the server within 700 ms"))
        #expect(!reason.contains("secret"))
        #expect(elapsed >= 0.6 && elapsed < 5, "took \(elapsed) s")
    }

    @Test func unreachableHostTimesOut() throws {
        // 192.0.2.0/24 is TEST-NET-1: packets go nowhere (or the network says unreachable).
        let start = Date()
        let state = DatabaseReader.read(
            url: "postgresql://u@192.0.2.1:5432/db", baseDirectory: "/", request: IntrospectionRequest(timeoutMilliseconds: 800))
        #expect(state.snapshot == nil)
        #expect(Date().timeIntervalSince(start) < 3)
    }
}
