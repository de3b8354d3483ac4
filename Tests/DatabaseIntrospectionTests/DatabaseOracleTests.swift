import AlembicModel
import DatabaseIntrospection
import Foundation
import Testing

/// The real alembic upgrades SQLite and PostgreSQL databases of a fixture project step by
/// step; at each step alembic-ls's current / applied / pending equal alembic's
/// (`alembic current`, and the revisions `alembic upgrade heads` runs on a copy), its
/// schema equals SQLAlchemy's reflection, and its reads change nothing.
@Suite(.serialized) struct DatabaseOracleTests {
    static let migrations: [String: String] = [
        "r1.py": #"""
            """users"""
            import sqlalchemy as sa
            from alembic import op
            revision = "r1"
            down_revision = None
            def upgrade():
                op.create_table(
                    "users",
                    sa.Column("id", sa.Integer, primary_key=True),
                    sa.Column("Email Address", sa.String(100), nullable=False),
                    sa.Column("ÄgeÜ", sa.Integer, server_default="0"),
                    sa.Column("is_active", sa.Boolean),
                    sa.Column("created", sa.DateTime, server_default=sa.func.current_timestamp()),
                    sa.Column("payload", sa.JSON),
                    sa.Column("uid", sa.Uuid),
                )
                op.create_index("ix_users_email", "users", ["Email Address"], unique=True)
            """#,
        "r2.py": #"""
            """odd table"""
            import sqlalchemy as sa
            from alembic import op
            revision = "r2"
            down_revision = "r1"
            def upgrade():
                op.create_table(
                    'Odd "Name" Täble',
                    sa.Column("id", sa.Integer, primary_key=True),
                    sa.Column("user id", sa.Integer, sa.ForeignKey("users.id", name="fk_user")),
                    sa.Column("Code", sa.String(20)),
                    sa.UniqueConstraint("Code", name="uq_code"),
                )
                op.create_index("ix_odd", 'Odd "Name" Täble', ["Code", "user id"])
            """#,
        "r3.py": #"""
            """mixed case, a branch"""
            import sqlalchemy as sa
            from alembic import op
            revision = "r3"
            down_revision = "r1"
            def upgrade():
                op.create_table(
                    "MixedCase",
                    sa.Column("a", sa.Integer),
                    sa.Column("b", sa.String(10)),
                    sa.Column("amount", sa.Numeric(10, 2)),
                    sa.Column("blob", sa.LargeBinary),
                    sa.PrimaryKeyConstraint("a", "b", name="pk_mixed"),
                )
            """#,
        "r4.py": #"""
            """merge"""
            import sqlalchemy as sa
            from alembic import op
            revision = "r4"
            down_revision = ("r2", "r3")
            def upgrade():
                op.add_column("users", sa.Column("Nick Name", sa.String(30), nullable=True))
            """#,
    ]

    /// SQLAlchemy's reflection of every table, as JSON, with type families.
    static let reflectScript = #"""
        import json, sys
        import sqlalchemy as sa
        import sqlalchemy.types as T
        from sqlalchemy.dialects.postgresql import ARRAY

        def family(t):
            if isinstance(t, (T.Enum, ARRAY)): return "other"
            if isinstance(t, T.Boolean): return "boolean"
            if isinstance(t, T.Integer): return "integer"
            if isinstance(t, (T.DateTime, T.Date, T.Time, T.Interval)): return "datetime"
            if isinstance(t, T.Uuid): return "uuid"
            if isinstance(t, T.JSON): return "json"
            if isinstance(t, T.String): return "text"
            if isinstance(t, T._Binary): return "binary"
            if isinstance(t, (T.Numeric, T.Float)): return "numeric"
            return "other"

        engine = sa.create_engine(sys.argv[1])
        insp = sa.inspect(engine)
        out = {}
        for name in insp.get_table_names():
            pk = insp.get_pk_constraint(name)
            out[name] = {
                "columns": [[c["name"], family(c["type"]), c["nullable"], c.get("default")] for c in insp.get_columns(name)],
                "pk": [pk.get("name"), pk.get("constrained_columns") or []],
                "indexes": sorted([[i["name"], i["column_names"], bool(i["unique"])] for i in insp.get_indexes(name)
                                   if "duplicates_constraint" not in i]),
                "uniques": sorted([[u["name"], u["column_names"]] for u in insp.get_unique_constraints(name)], key=lambda u: u[1]),
                "fks": sorted([[f["name"], f["constrained_columns"], f["referred_table"], f["referred_schema"], f["referred_columns"]]
                               for f in insp.get_foreign_keys(name)], key=lambda f: f[1]),
            }
        engine.dispose()
        print(json.dumps(out))
        """#

    /// A fresh project from `alembic init` with the fixture migrations, pointed at `url`.
    func project(url: String) throws -> (directory: String, alembic: String) {
        let python = try TestDatabases.python()
        let alembic = (python as NSString).deletingLastPathComponent + "/alembic"
        let directory = try TestDatabases.temporaryDirectory()
        let initialized = try TestDatabases.run(alembic, ["init", "alembic"], cwd: directory)
        try #require(initialized.status == 0, "alembic init failed: \(initialized.stderr)")
        let ini = directory + "/alembic.ini"
        let text = try String(contentsOfFile: ini, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
            .map { $0.hasPrefix("sqlalchemy.url") ? "sqlalchemy.url = \(url)" : String($0) }.joined(separator: "\n")
        try text.write(toFile: ini, atomically: true, encoding: .utf8)
        for (name, source) in Self.migrations {
            try source.write(toFile: directory + "/alembic/versions/" + name, atomically: true, encoding: .utf8)
        }
        return (directory, alembic)
    }

    /// The ids `alembic current` prints.
    func alembicCurrent(_ project: (directory: String, alembic: String)) throws -> Set<String> {
        let result = try TestDatabases.run(project.alembic, ["current"], cwd: project.directory)
        try #require(result.status == 0, "alembic current failed: \(result.stderr)")
        return Set(result.stdout.split(separator: "\n").compactMap { $0.split(separator: " ").first.map(String.init) })
    }

    /// The revisions `alembic upgrade heads` runs, in order, on the project pointed at a
    /// copy of the database (`Running upgrade A, B -> C` log lines).
    func alembicPendingOnCopy(_ project: (directory: String, alembic: String)) throws -> [String] {
        let result = try TestDatabases.run(project.alembic, ["upgrade", "heads"], cwd: project.directory)
        try #require(result.status == 0, "alembic upgrade heads failed: \(result.stderr)")
        return result.stderr.split(separator: "\n").compactMap { line in
            guard let range = line.range(of: "Running upgrade ") else { return nil }
            let arrow = line[range.upperBound...].components(separatedBy: " -> ")
            return arrow.count == 2 ? arrow[1].split(separator: ",").first.map(String.init) : nil
        }
    }

    func reflection(_ sqlalchemyURL: String) throws -> [String: Any] {
        let result = try TestDatabases.run(try TestDatabases.python(), ["-c", Self.reflectScript, sqlalchemyURL])
        try #require(result.status == 0, "reflection failed: \(result.stderr)")
        return try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
    }

    /// Our schema in the oracle script's shape (constraint names dropped for SQLite, which
    /// keeps none in its catalog).
    func shape(_ schema: DatabaseSchema, names: Bool) -> String {
        var out: [String: Any] = [:]
        for (name, table) in schema.tables {
            out[name] = [
                "columns": table.columns.map { [$0.name, $0.family.rawValue, $0.nullable, $0.defaultSQL as Any] as [Any] },
                "pk": [names ? table.primaryKey?.name as Any : NSNull(), table.primaryKey?.columns ?? []] as [Any],
                "indexes": table.indexes.map { [$0.name, $0.columns.map { $0 as Any }, $0.unique] as [Any] },
                "uniques": table.uniqueConstraints.map { [names ? $0.name as Any : NSNull(), $0.columns] as [Any] },
                "fks": table.foreignKeys.map {
                    [names ? $0.name as Any : NSNull(), $0.columns, $0.referredTable, $0.referredSchema as Any, $0.referredColumns] as [Any]
                },
            ]
        }
        return canonical(out)
    }

    func canonical(_ value: Any, names: Bool = true) -> String {
        let cleaned = replacingOptionals(value)
        guard let data = try? JSONSerialization.data(withJSONObject: cleaned, options: [.sortedKeys]) else { return "?" }
        return String(decoding: data, as: UTF8.self)
    }

    private func replacingOptionals(_ value: Any) -> Any {
        if let dictionary = value as? [String: Any] { return dictionary.mapValues(replacingOptionals) }
        if let array = value as? [Any] { return array.map(replacingOptionals) }
        let mirror = Mirror(reflecting: value)
        if mirror.displayStyle == .optional { return mirror.children.first.map { replacingOptionals($0.value) } ?? NSNull() }
        return value
    }

    /// The oracle's reflection with SQLite constraint names dropped.
    func oracleShape(_ reflected: [String: Any], names: Bool) -> String {
        guard !names else { return canonical(reflected) }
        var out: [String: Any] = [:]
        for (name, value) in reflected {
            guard var table = value as? [String: Any] else { continue }
            if var pk = table["pk"] as? [Any] { pk[0] = NSNull(); table["pk"] = pk }
            table["uniques"] = (table["uniques"] as? [[Any]])?.map { [NSNull()] + $0.dropFirst() }
            table["fks"] = (table["fks"] as? [[Any]])?.map { [NSNull()] + $0.dropFirst() }
            out[name] = table
        }
        return canonical(out)
    }

    /// Upgrades step by step and compares at each step.
    func walk(
        url: String, names: Bool, copyDatabase: () throws -> String, fingerprint: () throws -> [String]
    ) throws {
        let project = try project(url: url)
        let analysis = ProjectLoader.load(roots: [project.directory], cwd: project.directory)
        let environment = try #require(analysis.environments.first)
        let resolved = try #require(DatabaseURLResolver.resolve(settings: .init(), environment: environment.environment, variables: [:]))
        #expect(resolved.url == url)
        for target in ["r2", "r3", "heads"] {
            let upgraded = try TestDatabases.run(project.alembic, ["upgrade", target], cwd: project.directory)
            try #require(upgraded.status == 0, "alembic upgrade \(target): \(upgraded.stderr)")
            let before = try fingerprint()
            let state = DatabaseReader.read(
                url: resolved.url, baseDirectory: project.directory, request: IntrospectionRequest(environment: environment.environment))
            let snapshot = try #require(state.snapshot, "read failed: \(state)")
            #expect(try fingerprint() == before, "alembic-ls changed the database at \(target)")
            let status = DatabaseStatus.compute(versionRows: snapshot.versionRows, graph: environment.graph)
            #expect(Set(status.current) == (try alembicCurrent(project)), "current at \(target)")
            #expect(status.unknown.isEmpty)
            let ours = shape(snapshot.schema, names: names)
            #expect(ours == oracleShape(try reflection(url), names: names), "schema at \(target)")
            for expected in ["Email Address", "ÄgeÜ", "ix_users_email", "Odd \\\"Name\\\" Täble", "fk_user", "ix_odd", "\"json\"", "\"uuid\""] {
                #expect(ours.contains(expected) || !names && ["fk_user", "\"uuid\""].contains(expected), "\(expected) missing from \(ours)")
            }
            // Pending: what `alembic upgrade heads` really runs on a copy.
            let copy = try copyDatabase()
            let copyProject = try self.project(url: copy)
            #expect(status.pending == (try alembicPendingOnCopy(copyProject)), "pending at \(target)")
            #expect(Set(status.applied).union(status.pending) == Set(environment.graph.revisionIDs))
        }
    }

    @Test func sqlite() throws {
        let directory = try TestDatabases.temporaryDirectory()
        let path = directory + "/app.db"
        try walk(
            url: "sqlite:///\(path)", names: false,
            copyDatabase: {
                let copy = try TestDatabases.temporaryDirectory() + "/copy.db"
                try FileManager.default.copyItem(atPath: path, toPath: copy)
                return "sqlite:///\(copy)"
            },
            fingerprint: { [FileManager.default.contents(atPath: path)?.base64EncodedString() ?? "missing"] })
    }

    @Test func postgresql() throws {
        let database = try TestDatabases.createPostgresDatabase()
        let url = try TestDatabases.postgresURL(database: database).replacingOccurrences(of: "postgresql://", with: "postgresql+psycopg://")
        try walk(
            url: url, names: true,
            copyDatabase: {
                let copy = database + "_c" + String(Int.random(in: 1000 ... 9999))
                try TestDatabases.postgres("CREATE DATABASE \(copy) TEMPLATE \(database)")
                return try TestDatabases.postgresURL(database: copy).replacingOccurrences(of: "postgresql://", with: "postgresql+psycopg://")
            },
            fingerprint: { try TestDatabases.writeCounters(database) })
    }

    @Test func unstampedDatabaseHasEverythingPending() throws {
        let path = try TestDatabases.temporaryDirectory() + "/empty.db"
        try TestDatabases.sqlite(path, "CREATE TABLE unrelated (x INTEGER)")
        let project = try project(url: "sqlite:///\(path)")
        let environment = try #require(ProjectLoader.load(roots: [project.directory], cwd: project.directory).environments.first)
        let snapshot = try #require(DatabaseReader.read(url: "sqlite:///\(path)", baseDirectory: "/", request: IntrospectionRequest()).snapshot)
        let status = DatabaseStatus.compute(versionRows: snapshot.versionRows, graph: environment.graph)
        #expect(status.unstamped && status.current.isEmpty)
        #expect(try alembicCurrent(project).isEmpty)
        #expect(status.pending == (try alembicPendingOnCopy(project)))
    }
}
