import Foundation
import Testing

@testable import PythonSyntax

/// Node extents against CPython's `ast` (lineno, col_offset, end_lineno, end_col_offset)
/// for every statement, expression and pattern of a sample of the corpus.
@Suite struct RangeOracleTests {
    @Test func nodeRangesMatchAst() throws {
        let files = try Oracle.corpus().filter(\.ok).compactMap(\.path)
        // A deterministic sample: every 7th file, plus all of alembic.
        let sample = files.enumerated().filter {
            $0.offset % (ProcessInfo.processInfo.environment["RANGE_ORACLE_ALL"] == nil ? 7 : 1) == 0
                || $0.element.contains("/alembic/")
        }.map(\.element)
        let expected = try JSONDecoder().decode(
            [[String]].self, from: try Oracle.run("ranges", input: try JSONEncoder().encode(sample)))
        var mismatchedFiles: [String] = []
        var nodes = 0
        for (path, want) in zip(sample, expected) {
            guard let data = FileManager.default.contents(atPath: path) else { continue }
            let parsed = parseModule([UInt8](data))
            // ast columns of files in other encodings count bytes of the UTF-8 re-encoding.
            if !parsed.tree.sourceIsUTF8 { continue }
            let got = TreeDump.dump(parsed)
            nodes += want.count
            if got != want {
                let k = (0..<min(got.count, want.count)).first { got[$0] != want[$0] } ?? min(got.count, want.count)
                let g = k < got.count ? got[k] : "<end>"
                let w = k < want.count ? want[k] : "<end>"
                mismatchedFiles.append("\(path): node \(k): ours \(g), ast \(w)")
            }
        }
        print("ranges: \(sample.count) files, \(nodes) nodes, \(mismatchedFiles.count) files differ")
        for m in mismatchedFiles.prefix(40) { print("RANGE \(m)") }
        #expect(mismatchedFiles.isEmpty)
    }
}
