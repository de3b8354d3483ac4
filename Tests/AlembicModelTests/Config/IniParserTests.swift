import AlembicModel
import Testing
import TextCore

@Suite struct IniParserTests {
    func parse(_ text: String) -> IniFile {
        IniParser.parse(bytes: Array(text.utf8), path: "/proj/alembic.ini", cwd: "/proj")
    }

    func slice(_ text: String, _ range: ByteRange) -> String {
        String(decoding: Array(text.utf8)[range.range], as: UTF8.self)
    }

    @Test func keysValuesAndRanges() throws {
        let text = "# top\n[alembic]\n  Script_Location =  %(here)s/alembic  \nsqlalchemy.url: driver://u:p@h/db\n"
        let ini = parse(text)
        #expect(ini.problems.isEmpty)
        #expect(ini.here == "/proj")
        let entry = ini.entry(section: "alembic", key: "SCRIPT_LOCATION")
        #expect(entry?.key == "script_location")
        #expect(entry?.value == "%(here)s/alembic")
        #expect(entry.map { slice(text, $0.keyRange) } == "Script_Location")
        #expect(entry.map { slice(text, $0.valueRange) } == "%(here)s/alembic")
        #expect(ini.entry(section: "alembic", key: "sqlalchemy.url")?.value == "driver://u:p@h/db")
        #expect(try ini.interpolatedValue(section: "alembic", key: "script_location")?.get() == "/proj/alembic")
        // Section names are case-sensitive.
        #expect(ini.section(named: "Alembic") == nil)
    }

    @Test func continuationLinesCommentsAndBlankLines() {
        let text = "[a]\nk = first\n    second\n# comment, skipped\n\n    third\n\nother = x\n"
        let ini = parse(text)
        let entry = ini.entry(section: "a", key: "k")
        #expect(entry?.value == "first\nsecond\n\nthird")
        #expect(entry?.lineRanges.count == 4)
        #expect(entry.map { slice(text, $0.valueRange) } == "first\n    second\n# comment, skipped\n\n    third")
        #expect(ini.entry(section: "a", key: "other")?.value == "x")
    }

    @Test func emptyFirstLineValue() {
        let ini = parse("[a]\nlocations =\n    one\n    two\n")
        #expect(ini.entry(section: "a", key: "locations")?.value == "\none\ntwo")
    }

    @Test func defaultSectionAndInterpolation() throws {
        let text = "[DEFAULT]\nbase = %(here)s/x\n[a]\nk = %(base)s/y %% done\nbad = %(missing)s\nsyntax = 50%\n"
        let ini = parse(text)
        #expect(try ini.interpolatedValue(section: "a", key: "k")?.get() == "/proj/x/y % done")
        #expect(ini.hasOption(section: "a", key: "base"))
        #expect(ini.hasOption(section: "a", key: "here"))
        #expect(!ini.hasOption(section: "missing", key: "base"))
        guard case .failure(let missing) = ini.interpolatedValue(section: "a", key: "bad") else {
            Issue.record("expected a missing-option error")
            return
        }
        #expect(missing.pythonException == "InterpolationMissingOptionError")
        guard case .failure(let syntax) = ini.interpolatedValue(section: "a", key: "syntax") else {
            Issue.record("expected a syntax error")
            return
        }
        #expect(syntax.pythonException == "InterpolationSyntaxError")
        #expect(ini.interpolatedValue(section: "a", key: "nothing") == nil)
    }

    @Test func recursionLimit() {
        let ini = parse("[a]\nx = %(x)s\n")
        guard case .failure(let error) = ini.interpolatedValue(section: "a", key: "x") else {
            Issue.record("expected a depth error")
            return
        }
        #expect(error.pythonException == "InterpolationDepthError")
    }

    @Test func headerKeepsTextUpToLastBracket() {
        let ini = parse("[alembic] trailing ] text\nk = v\n")
        #expect(ini.sections.first?.name == "alembic] trailing ")
        #expect(ini.problems.isEmpty)
    }

    @Test(arguments: [
        ("k = v\n[a]\n", "MissingSectionHeaderError"),
        ("[a]\nno delimiter here\n", "ParsingError"),
        ("[a]\nk = 1\nK = 2\n", "DuplicateOptionError"),
        ("[a]\n[a]\n", "DuplicateSectionError"),
        ("[a]\n= value\n", "ParsingError"),
    ])
    func fatalErrors(text: String, exception: String) {
        let ini = parse(text)
        #expect(!ini.isReadableByAlembic)
        #expect(ini.problems.contains { $0.kind == .iniSyntax && $0.message.contains(exception) }, "\(ini.problems)")
        #expect(ini.problems.allSatisfy { $0.range != nil })
    }

    @Test func byteOrderMarkAndInvalidUTF8() {
        let bom = IniParser.parse(bytes: [0xEF, 0xBB, 0xBF] + Array("[a]\nk = v\n".utf8), path: "x.ini", cwd: "/")
        #expect(!bom.isReadableByAlembic)
        #expect(bom.entry(section: "a", key: "k")?.value == "v")
        let binary = IniParser.parse(bytes: [0x5B, 0x61, 0x5D, 0x0A, 0xC3, 0x28, 0x00], path: "x.ini", cwd: "/")
        #expect(!binary.isReadableByAlembic)
        #expect(binary.problems.first?.range == ByteRange(start: 4, end: 5))
    }

    @Test func unicodeWhitespaceAndIndentation() {
        // U+00A0 is whitespace for Python's str.strip(); a tab indents by one character.
        let text = "[a]\nk =\u{00A0}v\u{00A0}\n\tmore\n"
        let ini = parse(text)
        #expect(ini.entry(section: "a", key: "k")?.value == "v\nmore")
    }

    @Test func garbageNeverCrashes() {
        var generator = SystemRandomNumberGenerator()
        for _ in 0 ..< 300 {
            let length = Int.random(in: 0 ..< 200, using: &generator)
            let alphabet = Array("[]=:%()#; \t\r\nabcs\u{00A0}".utf8) + [0xFF, 0xC3]
            let bytes = (0 ..< length).map { _ in alphabet.randomElement(using: &generator) ?? 0 }
            let ini = IniParser.parse(bytes: bytes, path: "g.ini", cwd: "/")
            for section in ini.sections {
                for entry in section.entries {
                    _ = ini.interpolatedValue(section: section.name, key: entry.key)
                    #expect(entry.valueRange.end <= bytes.count)
                }
            }
        }
    }
}
