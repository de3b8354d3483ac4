import AlembicModel
import Foundation
import Testing

/// Compares environment resolution and revision file listing with alembic 1.20 itself:
/// every fixture below is loaded by `ScriptDirectory.from_config` in ONE Python process
/// (cwd = the fixture directory), and `script.dir`, `script._version_locations`, the
/// revision files in `_load_revisions` order and the deprecation warnings must match.
@Suite struct AlembicOracleTests {
    struct Case: Codable {
        var name: String
        var cwd: String
        var ini: String?
        var section: String?
        var toml: String?
        var compile: [[String]] = []
    }

    struct OracleResult: Codable {
        var name: String
        var dir: String?
        var versionLocations: [String]?
        var files: [String]?
        var recursive: Bool?
        var error: String?
        var warnings: [String]

        enum CodingKeys: String, CodingKey {
            case name, dir, files, recursive, error, warnings
            case versionLocations = "version_locations"
        }
    }

    static let oracleScript = """
        import sys, json, os, warnings, py_compile
        from pathlib import Path
        from alembic.config import Config
        from alembic.script import ScriptDirectory
        cases = json.load(sys.stdin)
        for case in cases:
            for src, dst in case.get("compile", []):
                os.makedirs(os.path.dirname(dst), exist_ok=True)
                py_compile.compile(src, cfile=dst, doraise=True)
                os.remove(src)
        out = []
        for case in cases:
            os.chdir(case["cwd"])
            res = {"name": case["name"]}
            with warnings.catch_warnings(record=True) as caught:
                warnings.simplefilter("always")
                try:
                    cfg = Config(file_=case.get("ini"), toml_file=case.get("toml"),
                                 ini_section=case.get("section") or "alembic")
                    script = ScriptDirectory.from_config(cfg)
                    res["dir"] = str(Path(script.dir).absolute())
                    res["version_locations"] = [str(p) for p in script._version_locations]
                    res["files"] = [str(s.path) for s in script._load_revisions()]
                    res["recursive"] = script.recursive_version_locations
                except Exception as e:
                    res["error"] = type(e).__name__ + ": " + str(e)
            res["warnings"] = [str(w.message) for w in caught]
            out.append(res)
        json.dump(out, sys.stdout)
        """

    /// Builds the fixture tree; returns the cases.
    static func buildFixtures(_ tree: ConfigTestSupport.TempTree) throws -> [Case] {
        var cases: [Case] = []
        var counter = 0
        func rev(_ relative: String) throws {
            counter += 1
            try tree.write(relative, ConfigTestSupport.revision("r\(counter)"))
        }
        /// A standard versions tree exercising the name filters and sub-directories.
        func versionsTree(_ base: String) throws {
            try rev("\(base)/b_second.py")
            try rev("\(base)/a_first.py")
            try rev("\(base)/_private.py")
            try rev("\(base)/Zeta.py")
            try rev("\(base)/é_unicode.py")
            try tree.write("\(base)/__init__.py", "")
            try tree.write("\(base)/__init__x.py", "")
            try tree.write("\(base)/.#lock.py", "")
            try tree.write("\(base)/notes.txt", "not python")
            try tree.write("\(base)/stale.pyc", "junk")
            try rev("\(base)/sub/z_nested.py")
            try rev("\(base)/sub/deeper/inner.py")
            try rev("\(base)/asub/first_dir.py")
            try rev("\(base)/Bsub/upper_dir.py")
            try tree.write("\(base)/__pycache__/cached.py", "")
        }
        func add(_ name: String, ini: String? = "alembic.ini", section: String? = nil, toml: String? = nil) {
            cases.append(
                Case(
                    name: name, cwd: tree.path(name), ini: ini.map { tree.path("\(name)/\($0)") }, section: section,
                    toml: toml.map { tree.path("\(name)/\($0)") }
                )
            )
        }

        // 1. Relative script_location, non-recursive, path_separator = os.
        try tree.write("basic/alembic.ini", "[alembic]\nscript_location = alembic\npath_separator = os\n")
        try versionsTree("basic/alembic/versions")
        add("basic")

        // 2. recursive_version_locations = true.
        try tree.write(
            "recursive/alembic.ini", "[alembic]\nscript_location = %(here)s/alembic\nrecursive_version_locations = true\n"
        )
        try versionsTree("recursive/alembic/versions")
        add("recursive")

        // 3. 'True' is not 'true': read as false.
        try tree.write(
            "recursive_capital/alembic.ini",
            "[alembic]\nscript_location = alembic\nrecursive_version_locations = True\n"
        )
        try versionsTree("recursive_capital/alembic/versions")
        add("recursive_capital")

        // 4. Every separator rule for version_locations.
        let separators: [(String, String, String)] = [
            ("sep_os", "path_separator = os", "%(here)s/v1:v2:%(here)s/v3"),
            ("sep_colon", "path_separator = :", "v1: v2 :v3"),
            ("sep_semicolon", "path_separator = ;", "v1;v2; v3;"),
            ("sep_space", "path_separator = space", "v1 v2  v3"),
            ("sep_newline", "path_separator = newline", "\n    v1\n    %(here)s/v2\n\n    v3"),
            ("sep_legacy", "", "v1, v2 v3,v1"),
            ("sep_legacy_gap", "", "v1 ,v2"),
            ("sep_deprecated", "version_path_separator = ;", "v1;v2"),
            ("sep_both", "path_separator = space\nversion_path_separator = ;", "v1 v2"),
        ]
        for (name, separatorLine, value) in separators {
            try tree.write(
                "\(name)/alembic.ini",
                "[alembic]\nscript_location = alembic\n\(separatorLine)\nversion_locations = \(value)\n"
            )
            try tree.mkdir("\(name)/alembic")
            for location in ["v1", "v2", "v3"] { try rev("\(name)/\(location)/\(location)_rev.py") }
            add(name)
        }

        // 5. An invalid separator: alembic raises ValueError.
        try tree.write(
            "sep_comma/alembic.ini", "[alembic]\nscript_location = alembic\npath_separator = ,\nversion_locations = a,b\n"
        )
        try tree.mkdir("sep_comma/alembic/versions")
        add("sep_comma")

        // 6. A missing version location is silently skipped.
        try tree.write(
            "missing_vl/alembic.ini",
            "[alembic]\nscript_location = alembic\npath_separator = os\nversion_locations = gone:%(here)s/kept\n"
        )
        try tree.mkdir("missing_vl/alembic")
        try rev("missing_vl/kept/k.py")
        add("missing_vl")

        // 7. A missing script_location directory.
        try tree.write("missing_script/alembic.ini", "[alembic]\nscript_location = nowhere\n")
        add("missing_script")

        // 8. pyproject.toml only.
        try tree.write(
            "toml_only/pyproject.toml",
            """
            [project]
            name = "demo"

            [tool.alembic]
            script_location = "%(here)s/migrations"
            version_locations = ["%(here)s/migrations/versions", "extra"]
            recursive_version_locations = true
            file_template = "%%(rev)s_%%(slug)s"

            """
        )
        try versionsTree("toml_only/migrations/versions")
        try rev("toml_only/extra/e1.py")
        add("toml_only", ini: nil, toml: "pyproject.toml")

        // 9. ini + pyproject: the ini has no script_location, pyproject does; ini's
        //    version_locations wins over pyproject's.
        try tree.write("ini_toml/alembic.ini", "[alembic]\npath_separator = os\nversion_locations = from_ini\n")
        try tree.write(
            "ini_toml/pyproject.toml",
            "[tool.alembic]\nscript_location = \"app/db\"\nversion_locations = [\"from_toml\"]\n"
        )
        try tree.mkdir("ini_toml/app/db")
        try rev("ini_toml/from_ini/i.py")
        try rev("ini_toml/from_toml/t.py")
        add("ini_toml", toml: "pyproject.toml")

        // 10. ini + pyproject, both with script_location: the ini wins; toml bool applies.
        try tree.write("ini_wins/alembic.ini", "[alembic]\nscript_location = ini_dir\n")
        try tree.write(
            "ini_wins/pyproject.toml",
            "[tool.alembic]\nscript_location = \"toml_dir\"\nrecursive_version_locations = true\n"
        )
        try versionsTree("ini_wins/ini_dir/versions")
        try rev("ini_wins/toml_dir/versions/t.py")
        add("ini_wins", toml: "pyproject.toml")

        // 11. A toml string where a bool is expected: alembic raises CommandError.
        try tree.write(
            "toml_bad_bool/pyproject.toml",
            "[tool.alembic]\nscript_location = \"m\"\nrecursive_version_locations = \"true\"\n"
        )
        try tree.mkdir("toml_bad_bool/m/versions")
        add("toml_bad_bool", ini: nil, toml: "pyproject.toml")

        // 12. Multi-section ini used with -n NAME, with DEFAULT interpolation.
        try tree.write(
            "multi/databases.ini",
            """
            [DEFAULT]
            root = %(here)s/envs

            [alembic]
            script_location = %(root)s/main

            [analytics]
            script_location: %(root)s/analytics
            Recursive_Version_Locations = true

            [loggers]
            keys = root

            """
        )
        try versionsTree("multi/envs/main/versions")
        try versionsTree("multi/envs/analytics/versions")
        add("multi", ini: "databases.ini", section: "alembic")
        add("multi", ini: "databases.ini", section: "analytics")

        // 13. Symlinks: a linked file is loaded by its real path; a name filter applies to
        //     the target's name; overlapping version locations load a file once.
        try tree.write(
            "links/alembic.ini",
            "[alembic]\nscript_location = alembic\npath_separator = os\n"
                + "version_locations = alembic/versions:alembic/versions:%(here)s/alembic/versions/../versions\n"
        )
        try rev("links/alembic/versions/a.py")
        try rev("links/outside/target.py")
        try rev("links/outside/real_name.py")
        try tree.write("links/outside/text.txt", "x")
        try tree.symlink("links/alembic/versions/b_link.py", to: "../../outside/target.py")
        try tree.symlink("links/alembic/versions/c_link.txt", to: "../../outside/real_name.py")
        try tree.symlink("links/alembic/versions/d_link.py", to: "../../outside/text.txt")
        try tree.symlink("links/alembic/versions/e_dir", to: "../../outside")
        add("links")

        // 14. Sourceless: .pyc files without sources are loaded, from __pycache__ too.
        try tree.write("sourceless/alembic.ini", "[alembic]\nscript_location = alembic\nsourceless = true\n")
        try rev("sourceless/alembic/versions/a_src.py")
        try rev("sourceless/alembic/versions/b_gone.py")
        try rev("sourceless/alembic/versions/c_cached.py")
        add("sourceless")
        let versions = tree.path("sourceless/alembic/versions")
        cases[cases.count - 1].compile = [
            ["\(versions)/b_gone.py", "\(versions)/b_gone.pyc"],
            ["\(versions)/c_cached.py", "\(versions)/__pycache__/c_cached.cpython-313.pyc"],
        ]

        // 15. Package resource script_location through prepend_sys_path.
        try tree.write(
            "resource/alembic.ini",
            "[alembic]\nscript_location = myapp:migrations\nprepend_sys_path = src\npath_separator = os\n"
        )
        try tree.write("resource/src/myapp/__init__.py", "")
        try rev("resource/src/myapp/migrations/versions/p.py")
        add("resource")

        // 16. here overridden in [DEFAULT] and %% escapes.
        try tree.write(
            "here_override/alembic.ini",
            "[DEFAULT]\nhere = /nonexistent\n[alembic]\nhere = sub\nscript_location = %(here)s/x\nfile_template = %%(rev)s\n"
        )
        try tree.mkdir("here_override/sub/x/versions")
        add("here_override")

        // 17. Legacy split does not split on newlines: one path with a line break.
        try tree.write(
            "legacy_newline/alembic.ini", "[alembic]\nscript_location = alembic\nversion_locations =\n    v1\n    v2\n"
        )
        try tree.mkdir("legacy_newline/alembic")
        try rev("legacy_newline/v1/n1.py")
        add("legacy_newline")

        // 18. CRLF, comments inside a multi-line value, ':' delimiter, mixed-case key, blank
        //     line inside a value, whitespace-only item.
        try tree.write(
            "crlf/alembic.ini",
            "; comment\r\n[alembic]\r\n# another\r\nScript_Location: alembic\r\npath_separator = newline\r\n"
                + "version_locations =\r\n  v1\r\n# inside\r\n\r\n  v2\r\n[other]\r\nx = 1\r\n"
        )
        try tree.mkdir("crlf/alembic")
        try rev("crlf/v1/c1.py")
        try rev("crlf/v2/c2.py")
        add("crlf")

        try tree.write(
            "blank_item/alembic.ini",
            "[alembic]\nscript_location = alembic\npath_separator = :\nversion_locations = v1: :v2\n"
        )
        try tree.mkdir("blank_item/alembic")
        try rev("blank_item/v1/b1.py")
        try rev("blank_item/top.py")
        add("blank_item")

        // 19. script_location inherited from [DEFAULT].
        try tree.write("default_script/alembic.ini", "[DEFAULT]\nscript_location = %(here)s/mig\n[alembic]\n")
        try rev("default_script/mig/versions/d.py")
        add("default_script")

        // 20. A percent sign in a pyproject path.
        try tree.write(
            "toml_percent/pyproject.toml", "[tool.alembic]\nscript_location = \"%(here)s/100%%done\"\n"
        )
        try rev("toml_percent/100%done/versions/p.py")
        add("toml_percent", ini: nil, toml: "pyproject.toml")

        // 21. Files alembic cannot read at all.
        try tree.write("bad_interp/alembic.ini", "[alembic]\nscript_location = %(nope)s/x\n")
        add("bad_interp")
        try tree.write("bom/alembic.ini", bytes: [0xEF, 0xBB, 0xBF] + Array("[alembic]\nscript_location = a\n".utf8))
        try tree.mkdir("bom/a/versions")
        add("bom")
        try tree.write("no_delimiter/alembic.ini", "[alembic]\nscript_location = a\nthis line is wrong\n")
        try tree.mkdir("no_delimiter/a/versions")
        add("no_delimiter")
        try tree.write("dup_option/alembic.ini", "[alembic]\nscript_location = a\nScript_location = b\n")
        try tree.mkdir("dup_option/a/versions")
        add("dup_option")
        try tree.write("binary/alembic.ini", bytes: [0x00, 0xFF, 0xFE, 0x80, 0x5B, 0x61, 0x5D])
        add("binary")
        try tree.write("no_section/alembic.ini", "script_location = a\n")
        add("no_section")
        try tree.write("toml_syntax/pyproject.toml", "[tool.alembic\nscript_location = 1\n")
        add("toml_syntax", ini: nil, toml: "pyproject.toml")
        return cases
    }

    @Test func environmentsMatchAlembic() throws {
        let tree = try ConfigTestSupport.TempTree("oracle")
        defer { tree.cleanup() }
        let cases = try Self.buildFixtures(tree)
        let output = try ConfigTestSupport.runPython(
            Self.oracleScript, input: try JSONEncoder().encode(cases), cwd: tree.root
        )
        let results = try JSONDecoder().decode([OracleResult].self, from: output)
        #expect(results.count == cases.count)
        var compared = 0
        for (testCase, oracle) in zip(cases, results) {
            let cwd = testCase.cwd
            let ini = testCase.ini.map { IniParser.parse(contentsOf: $0, cwd: cwd) }
            let pyproject = testCase.toml.flatMap {
                FileManager.default.fileExists(atPath: $0) ? PyprojectAlembicConfig.parse(contentsOf: $0, cwd: cwd) : nil
            }
            let environment = EnvironmentResolver.resolve(
                .init(
                    ini: ini, section: testCase.section ?? "alembic", pyproject: pyproject,
                    kind: ini == nil ? .pyproject : (pyproject == nil ? .ini : .iniAndPyproject), workingDirectory: cwd
                )
            )
            let label = "\(testCase.name)[\(testCase.section ?? "alembic")]"
            if let error = oracle.error {
                let errors = environment.problems.filter { $0.severity == .error }
                #expect(!errors.isEmpty, "\(label): alembic fails (\(error)) but no error problem was recorded")
                // A missing script_location directory is the one error that still has a path.
                if error.contains("Path doesn't exist") {
                    #expect(environment.problems.contains { $0.kind == .scriptLocationNotFound }, "\(label)")
                }
                compared += 1
                continue
            }
            #expect(environment.problems.allSatisfy { $0.severity != .error }, "\(label): \(environment.problems)")
            #expect(environment.scriptLocation?.path == oracle.dir, "\(label): script dir")
            #expect(environment.effectiveVersionLocations == oracle.versionLocations, "\(label): version locations")
            #expect(environment.recursiveVersionLocations.value == oracle.recursive, "\(label): recursive")
            let listing = RevisionFileLister.list(environment)
            #expect(listing.files.map(\.path) == oracle.files, "\(label): revision files in load order")
            let deprecatedSeparator = oracle.warnings.contains { $0.contains("version_path_separator configuration parameter is deprecated") }
            let legacySplit = oracle.warnings.contains { $0.contains("No path_separator found") }
            let loadedTwice = oracle.warnings.contains { $0.contains("loaded twice") }
            #expect(
                environment.problems.contains { $0.kind == .deprecatedSetting && $0.key == "version_path_separator" }
                    == deprecatedSeparator, "\(label): version_path_separator warning"
            )
            #expect(
                environment.problems.contains { $0.kind == .deprecatedSetting && $0.message.contains("no path_separator") }
                    == legacySplit, "\(label): legacy split warning"
            )
            #expect(listing.problems.contains { $0.message.contains("loaded twice") } == loadedTwice, "\(label): dupes")
            compared += 1
        }
        #expect(compared == cases.count)
    }
}
