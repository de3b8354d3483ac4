import Foundation

/// Shared helpers for the Config tests: temporary fixture trees and the Python oracle.
enum ConfigTestSupport {
    /// A temporary directory removed by `cleanup()`.
    struct TempTree {
        let root: String

        init(_ label: String) throws {
            let base = FileManager.default.temporaryDirectory.path
            let path = base + "/alembic-ls-config-\(label)-\(UUID().uuidString.prefix(8))"
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
            // Use the real path so comparisons with resolved paths are stable (macOS /private).
            root = URL(fileURLWithPath: path).resolvingSymlinksInPath().path
        }

        /// Writes `text` to `relative` (creating parent directories).
        @discardableResult
        func write(_ relative: String, _ text: String) throws -> String {
            try write(relative, bytes: Array(text.utf8))
        }

        /// Writes raw bytes to `relative`.
        @discardableResult
        func write(_ relative: String, bytes: [UInt8]) throws -> String {
            let path = root + "/" + relative
            try FileManager.default.createDirectory(
                atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true
            )
            try Data(bytes).write(to: URL(fileURLWithPath: path))
            return path
        }

        /// Creates a directory.
        @discardableResult
        func mkdir(_ relative: String) throws -> String {
            let path = root + "/" + relative
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
            return path
        }

        /// Creates a symlink at `relative` pointing to `target` (as written).
        func symlink(_ relative: String, to target: String) throws {
            try FileManager.default.createSymbolicLink(atPath: root + "/" + relative, withDestinationPath: target)
        }

        func path(_ relative: String) -> String { root + "/" + relative }

        func cleanup() {
            try? FileManager.default.removeItem(atPath: root)
        }
    }

    /// A revision file body with a unique id.
    static func revision(_ id: String) -> String {
        "revision = \"\(id)\"\ndown_revision = None\n"
    }

    /// The repository root (three levels above this file's directory).
    static var repositoryRoot: String {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0 ..< 4 { url.deleteLastPathComponent() }
        return url.path
    }

    /// The oracle interpreter: `$ALEMBIC_LS_PYTHON`, else `<repo>/.venv/bin/python`.
    static func pythonPath() throws -> String {
        if let configured = ProcessInfo.processInfo.environment["ALEMBIC_LS_PYTHON"], !configured.isEmpty {
            guard FileManager.default.isExecutableFile(atPath: configured) else {
                throw OracleError("ALEMBIC_LS_PYTHON=\(configured) is not an executable file")
            }
            return configured
        }
        let fallback = repositoryRoot + "/.venv/bin/python"
        guard FileManager.default.isExecutableFile(atPath: fallback) else {
            throw OracleError(
                "no oracle Python: set ALEMBIC_LS_PYTHON or create \(fallback) with alembic 1.20 installed"
            )
        }
        return fallback
    }

    struct OracleError: Error, CustomStringConvertible {
        var description: String
        init(_ description: String) { self.description = description }
    }

    /// Runs `script` with the oracle Python, feeding `input` on stdin; returns stdout.
    static func runPython(_ script: String, input: Data, cwd: String) throws -> Data {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try pythonPath())
        process.arguments = ["-c", script]
        process.currentDirectoryURL = URL(fileURLWithPath: cwd)
        let stdin = Pipe()
        let stdout = Pipe()
        let stderr = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = stderr
        try process.run()
        stdin.fileHandleForWriting.write(input)
        try stdin.fileHandleForWriting.close()
        let output = stdout.fileHandleForReading.readDataToEndOfFile()
        let errors = stderr.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw OracleError("oracle failed (\(process.terminationStatus)): \(String(decoding: errors, as: UTF8.self))")
        }
        return output
    }
}
