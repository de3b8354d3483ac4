import AlembicModel
import Testing
import TextCore

@Suite struct PyprojectAlembicConfigTests {
    func parse(_ text: String) -> PyprojectAlembicConfig {
        PyprojectAlembicConfig.parse(bytes: Array(text.utf8), path: "/proj/pyproject.toml", cwd: "/proj")
    }

    func slice(_ text: String, _ range: ByteRange?) -> String? {
        range.map { String(decoding: Array(text.utf8)[$0.range], as: UTF8.self) }
    }

    @Test func formatsValuesLikeAlembic() {
        let text = """
            [project]
            name = "x"

            [tool.alembic]
            script_location = "%(here)s/alembic"   # comment
            file_template = "%%(rev)s_%%(slug)s"
            version_locations = [
                "%(here)s/a",  # first
                'b',
            ]
            recursive_version_locations = true
            truncate_slug_length = 30
            bad_key = "%(nope)s"
            bad_conv = "%(here)d"
            ratio = 1.5
            post_write_hooks = [{ name = "ruff", type = "exec", executable = "%(here)s/ruff" }]

            [tool.other]
            script_location = "not me"
            """
        let config = parse(text)
        #expect(config.problems.isEmpty)
        #expect(config.hasAlembicTable)
        #expect(config.formattedValue("script_location") == .success(.string("/proj/alembic")))
        #expect(config.formattedValue("file_template") == .success(.string("%(rev)s_%(slug)s")))
        #expect(config.formattedValue("version_locations") == .success(.array([.string("/proj/a"), .string("b")])))
        #expect(config.formattedValue("recursive_version_locations") == .success(.bool(true)))
        #expect(config.formattedValue("truncate_slug_length") == .success(.int(30)))
        #expect(config.formattedValue("missing") == nil)
        for key in ["bad_key", "bad_conv", "ratio"] {
            guard case .failure(let problem)? = config.formattedValue(key) else {
                Issue.record("\(key) should fail")
                continue
            }
            #expect(problem.kind == .tomlInvalidValue)
            #expect(problem.range != nil)
        }
        // Hook tables: every string value formatted (toml++ may reorder keys).
        if case .success(.array(let hooks))? = config.formattedValue("post_write_hooks"),
            case .table(let entries)? = hooks.first
        {
            let values = Dictionary(uniqueKeysWithValues: entries.map { ($0.key, $0.value) })
            #expect(values == ["name": .string("ruff"), "type": .string("exec"), "executable": .string("/proj/ruff")])
        } else {
            Issue.record("post_write_hooks should be a list of tables")
        }
        #expect(slice(text, config.valueRange("script_location")) == "\"%(here)s/alembic\"")
        #expect(slice(text, config.keyRange("script_location")) == "script_location")
        #expect(config.elementRanges("version_locations").map { slice(text, $0) } == ["\"%(here)s/a\"", "'b'"])
        #expect(slice(text, config.tableRange) == "[tool.alembic]")
    }

    @Test func dottedKeysAndInlineTables() {
        let dotted = "[tool]\nalembic.script_location = \"m\"\n"
        let config = parse(dotted)
        #expect(config.value("script_location") == .string("m"))
        #expect(slice(dotted, config.valueRange("script_location")) == "\"m\"")
        let inline = "tool.alembic = { script_location = \"n\" }\n"
        #expect(parse(inline).value("script_location") == .string("n"))
    }

    @Test func badDocuments() {
        let syntax = parse("[tool.alembic\nscript_location = 1\n")
        #expect(syntax.problems.first?.kind == .tomlSyntax)
        #expect(syntax.problems.first?.range != nil)
        let notTable = parse("[tool]\nalembic = \"x\"\n")
        #expect(notTable.problems.first?.kind == .tomlInvalidValue)
        let binary = PyprojectAlembicConfig.parse(bytes: [0xFF, 0xFE, 0x00], path: "p.toml", cwd: "/")
        #expect(binary.problems.first?.kind == .tomlSyntax)
        let absent = parse("[project]\nname = 'x'\n")
        #expect(!absent.hasAlembicTable && absent.problems.isEmpty)
    }
}
