import AlembicModel
import Foundation

/// Temporary projects and the upgrade oracle for the schema timeline tests.
enum SchemaTestSupport {
    /// An env.py that really runs the migrations online (for the oracle).
    static let envPy = """
    from alembic import context
    from sqlalchemy import engine_from_config, pool

    config = context.config
    engine = engine_from_config(config.get_section(config.config_ini_section, {}), prefix="sqlalchemy.", poolclass=pool.NullPool)
    with engine.connect() as connection:
        context.configure(connection=connection, target_metadata=None)
        with context.begin_transaction():
            context.run_migrations()

    """

    /// Writes `migrations` (file name → text) under `alembic/versions` of a new temporary
    /// project with a SQLite URL and a working env.py; returns the root.
    static func project(_ migrations: [String: String]) throws -> String {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("alembic-ls-schema-\(UUID().uuidString)").path
        let versions = root + "/alembic/versions"
        try FileManager.default.createDirectory(atPath: versions, withIntermediateDirectories: true)
        try "[alembic]\nscript_location = %(here)s/alembic\nsqlalchemy.url = sqlite:///unused.db\n"
            .write(toFile: root + "/alembic.ini", atomically: true, encoding: .utf8)
        try envPy.write(toFile: root + "/alembic/env.py", atomically: true, encoding: .utf8)
        for (name, text) in migrations { try text.write(toFile: versions + "/" + name, atomically: true, encoding: .utf8) }
        return root
    }

    /// A migration module.
    static func migration(_ revision: String, _ down: String, upgrade: String) -> String {
        """
        from alembic import op
        import sqlalchemy as sa

        revision = '\(revision)'
        down_revision = \(down)
        branch_labels = None
        depends_on = None


        def upgrade():
        \(upgrade.split(separator: "\n", omittingEmptySubsequences: false).map { "    " + $0 }.joined(separator: "\n"))


        def downgrade():
            pass

        """
    }

    /// The timeline of the project at `root`.
    static func timeline(_ root: String) -> (SchemaTimeline, EnvironmentAnalysis, ProjectAnalysis) {
        let project = ProjectLoader.load(roots: [root], cwd: root)
        let environment = project.environments[0]
        return (environment.schemaTimeline(sources: project.sources), environment, project)
    }

    /// The repository root.
    static var repositoryRoot: String {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0 ..< 4 { url.deleteLastPathComponent() }
        return url.path
    }

    struct OracleError: Error, CustomStringConvertible {
        var description: String
    }

    /// The oracle interpreter: `$ALEMBIC_LS_PYTHON`, else `<repo>/.venv/bin/python`.
    static func python() throws -> String {
        if let configured = ProcessInfo.processInfo.environment["ALEMBIC_LS_PYTHON"], !configured.isEmpty {
            guard FileManager.default.isExecutableFile(atPath: configured) else {
                throw OracleError(description: "ALEMBIC_LS_PYTHON=\(configured) is not an executable file")
            }
            return configured
        }
        let fallback = repositoryRoot + "/.venv/bin/python"
        guard FileManager.default.isExecutableFile(atPath: fallback) else {
            throw OracleError(description: "no oracle Python: set ALEMBIC_LS_PYTHON or create \(fallback) with alembic and sqlalchemy")
        }
        return fallback
    }

    /// Runs `Tests/Oracle/upgrade_reflect.py` on `root` for `targets`; returns, per target,
    /// the error (nil when the upgrade succeeded) and the reflected schema, normalised.
    static func upgradeAndReflect(_ root: String, targets: [String]) throws -> [String: (error: String?, schema: [String])] {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try python())
        process.arguments = [repositoryRoot + "/Tests/Oracle/upgrade_reflect.py", root] + targets
        let stdout = Pipe(), stderr = Pipe()
        process.standardOutput = stdout
        process.standardError = stderr
        try process.run()
        let output = stdout.fileHandleForReading.readDataToEndOfFile()
        let errors = stderr.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0, let json = try JSONSerialization.jsonObject(with: output) as? [String: Any] else {
            throw OracleError(description: "oracle failed: \(String(decoding: errors, as: UTF8.self))")
        }
        var out: [String: (String?, [String])] = [:]
        for (target, value) in json {
            guard let result = value as? [String: Any], let tables = result["schema"] as? [String: Any] else { continue }
            out[target] = (result["error"] as? String, normalize(reflected: tables))
        }
        return out
    }

    /// One line per fact, sorted: `table`, `table.column nullable family`, `table pk …`,
    /// `table index …`, `table unique …`, `table fk …`.
    static func normalize(reflected tables: [String: Any]) -> [String] {
        var lines: [String] = []
        for (name, value) in tables {
            guard let table = value as? [String: Any] else { continue }
            lines.append("table \(name)")
            for case let column as [String: Any] in table["columns"] as? [Any] ?? [] {
                let type = column["type"] as? String ?? ""
                lines.append("column \(name).\(column["name"] as? String ?? "?") nullable=\(column["nullable"] as? Bool ?? true) family=\(ColumnTypeFamily.sqlite(type).rawValue)")
            }
            lines.append("pk \(name) \((table["pk"] as? [String] ?? []).joined(separator: ","))")
            for case let index as [Any] in table["indexes"] as? [Any] ?? [] where index.count == 3 {
                lines.append("index \(name) \(index[0]) (\((index[1] as? [String] ?? []).joined(separator: ","))) unique=\(index[2] as? Bool ?? false)")
            }
            for case let unique as [Any] in table["uniques"] as? [Any] ?? [] where unique.count == 2 {
                lines.append("unique \(name) \(unique[0]) (\((unique[1] as? [String] ?? []).joined(separator: ",")))")
            }
            for case let fk as [Any] in table["fks"] as? [Any] ?? [] where fk.count == 4 {
                lines.append("fk \(name) \(fk[0]) (\((fk[1] as? [String] ?? []).joined(separator: ","))) -> \(fk[2])(\((fk[3] as? [String] ?? []).joined(separator: ",")))")
            }
        }
        return lines.sorted()
    }

    /// The same lines for a replayed schema; a family SQLite cannot store (`uuid`) is compared
    /// as what SQLite reflects (`CHAR(32)`: text).
    static func normalize(_ schema: ReplayedSchema) -> [String] {
        var lines: [String] = []
        for replayed in schema.allTables {
            let table = replayed.table
            let name = table.name
            lines.append("table \(name)")
            for column in table.columns {
                let family = column.family == .uuid ? ColumnTypeFamily.text : column.family
                lines.append("column \(name).\(column.name) nullable=\(column.nullable) family=\(family.rawValue)")
            }
            lines.append("pk \(name) \((table.primaryKey?.columns ?? []).sorted().joined(separator: ","))")
            for index in table.indexes {
                lines.append("index \(name) \(index.name) (\(index.columns.map { $0 ?? "" }.joined(separator: ","))) unique=\(index.unique)")
            }
            for unique in table.uniqueConstraints {
                lines.append("unique \(name) \(unique.name ?? "") (\(unique.columns.sorted().joined(separator: ",")))")
            }
            for fk in table.foreignKeys {
                lines.append("fk \(name) \(fk.name ?? "") (\(fk.columns.joined(separator: ","))) -> \(fk.referredTable)(\(fk.referredColumns.joined(separator: ",")))")
            }
        }
        return lines.sorted()
    }
}
