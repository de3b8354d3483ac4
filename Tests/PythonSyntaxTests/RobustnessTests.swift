import Foundation
import Testing

@testable import PythonSyntax

/// Hostile input: deep nesting, garbage, invalid UTF-8, NUL bytes. No crash, bounded time,
/// an error reported.
@Suite struct RobustnessTests {
    /// Parses on a thread with a 4 MiB stack (release builds need less than 512 KiB; debug
    /// frames are several times larger).
    func parseOnSmallStack(_ bytes: [UInt8]) -> ParsedModule? {
        final class Box: @unchecked Sendable { var result: ParsedModule? }
        let box = Box()
        let done = DispatchSemaphore(value: 0)
        let thread = Thread {
            box.result = parseModule(bytes)
            done.signal()
        }
        thread.stackSize = 4 * 1024 * 1024
        thread.start()
        done.wait()
        return box.result
    }

    static let deepInputs: [(String, String)] = [
        (
            "10,000 nested parentheses",
            "x = " + String(repeating: "(", count: 10_000) + String(repeating: ")", count: 10_000) + "\n"
        ),
        ("10,000 unclosed brackets", String(repeating: "[", count: 10_000)),
        (
            "10,000 nested calls",
            "x = " + String(repeating: "f(", count: 10_000) + String(repeating: ")", count: 10_000)
        ),
        ("100,000 unary minus", "x = " + String(repeating: "-", count: 100_000) + "1\n"),
        ("100,000 not", "x = " + String(repeating: "not ", count: 100_000) + "1\n"),
        ("10,000 lambdas", "x = " + String(repeating: "lambda: ", count: 10_000) + "1\n"),
        ("10,000 conditionals", "x = " + String(repeating: "a if b else ", count: 10_000) + "1\n"),
        ("10,000 powers", "x = " + String(repeating: "a ** ", count: 10_000) + "1\n"),
        (
            "1,000 nested f-strings",
            "x = " + String(repeating: "f'{", count: 1_000) + "1" + String(repeating: "}'", count: 1_000) + "\n"
        ),
        ("10,000 patterns", "match x:\n    case " + String(repeating: "(", count: 10_000) + "\n"),
        ("5,000 elifs", "if a:\n    pass\n" + String(repeating: "elif b:\n    pass\n", count: 5_000)),
        ("200 indentation levels", (0..<200).map { String(repeating: " ", count: $0) + "if x:\n" }.joined()),
    ]

    @Test(arguments: deepInputs.map(\.0))
    func deepNestingReportsAnErrorWithoutOverflow(name: String) throws {
        let source = try #require(Self.deepInputs.first { $0.0 == name }?.1)
        let start = Date()
        let parsed = try #require(parseOnSmallStack(Array(source.utf8)))
        #expect(Date().timeIntervalSince(start) < 5)
        if name != "5,000 elifs" { #expect(!parsed.errors.isEmpty) }
    }

    @Test func deeplyNestedBracketsMatchCPythonsLimit() {
        let ok = parseModule(
            Array(("x = " + String(repeating: "(", count: 199) + "1" + String(repeating: ")", count: 199) + "\n").utf8))
        #expect(ok.errors.isEmpty)
        let deep = parseModule(
            Array(("x = " + String(repeating: "(", count: 201) + "1" + String(repeating: ")", count: 201) + "\n").utf8))
        #expect(deep.errors.first?.message == "too many nested parentheses")
        #expect(deep.errors.first?.range.start == 4 + 200)
    }

    @Test func fiftyMegabytesOfGarbage() {
        var generator = SplitMix64(seed: 42)
        var bytes = [UInt8](repeating: 0, count: 50_000_000)
        bytes.withUnsafeMutableBytes { raw in
            let words = raw.bindMemory(to: UInt64.self)
            for i in words.indices { words[i] = generator.next() }
        }
        let start = Date()
        let parsed = parseModule(bytes)
        #expect(Date().timeIntervalSince(start) < 60)
        #expect(!parsed.errors.isEmpty)
        #expect(parsed.errors.count <= 3000)
    }

    @Test func fiftyMegabytesOfPythonishGarbage() {
        var generator = SplitMix64(seed: 7)
        let alphabet = Array("abc xyz_019()[]{}:;,.'\"\\#=+-*/%@!<>\n\t    \r".utf8)
        var bytes = [UInt8](repeating: 0, count: 50_000_000)
        for i in bytes.indices { bytes[i] = alphabet[Int(generator.next() % UInt64(alphabet.count))] }
        let start = Date()
        let parsed = parseModule(bytes)
        #expect(Date().timeIntervalSince(start) < 60)
        #expect(!parsed.errors.isEmpty)
    }

    @Test func invalidUTF8AndSurrogatesAndNulBytes() {
        let cases: [[UInt8]] = [
            [0xFF, 0xFE, 0x00, 0x41],
            Array("x = '".utf8) + [0xED, 0xA0, 0x80] + Array("'\n".utf8),  // encoded surrogate
            Array("x = '\\ud800'\n".utf8),
            Array("x = 1\n".utf8) + [0x00] + Array("y = 2\n".utf8),
            Array("def f(\u{0}):\n".utf8),
            [0xC3],
            [0xEF, 0xBB, 0xBF],
            [],
        ]
        for bytes in cases {
            let parsed = parseModule(bytes)
            _ = TreeDump.dump(parsed)
            for stmt in parsed.allStatements { _ = stmt.kind }
        }
        #expect(
            parseModule(Array("x = 1\n".utf8) + [0x00]).errors.first?.message
                == "source code string cannot contain null bytes")
        let surrogate = parseModule(Array("x = '\\ud800'\n".utf8))
        #expect(surrogate.errors.isEmpty)
        if case .assign(_, let value) = surrogate.body.first?.kind {
            #expect(value.stringValue == "\u{FFFD}")
        }
        #expect(parseModule([0xFF, 0x0A]).errors.isEmpty == false)
        #expect(parseModule([]).errors.isEmpty)
    }
}

/// A small deterministic generator for test data.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
