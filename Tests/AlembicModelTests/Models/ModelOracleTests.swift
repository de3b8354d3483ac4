import AlembicModel
import Foundation
import Testing

/// The model index against SQLAlchemy itself: the oracle imports each fixture's model modules
/// in the venv and prints what the target `MetaData` holds; the schema alembic-ls reads
/// statically from the same files must be equal (tables, columns in order with their
/// nullability, primary keys, indexes, unique constraints, foreign keys, with names).
@Suite struct ModelOracleTests {
    static let oracleDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Oracle")
    static let repositoryRoot = oracleDirectory.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// One table as the oracle prints it.
    struct Table: Codable, Equatable {
        var columns: [[JSONScalar]]
        var primaryKey: [JSONScalar]?
        var indexes: [[JSONScalar]]
        var uniques: [[JSONScalar]]
        var foreignKeys: [[JSONScalar]]
    }

    /// A JSON value of the oracle's arrays.
    enum JSONScalar: Codable, Equatable, CustomStringConvertible {
        case string(String), bool(Bool), null, list([JSONScalar])

        init(from decoder: Decoder) throws {
            let container = try decoder.singleValueContainer()
            if container.decodeNil() { self = .null } else if let value = try? container.decode(Bool.self) {
                self = .bool(value)
            } else if let value = try? container.decode(String.self) {
                self = .string(value)
            } else {
                self = .list(try container.decode([JSONScalar].self))
            }
        }

        func encode(to encoder: Encoder) throws {
            var container = encoder.singleValueContainer()
            switch self {
            case let .string(value): try container.encode(value)
            case let .bool(value): try container.encode(value)
            case .null: try container.encodeNil()
            case let .list(values): try container.encode(values)
            }
        }

        var description: String {
            switch self {
            case let .string(value): "\"\(value)\""
            case let .bool(value): "\(value)"
            case .null: "null"
            case let .list(values): "[" + values.map(\.description).joined(separator: ", ") + "]"
            }
        }
    }

    static func strings(_ values: [String?]) -> JSONScalar { .list(values.map { $0.map(JSONScalar.string) ?? .null }) }

    static func shape(_ table: TableSchema) -> Table {
        func sortKey(_ row: [JSONScalar]) -> String { row.map(\.description).joined(separator: "|") }
        return Table(
            columns: table.columns.map { [.string($0.name), .bool($0.nullable)] },
            primaryKey: table.primaryKey.map { [$0.name.map(JSONScalar.string) ?? .null, strings($0.columns)] },
            indexes: table.indexes.map { [.string($0.name), strings($0.columns), .bool($0.unique)] }.sorted { sortKey($0) < sortKey($1) },
            uniques: table.uniqueConstraints.map { [.string($0.name ?? ""), strings($0.columns)] }.sorted { sortKey($0) < sortKey($1) },
            foreignKeys: table.foreignKeys.map {
                [.string($0.name ?? ""), strings($0.columns), .string($0.referredTable), $0.referredSchema.map(JSONScalar.string) ?? .null,
                 strings($0.referredColumns)]
            }.sorted { sortKey($0) < sortKey($1) })
    }

    static func oracleSort(_ table: Table) -> Table {
        func sortKey(_ row: [JSONScalar]) -> String { row.map(\.description).joined(separator: "|") }
        var table = table
        table.indexes.sort { sortKey($0) < sortKey($1) }
        table.uniques.sort { sortKey($0) < sortKey($1) }
        table.foreignKeys.sort { sortKey($0) < sortKey($1) }
        return table
    }

    static func compare(root: String, modules: [String], target: String, envPy: String) throws {
        let python = try OracleSupport.requirePython()
        let data = try OracleSupport.run(
            python, [oracleDirectory.appendingPathComponent("models_oracle.py").path, root, modules.joined(separator: ","), target],
            stdin: Data())
        let expected = try JSONDecoder().decode([String: Table].self, from: data).mapValues(oracleSort)
        #expect(!expected.isEmpty, "the oracle printed no tables")

        let workspace = WorkspaceModules(searchRoots: [root])
        let analysis = ModelAnalyzer.analyze(envPy: envPy, modules: workspace, modelFiles: [], bypasses: [])
        let identities = analysis.target.identities
        try #require(identities.count == 1, "target_metadata not resolved: \(analysis.target)")
        let schema = try #require(analysis.targetSchema)
        let ours = schema.tables.mapValues(shape)
        #expect(Set(ours.keys) == Set(expected.keys))
        for (name, table) in expected.sorted(by: { $0.key < $1.key }) {
            #expect(ours[name] == table, "table \(name)\nours:   \(ours[name].map { "\($0)" } ?? "missing")\noracle: \(table)")
        }
    }

    @Test func classicDeclarativeWithTablesAndConventions() throws {
        let root = Self.oracleDirectory.appendingPathComponent("models/classic").path
        try Self.compare(root: root, modules: ["shop.models"], target: "shop.db:metadata", envPy: root + "/env.py")
    }

    @Test func declarativeBaseWithMixinsAndInheritance() throws {
        let root = Self.oracleDirectory.appendingPathComponent("models/modern").path
        try Self.compare(root: root, modules: ["app.models"], target: "app.base:Base.metadata", envPy: root + "/env.py")
    }

    @Test func exampleProjectModels() throws {
        let root = Self.repositoryRoot.appendingPathComponent("Examples/ettametta").path
        try Self.compare(root: root, modules: ["src.api.utils.models"], target: "src.api.utils.models:Base.metadata",
                         envPy: root + "/alembic/env.py")
    }
}
