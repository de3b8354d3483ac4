import AlembicModel
import Foundation
import PythonSyntax
import Testing

/// Checks the extractor against Alembic itself: the oracle script runs the corpus's
/// `upgrade()` through Alembic's real `op` API (offline, PostgreSQL dialect), recording every
/// operation object Alembic invokes; the extractor must see the same kinds, tables, schemas,
/// columns, names and implicit indexes/constraints, in the same order.
@Suite struct OperationOracleTests {
    static let oracleDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Oracle")

    struct Record: Codable, Equatable, CustomStringConvertible {
        var kind: String
        var table: String?
        var schema: String?
        var column: String?
        var name: String?
        var new_name: String?
        var referent: String?
        var implicit: [String]

        var description: String {
            "\(kind) \(schema.map { $0 + "." } ?? "")\(table ?? "-") col=\(column ?? "-") name=\(name ?? "-") new=\(new_name ?? "-") ref=\(referent ?? "-") \(implicit)"
        }
    }

    static func record(_ operation: MigrationOperation) -> Record {
        let implicit = operation.implicitObjects.compactMap { object -> String? in
            switch object.kind {
            case .index: "index"
            case .uniqueIndex: "uniqueIndex"
            case .uniqueConstraint: "uniqueConstraint"
            case .foreignKey: "foreignKey"
            case .checkConstraint: "checkConstraint"
            case .primaryKey: nil
            }
        }.sorted()
        let column = [.addColumn, .dropColumn, .alterColumn].contains(operation.kind) ? operation.column?.value : nil
        return Record(
            kind: operation.kind.methodName, table: operation.table?.value, schema: operation.schema?.value,
            column: column, name: operation.objectName?.value, new_name: operation.newName?.value,
            referent: operation.referentTable?.value, implicit: implicit)
    }

    @Test func extractorAgreesWithAlembicOnTheCorpus() throws {
        let python = try OracleSupport.requirePython()
        let corpus = Self.oracleDirectory.appendingPathComponent("operations_corpus.py")
        let data = try OracleSupport.run(
            python, [Self.oracleDirectory.appendingPathComponent("operations_oracle.py").path, corpus.path], stdin: Data())
        let expected = try JSONDecoder().decode([Record].self, from: data)
        let source = try [UInt8](Data(contentsOf: corpus))
        let ours = OperationExtractor.extract(parseModule(source))
            .filter { $0.kind != .batchAlterTable && $0.isUpgrade }.map(Self.record)
        #expect(expected.count > 50, "the oracle recorded too few operations: \(expected.count)")
        #expect(ours.count == expected.count)
        for (mine, theirs) in zip(ours, expected) {
            #expect(mine == theirs, "extractor: \(mine)\nalembic:   \(theirs)")
        }
    }
}
