import Foundation
import Testing

/// Runs the built `alembic-ls` binary and the oracle interpreter.
enum CLI {
    /// The repository root, from this file's path.
    static let repoRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// `alembic-ls`, built next to the test bundle by `swift build` / `swift test`.
    static var binary: String? {
        let runner = URL(fileURLWithPath: CommandLine.arguments[0]).standardizedFileURL
        var dir = runner.deletingLastPathComponent()
        for _ in 0 ..< 4 {
            let candidate = dir.appendingPathComponent("alembic-ls").path
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
            dir = dir.deletingLastPathComponent()
        }
        let fallback = repoRoot.appendingPathComponent(".build/debug/alembic-ls").path
        return FileManager.default.isExecutableFile(atPath: fallback) ? fallback : nil
    }

    /// The oracle interpreter: `$ALEMBIC_LS_PYTHON`, else `<repo>/.venv/bin/python`.
    static var python: String? {
        if let env = ProcessInfo.processInfo.environment["ALEMBIC_LS_PYTHON"], FileManager.default.isExecutableFile(atPath: env) { return env }
        let venv = repoRoot.appendingPathComponent(".venv/bin/python").path
        return FileManager.default.isExecutableFile(atPath: venv) ? venv : nil
    }

    struct Output {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    static func run(_ executable: String, _ arguments: [String], cwd: String? = nil, stdin: Data? = nil, environment: [String: String] = [:], timeout: TimeInterval = 120) throws -> Output {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        if let cwd { process.currentDirectoryURL = URL(fileURLWithPath: cwd) }
        var env = ProcessInfo.processInfo.environment
        env.merge(environment) { $1 }
        env["NO_COLOR"] = "1"
        process.environment = env
        let out = Pipe(), err = Pipe(), inp = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = inp
        try process.run()
        if let stdin { inp.fileHandleForWriting.write(stdin) }
        try inp.fileHandleForWriting.close()
        // Read both pipes concurrently so a full pipe never blocks the child.
        nonisolated(unsafe) var errData = Data()
        let group = DispatchGroup()
        group.enter()
        DispatchQueue.global().async { errData = err.fileHandleForReading.readDataToEndOfFile(); group.leave() }
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning && Date() < deadline { usleep(10_000) }
        if process.isRunning { process.terminate(); throw Failure("\(executable) timed out after \(timeout) s") }
        group.wait()
        return Output(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self), stderr: String(decoding: errData, as: UTF8.self))
    }

    static func alembicLS(_ arguments: [String], cwd: String? = nil, stdin: Data? = nil, environment: [String: String] = [:]) throws -> Output {
        guard let binary else { throw Failure("alembic-ls binary not found next to the test bundle; run `swift build` first") }
        return try run(binary, arguments, cwd: cwd, stdin: stdin, environment: environment)
    }

    static func requirePython() throws -> String {
        guard let python else {
            throw Failure("the oracle interpreter is missing: run .ci/run (it creates .venv with alembic) or set ALEMBIC_LS_PYTHON")
        }
        return python
    }
}

struct Failure: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

/// A tiny golden-file helper: compares with `__Snapshots__/NAME`, rewrites it when
/// `UPDATE_SNAPSHOTS=1`.
func assertSnapshot(_ actual: String, named name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
    let url = CLI.repoRoot.appendingPathComponent("Tests/AlembicLSCLITests/__Snapshots__/\(name)")
    if ProcessInfo.processInfo.environment["UPDATE_SNAPSHOTS"] == "1" {
        try actual.write(to: url, atomically: true, encoding: .utf8)
        return
    }
    guard let expected = try? String(contentsOf: url, encoding: .utf8) else {
        Issue.record("missing snapshot \(name); run with UPDATE_SNAPSHOTS=1", sourceLocation: sourceLocation)
        return
    }
    #expect(actual == expected, "snapshot \(name) differs", sourceLocation: sourceLocation)
}

/// Writes files under a new temporary directory.
func temporaryTree(_ files: [String: String]) throws -> String {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent("alembic-ls-cli-\(UUID().uuidString)")
    for (relative, text) in files {
        let url = root.appendingPathComponent(relative)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try text.write(to: url, atomically: true, encoding: .utf8)
    }
    try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
    return root.path
}
