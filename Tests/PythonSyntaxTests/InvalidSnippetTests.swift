import Testing

@testable import PythonSyntax

/// Invalid (and a few valid) snippets: our first error must be where `ast.parse` reports it.
@Suite struct InvalidSnippetTests {
    static let snippets: [String] = [
        // Tokenizer: numbers.
        "1_\n", "0x\n", "012\n", "1abc\n", "0b2\n", "0o8\n", "0b1_\n", "1__0\n", "1e\n", "1e+\n", "0_1\n",
        "x = 1.5j_\n", "0xg\n", "1.2.3\n", "x = 5if y else 3\n",
        // Tokenizer: strings.
        "x = \"abc\n", "x = '''abc\n", "x = 'a\n'\n", "f\"abc\n", "b'\\xff' + \"a\n", "x = \"\"\"a\n\nb\n",
        "x = \"\\x4\"\n", "x = 'a' '\\x'\n", "x = '\\u12'\n", "x = '\\U11111111'\n", "x = '\\N{foo}'\n",
        "x = '\\N{LATIN SMALL LETTER A}'\n", "x = b\"é\"\n", "x = \"a\" b\"c\"\n", "x = b'\\x1'\n",
        // Tokenizer: brackets and characters.
        "x = (1,\n", "x = [\n", "foo(\n", "x = {'a': f(1,\n", "x = ]\n", "x = (]\n", "x = (\n1]\n", "x = )\n",
        "x = €\n", "a $ b\n", "a ? b\n", "a ! b\n", "\u{01}\n", "x = a\u{0}b\n", "x = `a`\n", "x\u{00A0}= 1\n",
        "x = \\ y\n", "x = 1 \\", "x=1\nx = \\ y\n",
        // Indentation.
        "if x:\n  pass\n    y\n", "if x:\n    pass\n  y\n", "if x:\n\tpass\n        pass\n", "\tif x:\n        pass\n",
        "x = 1\n  y = 2\n", "\u{0C}  x = 1\n", "class A:\n    x = 1\n  y = 2\n", "if x:\npass\n", "if x:\n",
        "if x:\n\n", "if x:\n  # c\n", "def f():\nreturn 1\n", "for x in y:\n# c\nz\n", "try:\n  pass\n",
        "while x:\n", "with x:\nz\n", "class A:\n", "if x:\n  pass\nelse:\nz\n",
        // Parser: generic invalid syntax.
        "x = 1 +\n", "x = 1 + # c\n", "x = 1 2\n", "x = 1;;\n", "@x\n", "@x\n\n", "except\n", "import a,\n",
        "a.b: int, c\n", "x: int, y: int = 1, 2\n", "def f(:\n    pass\n", "x = (1 2\n", "print x\n",
        "f(a \"b\")\n", "(_ x)\n", "match x:\n    pass\n", "match x:\n    case {**rest, \"a\": 1}: pass\n",
        "def f(a, a2 b): pass\n", "lambda: (yield)\n = 1\n", "x = yield = 1\n", "def\n", "class\n", "x.\n",
        "import\n", "from\n", "from . import\n", "from x import (a b)\n", "if x pass\n", "return return\n",
        "x = [i for i in]\n", "x = {1: }\n", "x = {1, 2:3}\n", "a = 1 if b\n", "x = not\n", "x = -\n",
        "del\n", "global\n", "assert\n", "raise from x\n", "await\n", "x = lambda x y: 0\n",
        "with open(x) as f, : pass\n", "for x in range(10) pass\n", "x = (a for a in b c)\n", "f(**)\n",
        "x = *\n", "x[1:2:3:4]\n", "x = 'a' 'b' c\n", "type X = \n", "def f[](): pass\n", "x = {**}\n",
        // Parser: specialised messages.
        "[1 2]\n", "f(a b)\n", "{1: 2 3}\n", "x = [1, 2 y]\n", "x = [a b\n]\n", "f\"{a b}\"\n",
        "print \"x\"\n", "x = 1 if y\n", "class A\n    pass\n", "for x in y\n    pass\n", "while x\n  pass\n",
        "f() = 1\n", "(a, b) += 1\n", "del f()\n", "from a import b,\n", "try:\n  pass\nexcept A, B:\n  pass\n",
        "f(**k, *a)\n", "f(a=1, b)\n", "f(x for x in y, 1)\n", "lambda x=1, y: 0\n", "def f(*): pass\n",
        "def f(x=1, y): pass\n", "x + 1 = 2\n", "[a, f()] = x\n", "for f() in x: pass\n", "with a as f(): pass\n",
        "a, *b() = c\n", "None = 1\n", "x = (yield) = 1\n", "f(a.b=1)\n", "a.b := 1\n", "x = (a.b := 1)\n",
        "def f(**k, a): pass\n", "def f(/, a): pass\n", "x: int, = 1\n", "[a]: int\n", "f(): int\n",
        "with (a as b, c as d:\n  pass\n", "f\"{}\"\n", "f\"{a!x}\"\n", "f\"{a\"\n", "f\"{a#}\"\n", "f'{a:{b}'\n",
        "f'}'\n", "f'{'\n", "f'{a!}'\n", "1 = x\n", "'a' = x\n", "x = [1, (2 y\n", "x = (1 2 [\n",
        "x = [1 2, (\n", "y = 1 2 [\n", "x = [a b] + (\n", "if x\n  y = (\n", "x = $ (\n", "x = [1, 2\ny = 3\n",
        "foo(a=1, b)\nx = (\n", "x = (1,\ny = 2\n\nz = 3\n", "def f(\n    a,\n",
        // Encodings.
        "# coding: foo\nx=1\n", "\u{FEFF}# coding: latin-1\nx=1\n", "#!x\n# coding: foo\nx=1\n",
        "x=1\n# coding: foo\nx=1\n",
        // Valid code (no error expected).
        "match x:\n    case 1 | y: pass\n", "with (a, b) as c: pass\n", "with (a as b, c): pass\n",
        "f\"\"\"{\na\n#c\n}\"\"\"\n", "x = 1\r\ny = 2\r", "if 1:\n  x\n\u{0C}  y\n",
        "def f[T: int, *Ts, **P](): pass\n",
        "x = '\\ud800'\n", "nonlocal x\n", "*a = 1\n", "f(a=1, a=2)\n",
        "x = 1.e5j + 0o17 + 0B1 + 0XfF + 1_0.0_1e+1_0J\n",
    ]

    @Test func firstErrorMatchesAstParse() throws {
        var sources = Self.snippets.map { Array($0.utf8) }
        // Invalid UTF-8 and a BOM with other cookies, as raw bytes.
        sources.append(Array("x = '".utf8) + [0xFF] + Array("'\n".utf8))
        sources.append(Array("x".utf8) + [0xFF] + Array(" = 1\n".utf8))
        sources.append(Array("x = 1 # ".utf8) + [0xFF] + [0x0A])
        sources.append(Array("# coding: latin-1\nx = '".utf8) + [0xFF] + Array("'\n".utf8))
        sources.append([0xEF, 0xBB, 0xBF] + Array("# coding: utf8\nx = 1\n".utf8))
        sources.append([0xEF, 0xBB, 0xBF] + Array("x = $\n".utf8))
        let outcomes = try Oracle.outcomes(sources)
        #expect(outcomes.count == sources.count)
        var mismatches: [String] = []
        var invalid = 0
        for (source, outcome) in zip(sources, outcomes) {
            let parsed = parseModule(source)
            let shown = String(decoding: source, as: UTF8.self).debugDescription
            if outcome.ok {
                if let first = parsed.errors.first {
                    let pos = Oracle.position(of: first, in: source)
                    mismatches.append("\(shown): unexpected error \(pos.line):\(pos.column) \(first.message)")
                }
                continue
            }
            invalid += 1
            let expected = outcome.position
            guard let first = parsed.errors.first else {
                mismatches.append(
                    "\(shown): no error; CPython \(expected.line):\(expected.column) \(outcome.msg ?? "")")
                continue
            }
            let pos = Oracle.position(of: first, in: source)
            if pos.line != expected.line || pos.column != expected.column {
                mismatches.append(
                    "\(shown): \(pos.line):\(pos.column) \(first.message); CPython \(expected.line):\(expected.column) \(outcome.msg ?? "")"
                )
            }
        }
        print("snippets: \(sources.count), invalid per CPython: \(invalid), mismatches: \(mismatches.count)")
        for m in mismatches { print("MISMATCH \(m)") }
        #expect(mismatches.isEmpty)
        #expect(invalid >= 100)
    }
}
