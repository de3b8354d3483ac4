import AlembicModel
import Foundation
import TextCore

/// A temporary Alembic project written from inline files, shared by the test targets.
///
/// Files are given as `path: contents`; `1️⃣`, `2️⃣` … markers in a file's contents are
/// removed and their byte offsets recorded, so tests can say where a diagnostic must point.
public struct Fixture: Sendable {
    public let root: String
    /// Marker → (absolute path, byte offset).
    public let markers: [String: (path: String, offset: Int)]

    public static let markerNames = ["1️⃣", "2️⃣", "3️⃣", "4️⃣", "5️⃣", "6️⃣"]

    public init(_ files: [String: String]) throws {
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("alembic-ls-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: base, withIntermediateDirectories: true)
        root = base.path
        var markers: [String: (String, Int)] = [:]
        for (relative, contents) in files {
            var text = contents
            let path = base.appendingPathComponent(relative).path
            // Record markers in order of appearance.
            while let (name, range) = Self.markerNames.compactMap({ m in text.range(of: m).map { (m, $0) } }).min(by: { $0.1.lowerBound < $1.1.lowerBound }) {
                markers[name] = (path, text.utf8.distance(from: text.utf8.startIndex, to: range.lowerBound))
                text.removeSubrange(range)
            }
            try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try text.write(toFile: path, atomically: true, encoding: .utf8)
        }
        self.markers = markers
    }

    /// A standard project: `alembic.ini` pointing at `alembic/`, with the given migration
    /// files under `alembic/versions/`.
    public static func project(_ migrations: [String: String], extra: [String: String] = [:]) throws -> Fixture {
        var files = extra
        if files["alembic.ini"] == nil {
            files["alembic.ini"] = "[alembic]\nscript_location = %(here)s/alembic\nsqlalchemy.url = sqlite://\n"
        }
        files["alembic/env.py"] = files["alembic/env.py"] ?? "from alembic import context\n"
        for (name, text) in migrations { files["alembic/versions/\(name)"] = text }
        return try Fixture(files)
    }

    public func path(_ relative: String) -> String { root + "/" + relative }

    public func remove() { try? FileManager.default.removeItem(atPath: root) }

    /// Where a marker stood: the file and the byte offset.
    public func location(_ marker: String) -> (path: String, offset: Int)? { markers[marker] }

    /// The analysed project.
    public func analyze() -> ProjectAnalysis { ProjectLoader.load(roots: [root], cwd: root) }
}

/// A migration file as `alembic revision` writes it.
public func migration(_ revision: String, _ down: String?, labels: String = "None", depends: String = "None", doc: String = "message", body: String = "pass") -> String {
    let downLiteral = down ?? "None"
    return """
    \"\"\"\(doc)

    Revision ID: \(revision)
    Revises: \(down.map { $0.replacingOccurrences(of: "'", with: "").replacingOccurrences(of: "(", with: "").replacingOccurrences(of: ")", with: "") } ?? "")
    Create Date: 2026-01-01 00:00:00.000000

    \"\"\"
    from alembic import op
    import sqlalchemy as sa

    revision = '\(revision)'
    down_revision = \(downLiteral)
    branch_labels = \(labels)
    depends_on = \(depends)


    def upgrade():
        \(body)


    def downgrade():
        pass

    """
}
