import AlembicModel
import Foundation
import Testing

/// ``MakoTemplate`` against the real Mako from the venv on small templates that exercise
/// the subset's edge cases (newlines around control lines, continuations, `%%`, comments,
/// filters, CRLF), and robustness on syntax outside the subset.
@Suite struct MakoTemplateOracleTests {
    static let variables: [String: MakoValue] = [
        "message": .string("Hello 'world'"), "up_revision": .string("abc"),
        "down_revision": .tuple([.string("x1"), .string("y2")]), "single": .string("only"),
        "branch_labels": .none, "empty": .string(""), "number": .int(7),
        "comma": .function("format_as_comma"),
    ]

    static let templates: [String] = [
        "a\n% if message:\nyes ${message}\n% endif\nb\n",
        "% if not message:\nno\n% elif number == 7:\nseven\n% else:\nother\n% endif\n",
        "  % for d in down_revision:\n  - ${d}\n  % endfor\nend",
        "line one \\\nline two\n## comment\n%% percent\n  %%% more\n",
        "${down_revision | comma,n} ${single | comma,n} ${branch_labels | comma,n}|${repr(down_revision)} ${repr(branch_labels)}\n",
        "${branch_labels} ${number} ${empty if empty else 'fallback'} ${imports if imports else ''}\n",
        "<%text>${not rendered} % neither</%text>\n<%doc>gone\n</%doc>x\n",
        "crlf\r\n% if message:\r\nin ${message}\r\n% endif\r\nout\r\n",
        "${ message . replace ( 'world' , 'there' ) } ${'%s_upgrades' % single} ${(1, 'a')}\n",
        "<%\n    name = message.upper()\n%>\n${name} ${f'{single}!r' if single else ''}\n",
        "${'  padded ' | trim} ${'<&>' | h} ${message | n}\n",
        "% for a, b in (('k', 'v'), ('k2', 'v2')):\n${a}=${b}\n% endfor\n",
        "${len(down_revision) > 1 and 'many' or 'one'} ${'x' in down_revision} ${'x1' in down_revision}\n",
    ]

    @Test func rendersLikeMako() throws {
        let python = try CLI.requirePython()
        let script = """
            import json, sys
            from mako.template import Template
            from alembic.util import format_as_comma
            templates = json.load(sys.stdin)
            kw = dict(message="Hello 'world'", up_revision="abc", down_revision=("x1", "y2"), single="only",
                      branch_labels=None, empty="", number=7, comma=format_as_comma)
            out = []
            for t in templates:
                try:
                    out.append(Template(text=t).render_unicode(**kw))
                except Exception as e:
                    out.append("ERROR " + type(e).__name__)
            print(json.dumps(out))
            """
        let output = try CLI.run(python, ["-c", script], stdin: try JSONSerialization.data(withJSONObject: Self.templates))
        try #require(output.status == 0, "\(output.stderr)")
        let expected = try #require(try JSONSerialization.jsonObject(with: Data(output.stdout.utf8)) as? [String])
        for (template, want) in zip(Self.templates, expected) {
            let got: String
            switch MakoTemplate.parse(template).flatMap({ $0.render(Self.variables) }) {
            case .success(let text): got = text
            case .failure(let error): got = "ERROR \(error.message)"
            }
            #expect(got == want, "template: \(template.debugDescription)")
        }
    }

    @Test(arguments: [
        "<%def name=\"x()\">hi</%def>", "<%inherit file=\"base.mako\"/>", "% while True:\nx\n% endwhile\n",
        "<% import os %>", "<% x, y = 1, 2 %>", "${a, b}", "${x | u}", "${open('f').read()}", "${[i for i in 'ab']}",
        "<%! import re %>${re.compile('x')}", "<%! import os %>${os.getcwd()}", "${create_date.strftime('%Y')}",
    ])
    func unsupportedSyntaxIsReported(template: String) {
        var variables = Self.variables
        variables["create_date"] = .dateTime(PythonDateTime(Date(timeIntervalSince1970: 0), in: TimeZone(identifier: "UTC") ?? .current, aware: false))
        let result = MakoTemplate.parse(template).flatMap { $0.render(variables) }
        guard case .failure(.unsupportedSyntax) = result else {
            Issue.record("expected unsupportedSyntax for \(template.debugDescription), got \(result)")
            return
        }
    }

    @Test(arguments: ["${", "${x", "<%", "% if x:\nno end\n", "% endif\n", "% else:\n", "${'unterminated}", "<%text>open", "${undefined_name}", "${)}"])
    func malformedTemplatesFailWithoutCrashing(template: String) {
        let result = MakoTemplate.parse(template).flatMap { $0.render(Self.variables) }
        guard case .failure = result else {
            Issue.record("expected a failure for \(template.debugDescription), got \(result)")
            return
        }
    }
}
