import Lint
import TestSupport
import Testing

@Suite struct UnusedNoqaTests {
    static func lint(_ fixture: Fixture) -> [Diagnostic] {
        fixture.lint(settings: LintSettings(select: [RuleSelector("ALM1"), RuleSelector("ALM901")])).filter { $0.code == "ALM901" }
    }

    @Test func unusedCodesAreReportedUsedAndForeignOnesAreNot() throws {
        let fixture = try Fixture.project([
            "a.py": migration("a", nil).replacingOccurrences(of: "revision = 'a'", with: "revision = 'a'  # noqa: ALM102, E501"),
            "b.py": migration("b", "'zz'").replacingOccurrences(of: "down_revision = 'zz'", with: "down_revision = 'zz'  # noqa: ALM102, ALM105"),
            "c.py": migration("c", "'a'").replacingOccurrences(of: "revision = 'c'", with: "revision = 'c'  # noqa"),
        ])
        defer { fixture.remove() }
        let found = Self.lint(fixture)
        #expect(found.map(\.message).sorted() == ["Unused `noqa` code `ALM102`", "Unused `noqa` code `ALM105`"])
        // The fix keeps the codes still in use (and the other tool's code).
        let onA = try #require(found.first { $0.location.path.hasSuffix("a.py") })
        #expect(onA.fix?.edits.first?.edits.first?.newText == "# noqa: E501")
        let onB = try #require(found.first { $0.location.path.hasSuffix("b.py") })
        #expect(onB.fix?.edits.first?.edits.first?.newText == "# noqa: ALM102")
    }

    @Test func fileDirectivesAndUnknownCodes() throws {
        let fixture = try Fixture.project([
            "a.py": "# alembic-ls: noqa: ALM110\n" + migration("a", nil),
            "b.py": "# alembic-ls: noqa\n" + migration("b", "'a'").replacingOccurrences(of: "revision = 'b'", with: "revision = 'b'  # noqa: ALM999"),
        ])
        defer { fixture.remove() }
        let messages = fixture.lint(settings: LintSettings()).filter { $0.code == "ALM901" }.map(\.message).sorted()
        #expect(messages == [
            "Unused `# alembic-ls: noqa` directive: it suppresses nothing in this file",
            "Unused `noqa` code `ALM110`",
            "Unused `noqa` code `ALM999` (unknown: ALM999)",
        ])
    }

    @Test func disabledRulesAndItselfAreNotJudged() throws {
        let fixture = try Fixture.project([
            "a.py": migration("a", nil).replacingOccurrences(of: "revision = 'a'", with: "revision = 'a'  # noqa: ALM501, ALM120, ALM901"),
        ])
        defer { fixture.remove() }
        #expect(fixture.lint(settings: LintSettings(select: [RuleSelector("ALM1"), RuleSelector("ALM901")])).isEmpty)
    }

    @Test func directiveRangeStopsAtTheCodeList() {
        let line = Array("x = 1  # noqa: ALM105, ALM102  # trailing".utf8)
        let range = UnusedNoqa.directiveRange(in: line[...])
        #expect(range.map { String(decoding: line[$0.start ..< $0.end], as: UTF8.self) } == "# noqa: ALM105, ALM102")
    }
}
