import AlembicModel
import DatabaseIntrospection
import Testing

/// SQLAlchemy URL forms, their libpq parameters, redaction and the resolution order.
@Suite struct URLTests {
    @Test(arguments: [
        ("sqlite:///data/db/app.db", "/proj/data/db/app.db"),
        ("sqlite:///./data/db/ettametta.db", "/proj/data/db/ettametta.db"),
        ("sqlite:////var/lib/app.db", "/var/lib/app.db"),
        ("sqlite+pysqlite:///x.db", "/proj/x.db"),
        ("sqlite+aiosqlite:///../up.db", "/up.db"),
    ])
    func sqlitePaths(url: String, path: String) throws {
        let parsed = try #require(SQLAlchemyURL(url))
        #expect(DatabaseTarget.resolve(parsed, baseDirectory: "/proj") == .success(.sqlite(path: path, isURI: false)))
    }

    @Test(arguments: ["sqlite://", "sqlite:///:memory:", "sqlite+pysqlite://"])
    func memoryDatabasesHaveNothingToRead(url: String) throws {
        let parsed = try #require(SQLAlchemyURL(url))
        guard case let .failure(error) = DatabaseTarget.resolve(parsed, baseDirectory: "/") else {
            Issue.record("expected a failure")
            return
        }
        #expect(error.kind == .inMemory)
    }

    @Test func sqliteURIForm() throws {
        let parsed = try #require(SQLAlchemyURL("sqlite:///file:data.db?mode=ro&uri=true"))
        #expect(DatabaseTarget.resolve(parsed, baseDirectory: "/p") == .success(.sqlite(path: "file:data.db", isURI: true)))
    }

    @Test(arguments: ["postgresql", "postgresql+psycopg2", "postgresql+psycopg", "postgres"])
    func postgresDrivers(scheme: String) throws {
        let parsed = try #require(SQLAlchemyURL("\(scheme)://scott:tiger@db.example:5433/app?sslmode=require"))
        let parameters = PostgreSQLConnectionParameters(parsed)
        #expect(parameters.conninfo == "host='db.example' port='5433' user='scott' password='tiger' dbname='app' sslmode='require'")
        #expect(parameters.redactedConninfo.contains("password='***'"))
        #expect(!parsed.redacted.contains("tiger"))
    }

    @Test func asyncpgSSLAndItsOwnParameters() throws {
        let parsed = try #require(SQLAlchemyURL("postgresql+asyncpg://u@h/db?ssl=true&prepared_statement_cache_size=0"))
        #expect(PostgreSQLConnectionParameters(parsed).conninfo == "host='h' user='u' dbname='db' sslmode='require'")
    }

    @Test func percentEncodedPasswordAndQuoting() throws {
        let parsed = try #require(SQLAlchemyURL("postgresql://us%40er:p%40ss%3Aw'o\\rd@localhost/my%20db"))
        #expect(parsed.username == "us@er")
        #expect(parsed.password == "p@ss:w'o\\rd")
        #expect(parsed.database == "my db")
        let conninfo = PostgreSQLConnectionParameters(parsed).conninfo
        #expect(conninfo == #"host='localhost' user='us@er' password='p@ss:w\'o\\rd' dbname='my db'"#)
        #expect(parsed.redacted == "postgresql://us%40er:***@localhost/my db")
    }

    @Test func socketDirectoryAndMultipleHosts() throws {
        let socket = try #require(SQLAlchemyURL("postgresql+psycopg2://user@/dbname?host=/var/run/postgresql"))
        #expect(PostgreSQLConnectionParameters(socket).conninfo == "host='/var/run/postgresql' user='user' dbname='dbname'")
        let multi = try #require(SQLAlchemyURL("postgresql+psycopg://u@/db?host=h1:5432&host=h2:5433&target_session_attrs=any"))
        #expect(PostgreSQLConnectionParameters(multi).conninfo == "host='h1,h2' port='5432,5433' user='u' dbname='db' target_session_attrs='any'")
    }

    @Test func emptyURLLeavesEverythingToLibpq() throws {
        // `postgresql://` with nothing: PGHOST, PGUSER, ~/.pgpass … decide, as for the drivers.
        let parsed = try #require(SQLAlchemyURL("postgresql://"))
        let session = PostgreSQLConnectionParameters(parsed).readOnlySession(timeoutMilliseconds: 1_500)
        #expect(session.conninfo == "connect_timeout='2' options='-c default_transaction_read_only=on -c statement_timeout=1500' fallback_application_name='alembic-ls'")
    }

    @Test func userOptionsAreKept() throws {
        let parsed = try #require(SQLAlchemyURL("postgresql://h/db?options=-csearch_path%3Dapp"))
        let session = PostgreSQLConnectionParameters(parsed).readOnlySession(timeoutMilliseconds: 5_000)
        #expect(session.value("options") == "-csearch_path=app -c default_transaction_read_only=on -c statement_timeout=5000")
    }

    @Test func ipv6Host() throws {
        let parsed = try #require(SQLAlchemyURL("postgresql://u:pw@[::1]:5432/db"))
        #expect(parsed.host == "::1")
        #expect(parsed.redacted == "postgresql://u:***@[::1]:5432/db")
    }

    @Test(arguments: ["", "not a url", "://x", "postgresql://u@h:notaport/db"])
    func invalidURLs(text: String) {
        #expect(SQLAlchemyURL(text) == nil)
        if case let .unavailable(_, reason) = DatabaseReader.read(url: text, baseDirectory: "/", request: IntrospectionRequest()) {
            #expect(reason.contains("not a SQLAlchemy database URL"))
        } else {
            Issue.record("expected unavailable")
        }
    }

    @Test func unsupportedDialect() {
        let state = DatabaseReader.read(url: "mysql+pymysql://u:secret@h/db", baseDirectory: "/", request: IntrospectionRequest())
        #expect(state == .unavailable(url: "mysql+pymysql://u:***@h/db", reason: "mysql+pymysql://u:***@h/db: alembic-ls reads SQLite and PostgreSQL databases, not 'mysql'"))
    }

    @Test func redactionOfTextsThatAreNotURLs() {
        #expect(DatabaseReader.redact("weird://user:secret@@host") == "weird://user:***@@host")
        #expect(DatabaseReader.redact("bad url://user:secret@host") == "bad url://***@host")
        #expect(DatabaseReader.redact("postgresql://user:secret@host/db") == "postgresql://user:***@host/db")
    }

    // MARK: resolution order

    static func environment(url: String?) -> AlembicEnvironment {
        AlembicEnvironment(
            kind: .ini, configFile: "/p/alembic.ini", section: "alembic", pyprojectFile: nil, workingDirectory: "/p",
            scriptLocation: nil, versionLocations: [], pathSeparator: nil,
            recursiveVersionLocations: ConfigSetting(value: false, source: .builtIn),
            sourceless: ConfigSetting(value: false, source: .builtIn),
            fileTemplate: ConfigSetting(value: "%(rev)s_%(slug)s", source: .builtIn), truncateSlugLength: nil, timezone: nil,
            sqlalchemyURL: url.map { ConfigSetting(value: $0, source: ConfigSource(origin: .ini(section: "alembic"), file: "/p/alembic.ini")) },
            versionTable: nil, versionTableSchema: nil, prependSysPath: [], envPy: nil, scriptTemplate: nil, problems: [])
    }

    @Test func resolutionOrder() {
        typealias R = DatabaseURLResolver
        let env = Self.environment(url: "sqlite:///ini.db")
        let all = ["DATABASE_URL": "sqlite:///env.db", "MY_DB": "sqlite:///mine.db"]
        #expect(R.resolve(settings: .init(databaseURL: "sqlite:///s.db", databaseURLEnv: "MY_DB"), environment: env, variables: all)?.url == "sqlite:///s.db")
        #expect(R.resolve(settings: .init(databaseURLEnv: "MY_DB"), environment: env, variables: all)
            == R.Resolution(url: "sqlite:///mine.db", origin: .settingVariable("MY_DB")))
        #expect(R.resolve(settings: .init(databaseURLEnv: "UNSET"), environment: env, variables: all)?.origin == .databaseURLVariable)
        #expect(R.resolve(settings: .init(), environment: env, variables: [:])?.url == "sqlite:///ini.db")
        #expect(R.resolve(settings: .init(), environment: Self.environment(url: "driver://user:pass@localhost/dbname"), variables: [:]) == nil)
        #expect(R.resolve(settings: .init(), environment: Self.environment(url: nil), variables: ["DATABASE_URL": "  "]) == nil)
    }

    @Test func typeFamilies() {
        #expect(ColumnTypeFamily.sqlite("VARCHAR(50)") == .text)
        #expect(ColumnTypeFamily.sqlite("INTERVAL") == .integer)  // SQLite affinity, as SQLAlchemy reflects it
        #expect(ColumnTypeFamily.sqlite("DATETIME") == .datetime)
        #expect(ColumnTypeFamily.sqlite("") == .other)
        #expect(ColumnTypeFamily.sqlite("UUID") == .numeric)
        #expect(ColumnTypeFamily.sqlite("double precision") == .numeric)
        #expect(ColumnTypeFamily.postgresql("character varying(50)") == .text)
        #expect(ColumnTypeFamily.postgresql("timestamp(3) with time zone") == .datetime)
        #expect(ColumnTypeFamily.postgresql("integer[]") == .other)
        #expect(ColumnTypeFamily.postgresql("jsonb") == .json)
        #expect(ColumnTypeFamily.postgresql("uuid") == .uuid)
        #expect(ColumnTypeFamily.postgresql("\"Mood\"") == .other)
    }
}
