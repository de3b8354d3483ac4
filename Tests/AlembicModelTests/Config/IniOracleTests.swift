import AlembicModel
import Foundation
import Testing

/// Compares ``IniParser`` and ``IniFile/interpolatedValue(section:key:)`` with Python's own
/// `configparser.ConfigParser({"here": ...})` on hand-written edge cases and on a few hundred
/// generated files, all read in one Python process.
@Suite struct IniOracleTests {
    static let script = """
        import sys, json, configparser, os
        paths = json.load(sys.stdin)
        out = []
        for path in paths:
            here = os.path.dirname(os.path.abspath(path))
            cp = configparser.ConfigParser({"here": here})
            try:
                cp.read([path], encoding="utf-8")
            except Exception as e:
                out.append({"error": type(e).__name__})
                continue
            sections = {}
            for name in ["DEFAULT"] + cp.sections():
                raw = dict(cp._defaults) if name == "DEFAULT" else dict(cp._sections[name])
                values = {}
                keys = list(cp._defaults.keys()) if name == "DEFAULT" else cp.options(name)
                for key in keys:
                    try:
                        values[key] = cp.get(name, key)
                    except Exception as e:
                        values[key] = "!" + type(e).__name__
                sections[name] = {"raw": raw, "values": values}
            out.append({"sections": sections, "order": cp.sections()})
        json.dump(out, sys.stdout)
        """

    struct Section: Codable {
        var raw: [String: String]
        var values: [String: String]
    }

    struct Result: Codable {
        var error: String?
        var sections: [String: Section]?
        var order: [String]?
    }

    static let handWritten: [[UInt8]] = [
        "[alembic]\nscript_location = a\n",
        "[a]\nk = v\n  cont\n# c\n\n  more\n\n\n",
        "[a]\nk =\n  x\n  y\n[b]\nk: %(k)s/z\n",
        "  [indented]\n  k = v\n    cont\n  j = w\n",
        "[a] tail ] more\nk=v\n",
        "[DEFAULT]\nbase = %(here)s/q\n[DEFAULT]\nother = 1\n[s]\nx = %(base)s %% %(other)s\n",
        "[s]\nx = %(y)s\ny = %(x)s\n",
        "[s]\nx = 100%\ny = %(missing)s\nz = %(here)s\nw = %(Z)s\n",
        "[s]\nk = v\n\tcontinued with tab\n",
        "[s]\nk = a\u{00A0}\n\u{00A0}\u{00A0}nbsp-indented\n",
        "[s]\nk = v ; not an inline comment\nj = w # neither\n",
        "[s]\nkey with spaces  =  spaced value  \n",
        "[s]\n: no key\n",
        "[s]\nk = 1\nk = 2\n",
        "[s]\n[s]\n",
        "no header\n",
        "\n\n# only comments\n; here\n",
        "[s]\r\nk = v\r\n  c\r\n",
        "[s]\rk = v\r  c\r",
        "[s]\nk = v\n   \n  c\n",
        "[]\n[s]\n",
        "[s]\nk=%(here)s%%(x)s\n",
    ].map { Array($0.utf8) } + [
        [0xEF, 0xBB, 0xBF] + Array("[s]\nk = v\n".utf8),
        [0x5B, 0x73, 0x5D, 0x0A, 0x6B, 0x3D, 0xFF],
    ]

    /// Line-structured random ini files.
    static func generated(count: Int) -> [[UInt8]] {
        var generator = SystemRandomNumberGenerator()
        let lines = [
            "[alembic]", "[other]", "[DEFAULT]", "  [x]", "k = v", "K: w", "key = %(here)s/a", "k2 = %(k)s",
            "bad = 5%", "x = %%", "  continued", "\tcontinued", "", "   ", "# comment", "; comment", "=", "noval",
            "a=b=c", "u = \u{00E9}t\u{00E9}", "  k = indented", "ref = %(nope)s", "self = %(self)s", "sp = a b",
        ]
        return (0 ..< count).map { _ in
            let lineCount = Int.random(in: 0 ..< 9, using: &generator)
            var text = Bool.random(using: &generator) ? "[alembic]\n" : ""
            for _ in 0 ..< lineCount {
                text += (lines.randomElement(using: &generator) ?? "") + (Bool.random(using: &generator) ? "\n" : "\r\n")
            }
            return Array(text.utf8)
        }
    }

    @Test func matchesConfigparser() throws {
        let tree = try ConfigTestSupport.TempTree("ini-oracle")
        defer { tree.cleanup() }
        let inputs = Self.handWritten + Self.generated(count: 400)
        var paths: [String] = []
        for (index, bytes) in inputs.enumerated() {
            paths.append(try tree.write("f\(index)/alembic.ini", bytes: bytes))
        }
        let output = try ConfigTestSupport.runPython(Self.script, input: try JSONEncoder().encode(paths), cwd: tree.root)
        let results = try JSONDecoder().decode([Result].self, from: output)
        try #require(results.count == inputs.count)
        // Both outcomes must be well represented, or the comparison proves little.
        #expect(results.filter { $0.error != nil }.count >= 20)
        #expect(results.filter { ($0.sections?.count ?? 0) > 1 }.count >= 100)
        for (index, (path, oracle)) in zip(paths, results).enumerated() {
            let ini = IniParser.parse(contentsOf: path, cwd: tree.root)
            let text = String(decoding: inputs[index], as: UTF8.self).debugDescription
            if let error = oracle.error {
                #expect(!ini.isReadableByAlembic, "\(text): Python raises \(error)")
                let expected = error == "UnicodeDecodeError" ? "UTF-8" : error
                let fatal = ini.problems.first { !$0.message.contains("ParsingError") } ?? ini.problems.first
                #expect(fatal?.message.contains(expected) == true, "\(text): \(error) vs \(ini.problems)")
                continue
            }
            #expect(ini.isReadableByAlembic, "\(text): \(ini.problems)")
            guard let sections = oracle.sections else { continue }
            #expect(ini.sections.map(\.name) == oracle.order, "\(text)")
            for (name, expected) in sections {
                let section = name == "DEFAULT" ? ini.defaults : ini.section(named: name)
                var raw: [String: String] = [:]
                for entry in section?.entries ?? [] { raw[entry.key] = entry.value }
                if name == "DEFAULT" && raw["here"] == nil { raw["here"] = ini.here }
                #expect(raw == expected.raw, "\(text) [\(name)] raw values")
                for (key, value) in expected.values {
                    let mine: String
                    switch ini.interpolatedValue(section: name, key: key) {
                    case .success(let text)?: mine = text
                    case .failure(let error)?: mine = "!" + error.pythonException
                    case nil: mine = "<absent>"
                    }
                    #expect(mine == value, "\(text) [\(name)] \(key)")
                }
            }
        }
    }
}
