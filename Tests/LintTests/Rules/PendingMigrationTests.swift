import AlembicModel
import Lint
import TestSupport
import Testing

@Suite struct PendingMigrationTests {
    static let tree = [
        "a.py": "revision = 1️⃣'a'\ndown_revision = None\n",
        "b.py": "revision = 2️⃣'b'\ndown_revision = 'a'\n",
        "c.py": "revision = 3️⃣'c'\ndown_revision = 'a'\n",
        "m.py": "revision = 4️⃣'m'\ndown_revision = ('b', 'c')\n",
    ]

    @Test func marksWhatUpgradeHeadsWouldRun() throws {
        let fixture = try Fixture.project(Self.tree)
        defer { fixture.remove() }
        let found = fixture.lint("ALM402", database: databaseAt(["b"]))
        #expect(Set(found.map(\.location.range.start)) == Set([fixture.location("3️⃣")?.offset, fixture.location("4️⃣")?.offset].compactMap { $0 }))
        #expect(found.allSatisfy { $0.severity == .information })
        #expect(found.contains { $0.message == "Revision 'm' is pending on sqlite:///app.db (step 2 of `alembic upgrade heads`)" })
    }

    @Test func severalRowsAndNoVersionTable() throws {
        let fixture = try Fixture.project(Self.tree)
        defer { fixture.remove() }
        #expect(fixture.lint("ALM402", database: databaseAt(["b", "c"])).count == 1)
        #expect(fixture.lint("ALM402", database: databaseAt(["m"])).isEmpty)
        #expect(fixture.lint("ALM402", database: databaseAt(nil)).count == 4)
        #expect(fixture.lint("ALM402").isEmpty)
    }

    @Test func statusOrdersAppliedNewestFirstAndPendingInUpgradeOrder() throws {
        let fixture = try Fixture.project(Self.tree)
        defer { fixture.remove() }
        let graph = try #require(fixture.analyze().environments.first).graph
        let status = DatabaseStatus.compute(versionRows: ["c", "nope"], graph: graph)
        #expect(status.current == ["c"])
        #expect(status.unknown == ["nope"])
        #expect(status.applied == ["c", "a"])
        #expect(status.pending == ["b", "m"])
        #expect(!status.unstamped)
        #expect(DatabaseStatus.compute(versionRows: nil, graph: graph).pending == ["a", "b", "c", "m"] || DatabaseStatus.compute(versionRows: nil, graph: graph).pending == ["a", "c", "b", "m"])
    }
}
