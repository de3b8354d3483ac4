import AlembicModel
import Foundation
import Testing
import TextCore

@Suite struct EnvironmentResolverTests {
    func resolve(_ ini: String, cwd: String = "/nonexistent-project", section: String = "alembic") -> AlembicEnvironment {
        let file = IniParser.parse(bytes: Array(ini.utf8), path: cwd + "/alembic.ini", cwd: cwd)
        return EnvironmentResolver.resolve(
            .init(ini: file, section: section, pyproject: nil, kind: .ini, workingDirectory: cwd)
        )
    }

    @Test(arguments: ["True", "yes", "1", "on", "TRUE", "ture"])
    func suspiciousBooleans(value: String) {
        let environment = resolve("[alembic]\nscript_location = a\nrecursive_version_locations = \(value)\n")
        #expect(environment.recursiveVersionLocations.value == false)
        let problem = environment.problems.first { $0.kind == .suspiciousValue && $0.key == "recursive_version_locations" }
        #expect(problem != nil)
        #expect(problem?.range != nil)
        #expect(problem?.kind.ruleCode == "ALM503")
    }

    @Test(arguments: ["true", "false"])
    func exactBooleans(value: String) {
        let environment = resolve("[alembic]\nscript_location = a\nrecursive_version_locations = \(value)\n")
        #expect(environment.recursiveVersionLocations.value == (value == "true"))
        #expect(!environment.problems.contains { $0.kind == .suspiciousValue })
    }

    @Test func missingPathsAndRanges() {
        let text = "[alembic]\nscript_location = nowhere\npath_separator = os\nversion_locations = x:%(here)s/y\n"
        let environment = resolve(text)
        let script = environment.problems.first { $0.kind == .scriptLocationNotFound }
        #expect(script?.kind.ruleCode == "ALM501")
        #expect(script?.range.map { String(decoding: Array(text.utf8)[$0.range], as: UTF8.self) } == "nowhere")
        let locations = environment.problems.filter { $0.kind == .versionLocationNotFound }
        #expect(locations.count == 2)
        // Each item points at its own text, interpolated or not.
        #expect(locations.first?.range.map { String(decoding: Array(text.utf8)[$0.range], as: UTF8.self) } == "x")
        #expect(locations.last?.range.map { String(decoding: Array(text.utf8)[$0.range], as: UTF8.self) } == "%(here)s/y")
        #expect(environment.pathSeparator?.kind == .os)
    }

    @Test func missingScriptLocationKey() {
        let environment = resolve("[alembic]\nsqlalchemy.url = sqlite://\n")
        #expect(environment.scriptLocation == nil)
        #expect(environment.problems.contains { $0.kind == .scriptLocationMissing && $0.severity == .error })
        #expect(environment.sqlalchemyURL?.value == "sqlite://")
    }

    @Test func unresolvedPackageResource() {
        let environment = resolve("[alembic]\nscript_location = not_a_package:migrations\n")
        #expect(environment.scriptLocation?.resolution == .unresolvedPackageResource(package: "not_a_package"))
        #expect(environment.scriptLocation?.path == nil)
        #expect(environment.problems.contains { $0.kind == .unresolvedPackageResource })
    }

    @Test func otherSettings() {
        let environment = resolve(
            "[alembic]\nscript_location = a\nfile_template = %%(year)d_%%(rev)s\ntruncate_slug_length = 20\n"
                + "timezone = UTC\nversion_table = my_versions\nversion_table_schema = audit\n"
                + "prepend_sys_path = . src\n"
        )
        #expect(environment.fileTemplate.value == "%(year)d_%(rev)s")
        #expect(environment.truncateSlugLength?.value == 20)
        #expect(environment.timezone?.value == "UTC")
        #expect(environment.versionTable?.value == "my_versions")
        #expect(environment.versionTableSchema?.value == "audit")
        #expect(environment.prependSysPath == ["/nonexistent-project", "/nonexistent-project/src"])
        // prepend_sys_path without path_separator uses the deprecated split.
        #expect(environment.problems.contains { $0.kind == .deprecatedSetting && $0.key == "prepend_sys_path" })
        let bad = resolve("[alembic]\nscript_location = a\ntruncate_slug_length = forty\n")
        #expect(bad.problems.contains { $0.kind == .invalidValue && $0.key == "truncate_slug_length" })
    }

    @Test func forgottenDefaultVersionsDirectory() throws {
        let tree = try ConfigTestSupport.TempTree("forgotten")
        defer { tree.cleanup() }
        try tree.write("alembic/versions/old.py", ConfigTestSupport.revision("old"))
        try tree.mkdir("extra")
        let text = "[alembic]\nscript_location = alembic\npath_separator = os\nversion_locations = extra\n"
        let environment = resolve(text, cwd: tree.root)
        let problem = environment.problems.first { $0.kind == .suspiciousValue && $0.key == "version_locations" }
        #expect(problem?.message.contains("1 revision file") == true)
        let included = resolve(text.replacingOccurrences(of: "= extra", with: "= extra:alembic/versions"), cwd: tree.root)
        #expect(!included.problems.contains { $0.kind == .suspiciousValue })
    }

    @Test func pythonPathSemantics() {
        #expect(PythonPath.normalize("a/./b//c/") == "a/b/c")
        #expect(PythonPath.normalize("") == ".")
        #expect(PythonPath.normalize("//x") == "//x")
        #expect(PythonPath.normalize("///x") == "/x")
        #expect(PythonPath.absolute("../v", cwd: "/p/q") == "/p/q/../v")
        #expect(PythonPath.absolute("", cwd: "/p") == "/p")
        #expect(PythonPath.parent("/a") == "/")
        #expect(PythonPath.parent("a") == ".")
    }
}
