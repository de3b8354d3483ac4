import Foundation
import Testing

@testable import PythonSyntax

/// The acceptance test: on the standard library and the installed alembic / sqlalchemy, our
/// first error is exactly where `ast.parse` fails, and there is none where it succeeds.
@Suite struct CorpusOracleTests {
    @Test func standardLibraryAndPackagesMatchAstParse() throws {
        let files = try Oracle.corpus()
        #expect(files.count > 2000)
        var mismatches: [String] = []
        var failing = 0
        var bytesTotal = 0
        for file in files {
            guard let path = file.path, let data = FileManager.default.contents(atPath: path) else {
                mismatches.append("unreadable \(file.path ?? "?")")
                continue
            }
            let bytes = [UInt8](data)
            bytesTotal += bytes.count
            let parsed = parseModule(bytes)
            if file.ok {
                if let first = parsed.errors.first {
                    let pos = Oracle.position(of: first, in: bytes)
                    mismatches.append("\(path): unexpected error at \(pos.line):\(pos.column): \(first.message)")
                }
            } else {
                failing += 1
                let expected = file.position
                guard let first = parsed.errors.first else {
                    mismatches.append(
                        "\(path): no error, CPython: \(expected.line):\(expected.column) \(file.msg ?? "")")
                    continue
                }
                let pos = Oracle.position(of: first, in: bytes)
                if pos.line != expected.line || pos.column != expected.column {
                    mismatches.append(
                        "\(path): error at \(pos.line):\(pos.column) \(first.message); CPython: \(expected.line):\(expected.column) \(file.msg ?? "")"
                    )
                }
            }
        }
        print(
            "corpus: \(files.count) files, \(failing) failing ast.parse, \(String(format: "%.1f", Double(bytesTotal) / 1e6)) MB, \(mismatches.count) mismatches"
        )
        for m in mismatches { print("MISMATCH \(m)") }
        #expect(mismatches.isEmpty)
    }
}
