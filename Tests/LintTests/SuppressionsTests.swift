import Lint
import Testing

@Suite struct SuppressionsTests {
    @Test func lineAndFileDirectives() {
        let s = Suppressions(comments: [
            (line: 3, text: "# noqa: ALM105, ALM2"),
            (line: 5, text: "# noqa"),
            (line: 7, text: "# TODO: noqa is not a directive here"),
            (line: 9, text: "#noqa:ALM101"),
        ])
        #expect(s.suppresses(code: "ALM105", line: 3))
        #expect(s.suppresses(code: "ALM201", line: 3))
        #expect(!s.suppresses(code: "ALM101", line: 3))
        #expect(s.suppresses(code: "ALM999", line: 5))
        #expect(!s.suppresses(code: "ALM105", line: 7))
        #expect(s.suppresses(code: "ALM101", line: 9))
        #expect(!s.suppresses(code: "ALM105", line: 4))

        let file = Suppressions(comments: [(line: 0, text: "# alembic-ls: noqa: ALM110")])
        #expect(file.suppresses(code: "ALM110", line: 40))
        #expect(!file.suppresses(code: "ALM105", line: 40))
    }
}
