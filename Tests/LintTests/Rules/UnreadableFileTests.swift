import Foundation
import Lint
import TestSupport
import Testing

@Suite struct UnreadableFileTests {
    @Test func binaryAndInvalidUTF8FilesAreReportedNotCrashed() throws {
        let fixture = try Fixture.project(["a.py": migration("a", nil)])
        defer { fixture.remove() }
        let versions = fixture.path("alembic/versions")
        try Data([0x72, 0x65, 0x76, 0x00, 0x01, 0xFF]).write(to: URL(fileURLWithPath: versions + "/blob.py"))
        try Data("revision = 'b'\ndown_revision = 'a'\n# caf".utf8.map { $0 } + [0xE9, 0x0A]).write(to: URL(fileURLWithPath: versions + "/latin.py"))
        let found = fixture.lint("ALM002")
        #expect(Set(found.map(\.location.path)) == [versions + "/blob.py", versions + "/latin.py"])
        let latin = found.first { $0.location.path.hasSuffix("latin.py") }
        #expect(latin?.message.contains("not valid UTF-8") == true)
        // The invalid byte is where the diagnostic points.
        #expect(latin?.location.range.start == 40)
    }

    @Test func declaredLatin1EncodingIsAccepted() throws {
        let fixture = try Fixture.project(["a.py": migration("a", nil)])
        defer { fixture.remove() }
        let bytes: [UInt8] = Array("# -*- coding: latin-1 -*-\nrevision = 'b'\ndown_revision = 'a'\n# caf".utf8) + [0xE9, 0x0A]
        try Data(bytes).write(to: URL(fileURLWithPath: fixture.path("alembic/versions/latin.py")))
        #expect(fixture.lint("ALM002").isEmpty)
    }

    @Test func danglingSymlinkIsReported() throws {
        let fixture = try Fixture.project(["a.py": migration("a", nil)])
        defer { fixture.remove() }
        try FileManager.default.createSymbolicLink(atPath: fixture.path("alembic/versions/gone.py"), withDestinationPath: fixture.path("nowhere.py"))
        #expect(fixture.lint("ALM002").count == 1)
    }
}
