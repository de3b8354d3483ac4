import AlembicModel
import Foundation
import Testing

/// `alembic-ls merge` against `alembic merge` 1.20.1 from the venv: projects created by the
/// real `alembic init -t TEMPLATE`, two heads made by `alembic revision`, then both tools merge
/// with the same revision id and the same (frozen) clock and must write the same bytes to the
/// same path.
@Suite(.serialized) struct MergeOracleTests {
    /// 2024-03-05 10:11:12.345678 UTC.
    static let micros: Int64 = 1_709_633_472_345_678
    static let isoDate = "2024-03-05T10:11:12.345678Z"
    static let zone = ["TZ": "America/New_York"]
    static let oracleScript = CLI.repoRoot.appendingPathComponent("Tests/AlembicLSCLITests/Oracle/merge_frozen.py").path

    /// A temporary Alembic project.
    struct Project {
        let dir: String

        static func make(template: String) throws -> Project {
            let dir = FileManager.default.temporaryDirectory
                .appendingPathComponent("alembic-ls-merge-\(UUID().uuidString)").path
            try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
            let project = Project(dir: dir)
            try project.alembic(["init", "-t", template, "alembic"])
            return project
        }

        @discardableResult
        func alembic(_ arguments: [String]) throws -> CLI.Output {
            let output = try CLI.run(try CLI.requirePython(), ["-m", "alembic"] + arguments, cwd: dir, environment: MergeOracleTests.zone)
            if output.status != 0 { throw Failure("alembic \(arguments) failed: \(output.stderr)\(output.stdout)") }
            return output
        }

        /// `alembic ARGS` with the clock frozen at ``MergeOracleTests/micros``.
        func frozenAlembic(_ arguments: [String]) throws -> CLI.Output {
            try CLI.run(
                try CLI.requirePython(), [MergeOracleTests.oracleScript, String(MergeOracleTests.micros)] + arguments,
                cwd: dir, environment: MergeOracleTests.zone)
        }

        func ours(_ arguments: [String]) throws -> CLI.Output {
            try CLI.alembicLS(["merge", "--date", MergeOracleTests.isoDate] + arguments, cwd: dir, environment: MergeOracleTests.zone)
        }

        /// Two heads, `bbb` and `ccc`, on top of `aaa`.
        func makeTwoHeads() throws {
            try alembic(["revision", "-m", "first", "--rev-id", "aaa"])
            try alembic(["revision", "-m", "second", "--rev-id", "bbb"])
            try alembic(["revision", "-m", "third", "--rev-id", "ccc", "--head", "aaa", "--splice"])
        }

        func path(_ relative: String) -> String { dir + "/" + relative }

        func write(_ relative: String, _ text: String) throws {
            try text.write(toFile: path(relative), atomically: false, encoding: .utf8)
        }

        func read(_ relative: String) throws -> String { try String(contentsOfFile: path(relative), encoding: .utf8) }

        func remove() { try? FileManager.default.removeItem(atPath: dir) }
    }

    /// The path printed in `Generating PATH ...  done`.
    static func generatedPath(_ stdout: String) -> String? {
        stdout.split(separator: "\n").compactMap { line -> String? in
            guard line.hasPrefix("Generating "), line.hasSuffix(" ...  done") else { return nil }
            return String(line.dropFirst("Generating ".count).dropLast(" ...  done".count))
        }.last
    }

    /// Runs ours, moves the file away, runs alembic, and compares path and bytes.
    static func compare(_ project: Project, _ arguments: [String]) throws -> String {
        let ours = try project.ours(arguments)
        #expect(ours.status == 0, "alembic-ls merge failed: \(ours.stderr)")
        let ourPath = try #require(generatedPath(ours.stdout), "no Generating line in: \(ours.stdout)")
        let ourBytes = try #require(FileManager.default.contents(atPath: ourPath))
        try FileManager.default.removeItem(atPath: ourPath)
        let theirs = try project.frozenAlembic(["merge"] + arguments)
        #expect(theirs.status == 0, "alembic merge failed: \(theirs.stderr)")
        let theirPath = try #require(generatedPath(theirs.stdout), "no Generating line in: \(theirs.stdout)")
        #expect(ourPath == theirPath)
        let theirBytes = try #require(FileManager.default.contents(atPath: theirPath))
        #expect(
            ourBytes == theirBytes,
            "files differ:\n--- alembic-ls\n\(String(decoding: ourBytes, as: UTF8.self))\n--- alembic\n\(String(decoding: theirBytes, as: UTF8.self))")
        let heads = try project.alembic(["heads"]).stdout.split(separator: "\n")
        #expect(heads.count == 1, "alembic heads after the merge: \(heads)")
        return ours.stderr
    }

    @Test(arguments: ["generic", "async", "pyproject", "multidb"])
    func mergeHeadsMatchesAlembic(template: String) throws {
        let project = try Project.make(template: template)
        defer { project.remove() }
        try project.makeTwoHeads()
        let notes = try Self.compare(project, ["-m", "Merge the two heads, please!", "--rev-id", "0123456789ab", "heads"])
        #expect(!notes.contains("note:"), "unexpected notes: \(notes)")
    }

    static let customTemplate = #"""
        <%!
        import re
        %>"""${message}

        Revision ID: ${up_revision}
        Revises: ${down_revision | comma,n}
        Create Date: ${create_date}
        ## this comment line disappears
        % if branch_labels:
        Labels: ${", ".join(branch_labels)}
        % elif message == "nothing":
        Never.
        % else:
        No labels.
        % endif
        Kind: ${"merge" if len(down_revision or ()) > 1 else "linear"} \
        of ${len(down_revision)} parents; year ${create_date.year}
        % for parent in (down_revision if down_revision else ()):
            Parent: ${parent.upper()} ${repr(parent)} ${"%s_upgrades" % parent}
        % endfor
        %% a literal percent line
        Words: ${"/".join(re.split(r',\s*', "a, b,c"))} ${'trimmed ' | trim}
        Section: ${config.config_ini_section} ${context.get("nothing_here", "default")}
        """
        from alembic import op
        ${imports if imports else ""}

        revision = ${repr(up_revision)}
        down_revision = ${repr(down_revision)}
        branch_labels = ${repr(branch_labels)}
        depends_on = ${repr(depends_on)}
        location = ${repr(config.get_main_option("script_location"))}


        def upgrade():
            ${upgrades if upgrades else "pass"}


        def downgrade():
            ${downgrades if downgrades else "pass"}

        """#

    /// A customised template, a `file_template` with date tokens, a `timezone`, a short
    /// `truncate_slug_length`, a branch label and explicit revisions in reverse order.
    @Test func customTemplateAndFileTemplateMatchAlembic() throws {
        let project = try Project.make(template: "generic")
        defer { project.remove() }
        var ini = try project.read("alembic.ini")
        ini = ini.replacingOccurrences(
            of: "[alembic]\n",
            with: "[alembic]\nfile_template = %%(year)d_%%(month).2d_%%(day).2d_%%(hour).2d%%(minute).2d-%%(second).2d_%%(epoch)s_%%(rev)s_%%(slug)s\ntimezone = Asia/Kolkata\ntruncate_slug_length = 20\n")
        try project.write("alembic.ini", ini)
        try project.makeTwoHeads()
        try project.write("alembic/script.py.mako", Self.customTemplate)
        _ = try Self.compare(
            project, ["-m", "Merge: the heads of trunk & feature", "--rev-id", "feedface0001", "--branch-label", "release", "ccc", "bbb"])
    }

    /// Slugs of awkward messages, against `ScriptDirectory._rev_path`.
    @Test func slugsMatchAlembic() throws {
        let messages = [
            "", "   ", "a", "Add users table", "exactly_forty_characters_long_message_x", "one two three four five six seven eight nine",
            "averyveryveryverylongwordwithoutanyspacesatallforsure_and_more", "Ünïcödé wörds ΣΊΣΥΦΟΣ straße ΣΑ ΣΣ Σ. AΣ'Σ", "tabs\tand\nnewlines",
            "punctuation!!! -- (yes) [no] {maybe}", "trailing_underscore_", "__dunder__ names", "x" + String(repeating: "_y", count: 30),
            "数据库 迁移 测试", "١٢٣ digits ٤٥", "ǅemal titlecase",
        ]
        let lengths = [40, 10, 1, 5, -3]
        let python = try CLI.requirePython()
        let script = """
            import json, sys
            from alembic.script.base import ScriptDirectory
            import datetime
            messages, lengths = json.load(sys.stdin)
            out = []
            for n in lengths:
                sd = ScriptDirectory("/", truncate_slug_length=n, file_template="%(slug)s")
                for m in messages:
                    out.append(sd._rev_path("/v", "r", m, datetime.datetime(2024, 1, 1)).name[:-3])
            print(json.dumps(out))
            """
        let input = try JSONSerialization.data(withJSONObject: [messages, lengths])
        let output = try CLI.run(python, ["-c", script], stdin: input)
        #expect(output.status == 0, "\(output.stderr)")
        let expected = try #require(try JSONSerialization.jsonObject(with: Data(output.stdout.utf8)) as? [String])
        var ours: [String] = []
        for n in lengths {
            for message in messages { ours.append(MigrationFileName.slug(message, truncateLength: n == 0 ? 40 : n)) }
        }
        #expect(ours == expected)
    }

    /// A template using Mako beyond the subset: the generic template is used, with a note,
    /// and the file equals what alembic writes with its generic template.
    @Test func unsupportedMakoFallsBackToGenericTemplate() throws {
        let project = try Project.make(template: "generic")
        defer { project.remove() }
        try project.makeTwoHeads()
        let generic = try project.read("alembic/script.py.mako")
        let theirs = try project.frozenAlembic(["merge", "-m", "m", "--rev-id", "abcabcabcabc", "heads"])
        let theirPath = try #require(Self.generatedPath(theirs.stdout), "\(theirs.stderr)")
        let expected = try #require(FileManager.default.contents(atPath: theirPath))
        try FileManager.default.removeItem(atPath: theirPath)
        try project.write("alembic/script.py.mako", "<%def name=\"x()\">hi</%def>\n" + generic)
        let ours = try project.ours(["-m", "m", "--rev-id", "abcabcabcabc", "heads"])
        #expect(ours.status == 0)
        #expect(ours.stderr.contains("note:") && ours.stderr.contains("<%def"), "\(ours.stderr)")
        #expect(FileManager.default.contents(atPath: theirPath) == expected)
    }

    @Test func unknownFileTemplateTokenIsAnError() throws {
        let project = try Project.make(template: "generic")
        defer { project.remove() }
        try project.makeTwoHeads()
        let ini = try project.read("alembic.ini").replacingOccurrences(
            of: "[alembic]\n", with: "[alembic]\nfile_template = %%(rev)s_%%(nope)s\n")
        try project.write("alembic.ini", ini)
        let ours = try project.ours(["--rev-id", "abcabcabcabc", "heads"])
        #expect(ours.status == 1)
        #expect(ours.stderr.contains("KeyError: 'nope'"), "\(ours.stderr)")
        let files = try FileManager.default.contentsOfDirectory(atPath: project.path("alembic/versions"))
        #expect(!files.contains { $0.hasPrefix("abcabcabcabc") })
    }

    @Test func existingTargetIsNeverOverwritten() throws {
        let project = try Project.make(template: "generic")
        defer { project.remove() }
        try project.makeTwoHeads()
        // A revision of its own (so alembic can load it) at the path the merge would take.
        let mine = "revision = 'other1'\ndown_revision = 'ccc'\n# mine\n"
        try project.write("alembic/versions/abcabcabcabc_m.py", mine)
        let ours = try project.ours(["-m", "m", "--rev-id", "abcabcabcabc", "heads"])
        #expect(ours.status == 1)
        #expect(ours.stderr.contains("already exists"), "\(ours.stderr)")
        #expect(try project.read("alembic/versions/abcabcabcabc_m.py") == mine)
    }

    @Test func readOnlyVersionsFolderIsAClearError() throws {
        let project = try Project.make(template: "generic")
        defer { project.remove() }
        try project.makeTwoHeads()
        let versions = project.path("alembic/versions")
        // Root ignores permission bits: make the folder immutable instead.
        let asRoot = getuid() == 0
        if asRoot {
            let result = try CLI.run("/usr/bin/chattr", ["+i", versions])
            try #require(result.status == 0, "chattr +i failed: \(result.stderr)")
        } else {
            try FileManager.default.setAttributes([.posixPermissions: 0o555], ofItemAtPath: versions)
        }
        defer {
            if asRoot { _ = try? CLI.run("/usr/bin/chattr", ["-i", versions]) }
            try? FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: versions)
        }
        let ours = try project.ours(["-m", "m", "--rev-id", "abcabcabcabc", "heads"])
        #expect(ours.status == 1)
        #expect(ours.stderr.contains("cannot write"), "\(ours.stderr)")
    }

    @Test func unknownRevisionUsesAlembicsMessage() throws {
        let project = try Project.make(template: "generic")
        defer { project.remove() }
        try project.makeTwoHeads()
        let ours = try project.ours(["--rev-id", "abcabcabcabc", "bbb", "zzz"])
        let theirs = try project.frozenAlembic(["merge", "--rev-id", "abcabcabcabc", "bbb", "zzz"])
        #expect(ours.status == 1 && theirs.status != 0)
        let expected = (theirs.stdout + theirs.stderr).split(separator: "\n").first { $0.hasPrefix("FAILED:") }.map(String.init)
        #expect(ours.stderr.split(separator: "\n").map(String.init).contains(expected ?? "<none>"), "\(ours.stderr) vs \(theirs.stderr)")
    }
}
