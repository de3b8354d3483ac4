import Lint
import TestSupport
import Testing

@Suite struct MultipleHeadsTests {
    @Test func reportsEachHeadWithTheOthersRelated() throws {
        let fixture = try Fixture.project([
            "a.py": migration("a4b1aaadd072", nil),
            "b.py": "revision = 1️⃣'001_create_user_table'\ndown_revision = 'a4b1aaadd072'\n",
            "c.py": "revision = 2️⃣'b2c3d4e5f6g7'\ndown_revision = 'a4b1aaadd072'\n",
        ])
        defer { fixture.remove() }
        let found = fixture.lint("ALM105").sorted { $0.location.path < $1.location.path }
        #expect(found.count == 2)
        #expect(found[0].location.range.start == fixture.location("1️⃣")?.offset)
        #expect(found[1].location.range.start == fixture.location("2️⃣")?.offset)
        #expect(found[0].related.map(\.location.path) == [fixture.path("alembic/versions/c.py")])
        #expect(found[0].message.contains("alembic upgrade head"))
    }

    @Test func mergedHeadsAreClean() throws {
        let fixture = try Fixture.project([
            "a.py": migration("a", nil), "b.py": migration("b", "'a'"), "c.py": migration("c", "'a'"),
            "m.py": migration("m", "('b', 'c')"),
        ])
        defer { fixture.remove() }
        #expect(fixture.lint("ALM105").isEmpty)
    }

    @Test func separatelyLabelledBranchesAreAllowed() throws {
        // OpenStack's expand/contract layout: two heads, each on its own labelled branch.
        let fixture = try Fixture.project([
            "a.py": migration("start", nil),
            "e.py": migration("e1", "'start'", labels: "('expand',)"),
            "c.py": migration("c1", "'start'", labels: "('contract',)"),
            "e2.py": migration("e2", "'e1'"),
        ])
        defer { fixture.remove() }
        #expect(fixture.lint("ALM105").isEmpty)
    }

    @Test func twoHeadsOnTheSameLabelAreReported() throws {
        let fixture = try Fixture.project([
            "a.py": migration("start", nil, labels: "('main',)"),
            "b.py": migration("b1", "'start'"),
            "c.py": migration("c1", "'start'"),
        ])
        defer { fixture.remove() }
        #expect(fixture.lint("ALM105").count == 2)
    }

    @Test func noqaOnTheRevisionLineSuppresses() throws {
        let fixture = try Fixture.project([
            "a.py": migration("a", nil),
            "b.py": "revision = 'b'  # noqa: ALM105\ndown_revision = 'a'\n",
            "c.py": "revision = 'c'\ndown_revision = 'a'\n",
        ])
        defer { fixture.remove() }
        #expect(fixture.lint("ALM105").map(\.location.path) == [fixture.path("alembic/versions/c.py")])
    }
}
