import Foundation
import Testing

@testable import PythonSyntax

/// Mutation testing against `ast.parse`: delete or duplicate one random token of sampled
/// corpus files (fixed seed) and compare. Asserts that we report an error exactly when
/// CPython does; reports how often the first error is on the same line and column.
@Suite struct MutationOracleTests {
    static func tokens(of bytes: [UInt8]) -> [(TokenKind, Int, Int)] {
        bytes.withUnsafeBufferPointer { p in
            var lexer = Lexer(p, start: 0, utf8: true)
            lexer.run()
            defer { lexer.tokens.free() }
            return (0..<lexer.tokens.count).map {
                (lexer.tokens.kinds[$0], Int(lexer.tokens.starts[$0]), Int(lexer.tokens.ends[$0]))
            }
        }
    }

    @Test func mutatedFilesMatchAstParse() throws {
        let files = try Oracle.corpus().filter(\.ok).compactMap(\.path)
        var generator = SplitMix64(seed: 2024)
        var mutants: [[UInt8]] = []
        var descriptions: [String] = []
        for (n, path) in files.enumerated() where n % 9 == 0 {
            guard let data = FileManager.default.contents(atPath: path), data.count < 40_000 else { continue }
            let bytes = [UInt8](data)
            let toks = Self.tokens(of: bytes).filter { $0.2 > $0.1 && $0.0 != .endMarker }
            if toks.isEmpty { continue }
            for _ in 0..<3 {
                let (_, s, e) = toks[Int(generator.next() % UInt64(toks.count))]
                var m = bytes
                let delete = generator.next() % 2 == 0
                if delete {
                    m.removeSubrange(s..<e)
                } else {
                    m.insert(contentsOf: Array(bytes[s..<e]) + [0x20], at: e)
                }
                mutants.append(m)
                descriptions.append(
                    "\(path) \(delete ? "delete" : "duplicate") \(s)..<\(e) \(String(decoding: bytes[s ..< e], as: UTF8.self).debugDescription)"
                )
            }
        }
        let outcomes = try Oracle.outcomes(mutants)
        var sameVerdict = 0
        var sameLine = 0
        var samePosition = 0
        var invalid = 0
        var verdictMismatches: [String] = []
        var positionMismatches: [String] = []
        for (k, (m, outcome)) in zip(mutants, outcomes).enumerated() {
            let parsed = parseModule(m)
            let ours = parsed.errors.first
            if (ours == nil) == outcome.ok {
                sameVerdict += 1
            } else {
                verdictMismatches.append(
                    "\(descriptions[k]): ours \(ours?.message ?? "ok"), CPython \(outcome.ok ? "ok" : (outcome.msg ?? ""))"
                )
                continue
            }
            guard let ours else { continue }
            invalid += 1
            let pos = Oracle.position(of: ours, in: m)
            let expected = outcome.position
            if pos.line == expected.line { sameLine += 1 }
            if pos.line == expected.line && pos.column == expected.column {
                samePosition += 1
            } else {
                positionMismatches.append(
                    "\(descriptions[k]): ours \(pos.line):\(pos.column) \(ours.message); CPython \(expected.line):\(expected.column) \(outcome.msg ?? "")"
                )
            }
        }
        print(
            "mutants: \(mutants.count), same verdict: \(sameVerdict), both invalid: \(invalid), same line: \(sameLine), same line and column: \(samePosition)"
        )
        for m in verdictMismatches { print("VERDICT \(m)") }
        for m in positionMismatches.prefix(30) { print("POSITION \(m)") }
        #expect(verdictMismatches.isEmpty)
        #expect(Double(samePosition) >= 0.95 * Double(invalid))
    }
}
