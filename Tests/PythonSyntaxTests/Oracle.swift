import Foundation
import Testing
import TextCore

@testable import PythonSyntax

/// Runs `Oracle/ast_oracle.py` with the venv interpreter (CPython's `ast.parse` is the oracle).
enum Oracle {
    /// Where CPython reports a syntax error: 1-based line and 1-based character offset.
    struct Outcome: Decodable {
        var ok: Bool
        var lineno: Int?
        var offset: Int?
        var endLineno: Int?
        var endOffset: Int?
        var msg: String?
        var path: String?

        enum CodingKeys: String, CodingKey {
            case ok, lineno, offset, msg, path
            case endLineno = "end_lineno"
            case endOffset = "end_offset"
        }

        /// CPython's position, with its "no location" forms (lineno 0 or None, offset -1 or 0)
        /// mapped to line 1 / column 1, as our parser reports them.
        var position: (line: Int, column: Int) {
            let line = (lineno ?? 0) <= 0 ? 1 : (lineno ?? 1)
            let column = (lineno ?? 0) <= 0 ? 1 : max(offset ?? 1, 1)
            return (line, column)
        }
    }

    static let script: String = {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Oracle/ast_oracle.py").path
    }()

    static let repoRoot: URL = {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
    }()

    /// The interpreter: `$ALEMBIC_LS_PYTHON`, else `<repo>/.venv/bin/python`.
    static func python() throws -> String {
        if let env = ProcessInfo.processInfo.environment["ALEMBIC_LS_PYTHON"], !env.isEmpty { return env }
        let path = repoRoot.appendingPathComponent(".venv/bin/python").path
        guard FileManager.default.isExecutableFile(atPath: path) else {
            throw OracleError.missing("no Python oracle: set ALEMBIC_LS_PYTHON or create \(path)")
        }
        return path
    }

    enum OracleError: Error, CustomStringConvertible {
        case missing(String)
        case failed(String)
        var description: String {
            switch self {
            case .missing(let s), .failed(let s): return s
            }
        }
    }

    static func run(_ mode: String, input: Data) throws -> Data {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try python())
        process.arguments = [script, mode]
        let stdin = Pipe()
        let stdout = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        try process.run()
        let writer = Thread {
            stdin.fileHandleForWriting.write(input)
            try? stdin.fileHandleForWriting.close()
        }
        writer.start()
        let data = stdout.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw OracleError.failed("oracle exited with \(process.terminationStatus)")
        }
        return data
    }

    /// `ast.parse` outcome for each source.
    static func outcomes(_ sources: [[UInt8]]) throws -> [Outcome] {
        let encoded = sources.map { Data($0).base64EncodedString() }
        let data = try run("snippets", input: try JSONEncoder().encode(encoded))
        return try JSONDecoder().decode([Outcome].self, from: data)
    }

    /// Every corpus file with its `ast.parse` outcome.
    static func corpus() throws -> [Outcome] {
        try JSONDecoder().decode([Outcome].self, from: try run("corpus", input: Data()))
    }

    /// Our first error as CPython would print it: 1-based line and character offset.
    static func position(of error: SyntaxError, in bytes: [UInt8]) -> (line: Int, column: Int) {
        let index = LineIndex(bytes)
        let pos = index.position(of: error.range.start, encoding: .utf32)
        // CPython counts columns of the first line after a UTF-8 BOM.
        let bom = bytes.starts(with: [0xEF, 0xBB, 0xBF]) && pos.line == 0 ? 1 : 0
        return (pos.line + 1, pos.column + 1 - bom)
    }
}
