import Foundation
import Testing

/// Bad input never crashes or hangs `check`: it becomes a diagnostic or a clear error.
@Suite struct BadInputTests {
    static func project(_ extra: [String: String] = [:]) throws -> String {
        var files = [
            "alembic.ini": "[alembic]\nscript_location = %(here)s/alembic\n",
            "alembic/env.py": "",
            "alembic/versions/a.py": "revision = 'a'\ndown_revision = None\n",
        ]
        files.merge(extra) { $1 }
        return try temporaryTree(files)
    }

    @Test func deeplyNestedBracketsAndHugeFile() throws {
        let dir = try Self.project(["alembic/versions/nested.py": "revision = 'n'\ndown_revision = 'a'\nx = " + String(repeating: "[", count: 10_000) + "\n"])
        // A 50 MB file of repeated statements and garbage bytes.
        var big = Data("revision = 'big'\ndown_revision = 'a'\n".utf8)
        let chunk = Data("x = (1, 2, 'three') # \u{00e9}\n".utf8)
        while big.count < 50 << 20 { big.append(chunk) }
        try big.write(to: URL(fileURLWithPath: dir + "/alembic/versions/big.py"))
        let start = Date()
        let result = try CLI.alembicLS(["check", "--output-format", "json"], cwd: dir)
        #expect(Date().timeIntervalSince(start) < 60)
        #expect(result.status == 1)
        #expect(result.stdout.contains("ALM001"))   // too many nested parentheses
        #expect(result.stdout.contains("larger than the 16 MiB limit"))   // ALM002 for the 50 MB file
        #expect(result.stdout.contains("ALM002"))
    }

    @Test func binaryIniAndGarbageIni() throws {
        let dir = try Self.project()
        try Data((0 ..< 4096).map { UInt8(truncatingIfNeeded: $0 &* 31) }).write(to: URL(fileURLWithPath: dir + "/alembic.ini"))
        let binary = try CLI.alembicLS(["check"], cwd: dir)
        #expect(binary.status == 1 && binary.stdout.contains("ALM504"), "\(binary.stdout)\(binary.stderr)")
        try "[alembic\nscript_location = \n%(oops\n".write(toFile: dir + "/alembic.ini", atomically: true, encoding: .utf8)
        let garbage = try CLI.alembicLS(["check"], cwd: dir)
        #expect(garbage.status == 1 && garbage.stdout.contains("ALM504"), "\(garbage.stdout)\(garbage.stderr)")
    }

    @Test func symlinkLoopsAndUnreadableDirectories() throws {
        let dir = try Self.project()
        try FileManager.default.createSymbolicLink(atPath: dir + "/loop", withDestinationPath: dir)
        try FileManager.default.createSymbolicLink(atPath: dir + "/alembic/versions/sub", withDestinationPath: dir + "/alembic/versions")
        try FileManager.default.createDirectory(atPath: dir + "/locked", withIntermediateDirectories: true)
        chmod(dir + "/locked", 0)
        defer { chmod(dir + "/locked", 0o755) }
        let start = Date()
        let result = try CLI.alembicLS(["check"], cwd: dir)
        #expect(Date().timeIntervalSince(start) < 30)
        #expect(result.status == 0 || result.status == 1, "\(result.stderr)")
        #expect(!result.stderr.contains("Fatal error"))
    }

    @Test func headsOnBrokenTreeFailsCleanly() throws {
        let dir = try Self.project(["alembic/versions/b.py": "revision = 'b'\n"])
        let result = try CLI.alembicLS(["heads"], cwd: dir)
        #expect(result.status == 2)
        #expect(result.stderr.contains("has no attribute 'down_revision'"))
        let dangling = try Self.project(["alembic/versions/b.py": "revision = 'b'\ndown_revision = 'zzzz'\n"])
        let heads = try CLI.alembicLS(["heads"], cwd: dangling)
        #expect(heads.status == 1)
        #expect(heads.stderr.contains("zzzz"))
    }
}
