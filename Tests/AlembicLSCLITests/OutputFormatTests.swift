@testable import AlembicLSCLI
import Foundation
import Testing

/// Every `--output-format` on the broken example: golden files, plus independent checks of
/// the SARIF schema, the JUnit XML and the GitHub workflow-command grammar.
@Suite struct OutputFormatTests {
    static let brokenHeads = CLI.repoRoot.appendingPathComponent("Examples/broken-heads").path

    /// Runs `check` on the broken example with `arguments`; absolute paths become `<ROOT>`.
    /// The formats are shown on the graph findings: the operation rules (ALM2xx, whose own
    /// tests are in LintTests) are ignored.
    static func check(_ arguments: [String]) throws -> CLI.Output {
        var result = try CLI.alembicLS(["check", "--ignore", "ALM2"] + arguments, cwd: brokenHeads)
        result.stdout = result.stdout.replacingOccurrences(of: SARIFPath.encoded(brokenHeads), with: "<ROOT>")
            .replacingOccurrences(of: brokenHeads, with: "<ROOT>")
        return result
    }

    @Test(arguments: [
        ("full", "check-broken-heads.full.txt"), ("concise", "check-broken-heads.txt"),
        ("json", "check-broken-heads.json"), ("json-lines", "check-broken-heads.jsonl"),
        ("github", "check-broken-heads.github.txt"), ("gitlab", "check-broken-heads.gitlab.json"),
        ("sarif", "check-broken-heads.sarif"), ("junit", "check-broken-heads.junit.xml"),
    ])
    func goldenOutput(_ format: String, _ snapshot: String) throws {
        let result = try Self.check(["--output-format", format])
        #expect(result.status == 1, "\(result.stderr)")
        try assertSnapshot(result.stdout, named: snapshot)
    }

    @Test func textIsAnAliasOfConciseAndTheDefaultWhenPiped() throws {
        let concise = try Self.check(["--output-format", "concise"])
        #expect(try Self.check(["--output-format", "text"]).stdout == concise.stdout)
        #expect(try Self.check([]).stdout == concise.stdout)
        #expect(!concise.stdout.contains("\u{1B}["))
    }

    @Test func colourOnlyOnATerminalWithoutNoColor() {
        #expect(Terminal.useColor(isTerminal: true, environment: [:]))
        #expect(!Terminal.useColor(isTerminal: false, environment: [:]))
        #expect(!Terminal.useColor(isTerminal: true, environment: ["NO_COLOR": "1"]))
        #expect(Terminal.useColor(isTerminal: true, environment: ["NO_COLOR": ""]))
        #expect(!Terminal.useColor(isTerminal: true, environment: ["TERM": "dumb"]))
        let painted = Terminal(color: true).paint("x", .bold, .red)
        #expect(painted == "\u{1B}[1;31mx\u{1B}[0m")
        #expect(Terminal(color: false).paint("x", .bold) == "x")
    }

    /// On a real terminal (`script` allocates one) the default is `full`, coloured unless
    /// `NO_COLOR` is set.
    @Test func terminalDefaultsToFullWithColour() throws {
        let binary = try #require(CLI.binary)
        let command = "cd '\(Self.brokenHeads)' && '\(binary)' check"
        let coloured = try CLI.run("/usr/bin/env", ["-u", "NO_COLOR", "script", "-qec", command, "/dev/null"])
        #expect(coloured.stdout.contains("\u{1B}[1;31mALM105\u{1B}[0m"), "\(coloured.stdout)")
        #expect(coloured.stdout.contains("-->"))
        let plain = try CLI.run("/usr/bin/env", ["NO_COLOR=1", "script", "-qec", command, "/dev/null"])
        #expect(plain.stdout.contains("  --> alembic/versions/0003_add_user_email.py:15:17"))
        #expect(!plain.stdout.contains("\u{1B}["))
    }

    @Test func quietPrintsFindingsOnly() throws {
        let quiet = try Self.check(["--quiet"])
        #expect(quiet.status == 1)
        #expect(!quiet.stdout.contains("Found "))
        #expect(quiet.stdout.contains("ALM105"))
        let clean = try CLI.alembicLS(["check", "-q", "--ignore", "ALM2", "--ignore", "ALM3"], cwd: CLI.repoRoot.appendingPathComponent("Examples/ettametta").path)
        #expect(clean.status == 0 && clean.stdout.isEmpty)
    }

    @Test func statisticsCountPerRule() throws {
        let text = try Self.check(["--statistics"])
        #expect(text.status == 1)
        #expect(text.stdout == "4\tALM105\t[ ] multiple-heads\n1\tALM101\t[ ] missing-down-revision\n1\tALM102\t[ ] unknown-down-revision\n")
        let json = try Self.check(["--statistics", "--output-format", "json"])
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]])
        #expect(rows.compactMap { $0["code"] as? String } == ["ALM105", "ALM101", "ALM102"])
        #expect(rows.first?["count"] as? Int == 4)
    }

    @Test func jsonLinesHasOneObjectPerDiagnostic() throws {
        let lines = try Self.check(["--output-format", "json-lines"]).stdout.split(separator: "\n")
        let array = try #require(try JSONSerialization.jsonObject(with: Data(Self.check(["--output-format", "json"]).stdout.utf8)) as? [Any])
        #expect(lines.count == array.count)
        for line in lines { #expect(try JSONSerialization.jsonObject(with: Data(line.utf8)) is [String: Any]) }
    }

    /// The workflow-command grammar: `::command key=value,…::message`, with `%`, CR, LF
    /// escaped everywhere and `:` and `,` escaped in property values.
    @Test func githubOutputMatchesTheWorkflowCommandGrammar() throws {
        let output = try Self.check(["--output-format", "github"]).stdout
        let property = #"(?:file|line|endLine|col|endColumn|title)=(?:[^%:,\r\n]|%25|%0D|%0A|%3A|%2C)*"#
        let pattern = try Regex("^::(error|warning|notice) \(property)(,\(property))*::(?:[^%\\r\\n]|%25|%0D|%0A)*$")
        let lines = output.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
        #expect(lines.count == 6)
        for line in lines { #expect(line.wholeMatch(of: pattern) != nil, "\(line)") }
        #expect(output.contains("::error file=alembic/versions/0004_add_invoices.py,line=16,col=50,endLine=16,endColumn=64,title=ALM102::"))
    }

    @Test func githubEscaping() {
        #expect(DiagnosticPrinter.escapeGitHubData("50% done\r\nnext: a,b") == "50%25 done%0D%0Anext: a,b")
        #expect(DiagnosticPrinter.escapeGitHubProperty("C:\\dir,x%") == "C%3A\\dir%2Cx%25")
    }

    @Test func sarifValidatesAgainstTheOfficialSchema() throws {
        let python = try CLI.requirePython()
        let output = try Self.check(["--output-format", "sarif"])
        let file = try temporaryTree(["report.sarif": output.stdout]) + "/report.sarif"
        let script = CLI.repoRoot.appendingPathComponent("Tests/AlembicLSCLITests/Oracle/validate_reports.py").path
        let result = try CLI.run(python, [script, "sarif", file])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.hasSuffix("{\"valid\": true, \"results\": 6}\n"), "\(result.stdout)")
        // Rule metadata and help text come from the registry.
        let log = try #require(try JSONSerialization.jsonObject(with: Data(output.stdout.utf8)) as? [String: Any])
        let run = try #require((log["runs"] as? [[String: Any]])?.first)
        let rules = try #require(((run["tool"] as? [String: Any])?["driver"] as? [String: Any])?["rules"] as? [[String: Any]])
        let heads = try #require(rules.first { $0["id"] as? String == "ALM105" })
        #expect(((heads["help"] as? [String: Any])?["markdown"] as? String)?.contains("## Why is this bad?") == true)
    }

    @Test func junitParsesAsJUnitXML() throws {
        let python = try CLI.requirePython()
        let output = try Self.check(["--output-format", "junit"])
        let file = try temporaryTree(["report.xml": output.stdout]) + "/report.xml"
        let script = CLI.repoRoot.appendingPathComponent("Tests/AlembicLSCLITests/Oracle/validate_reports.py").path
        let result = try CLI.run(python, [script, "junit", file])
        #expect(result.status == 0, "\(result.stderr)")
        let shape = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(shape["tests"] as? Int == 6 && shape["failures"] as? Int == 6)
        let suites = try #require(shape["suites"] as? [[String: Any]])
        #expect(suites.count == 4)
        #expect(suites.flatMap { $0["failures"] as? [String] ?? [] }.sorted() == ["ALM101", "ALM102", "ALM105", "ALM105", "ALM105", "ALM105"])
    }

    @Test func junitWithoutFindingsHasOnePassingCase() throws {
        let result = try CLI.alembicLS(["check", "--output-format", "junit", "--ignore", "ALM2", "--ignore", "ALM3"], cwd: CLI.repoRoot.appendingPathComponent("Examples/ettametta").path)
        #expect(result.status == 0)
        #expect(result.stdout.contains("<testcase name=\"No errors found\" classname=\"alembic-ls\"/>"))
    }

    /// Fingerprints hash the line's text, not its number: inserting lines above a finding
    /// keeps them; identical findings still get distinct fingerprints.
    @Test func gitlabFingerprintsAreStableAcrossLineShifts() throws {
        let migration = "revision = 'b'\ndown_revision = 'zz'\n"
        let dir = try temporaryTree([
            "alembic.ini": "[alembic]\nscript_location = %(here)s/alembic\n", "alembic/env.py": "",
            "alembic/versions/a.py": "revision = 'a'\ndown_revision = None\n", "alembic/versions/b.py": migration,
        ])
        func fingerprints() throws -> [String] {
            let out = try CLI.alembicLS(["check", "--output-format", "gitlab"], cwd: dir).stdout
            let items = try #require(try JSONSerialization.jsonObject(with: Data(out.utf8)) as? [[String: Any]])
            return items.compactMap { $0["fingerprint"] as? String }
        }
        let before = try fingerprints()
        try ("# a comment\n\n" + migration).write(toFile: dir + "/alembic/versions/b.py", atomically: true, encoding: .utf8)
        let after = try fingerprints()
        #expect(!before.isEmpty && before == after)
        #expect(Set(before).count == before.count)
    }

    @Test func showSettingsPrintsTheResolvedConfiguration() throws {
        let dir = try temporaryTree([
            "pyproject.toml": "[tool.alembic-ls]\nignore = [\"ALM107\"]\nper-file-ignores = { \"legacy/*.py\" = [\"ALM110\"] }\n",
            "sub/alembic-ls.toml": "select = [\"ALM1\"]\n",
        ])
        let top = try CLI.alembicLS(["check", "--show-settings"], cwd: dir)
        #expect(top.status == 0)
        #expect(top.stdout.contains("config-file = \"\(dir)/pyproject.toml\""))
        #expect(top.stdout.contains("ignore = [\"ALM107\"]"))
        #expect(top.stdout.contains("\"legacy/*.py\" = [\"ALM110\"]"))
        #expect(!top.stdout.contains("ALM107  multiple-bases"))
        // The closest configuration wins, as in ruff; --config overrides discovery.
        let sub = try CLI.alembicLS(["check", "--show-settings", "sub"], cwd: dir)
        #expect(sub.stdout.contains("config-file = \"\(dir)/sub/alembic-ls.toml\""))
        #expect(sub.stdout.contains("select = [\"ALM1\"]"))
        #expect(!sub.stdout.contains("ALM501"))
        let explicit = try CLI.alembicLS(["check", "--show-settings", "--config", dir + "/pyproject.toml", "sub"], cwd: dir)
        #expect(explicit.stdout.contains("config-file = \"\(dir)/pyproject.toml\""))
        #expect(try CLI.alembicLS(["check", "--config", dir + "/missing.toml"], cwd: dir).status == 2)
    }
}

/// The percent-encoded form of a path as it appears in SARIF file URIs.
enum SARIFPath {
    static func encoded(_ path: String) -> String { DiagnosticPrinter.percentEncodePath(path) }
}
