import AlembicModel
import Foundation
import Testing

@Suite struct WorkspaceDiscoveryTests {
    /// A workspace with every kind of environment, plus directories discovery must skip.
    func makeWorkspace(_ tree: ConfigTestSupport.TempTree) throws {
        // Plain alembic.ini project.
        try tree.write("app/alembic.ini", "[alembic]\nscript_location = %(here)s/alembic\n[loggers]\nkeys = root\n")
        try tree.write("app/alembic/env.py", "")
        try tree.write("app/alembic/script.py.mako", "")
        try tree.write("app/alembic/versions/a.py", ConfigTestSupport.revision("a"))
        // Multi-section ini used with -n.
        try tree.write(
            "multi/db.ini", "[main]\nscript_location = main\n[reports]\nscript_location = reports\n[unrelated]\nx = 1\n"
        )
        try tree.mkdir("multi/main/versions")
        try tree.mkdir("multi/reports/versions")
        try tree.write("multi/tox.ini", "[tox]\nenvlist = py313\n")
        // pyproject only.
        try tree.write("toml/pyproject.toml", "[project]\nname = 'x'\n[tool.alembic]\nscript_location = \"%(here)s/mig\"\n")
        try tree.mkdir("toml/mig/versions")
        try tree.write("toml/mig/env.py", "")
        // A pyproject without [tool.alembic] is ignored.
        try tree.write("plain/pyproject.toml", "[project]\nname = 'alembic-free'\n")
        // Flask-Migrate: migrations/alembic.ini without script_location.
        try tree.write("flask/migrations/alembic.ini", "# A generic, single database configuration.\n[alembic]\n# file_template = %%(rev)s\n")
        try tree.write("flask/migrations/env.py", "")
        try tree.mkdir("flask/migrations/versions")
        // An unreferenced script directory.
        try tree.write("orphan/db/env.py", "")
        try tree.mkdir("orphan/db/versions")
        // Skipped: inside .venv, node_modules, and a virtualenv with another name.
        try tree.write(".venv/lib/alembic.ini", "[alembic]\nscript_location = x\n")
        try tree.write("node_modules/pkg/alembic.ini", "[alembic]\nscript_location = x\n")
        try tree.write("myenv/pyvenv.cfg", "home = /usr\n")
        try tree.write("myenv/lib/alembic.ini", "[alembic]\nscript_location = x\n")
    }

    @Test func findsEveryKindOfEnvironment() throws {
        let tree = try ConfigTestSupport.TempTree("discover")
        defer { tree.cleanup() }
        try makeWorkspace(tree)
        let result = WorkspaceDiscovery.discover(roots: [tree.root])
        let byId = Dictionary(uniqueKeysWithValues: result.environments.map { ($0.id, $0) })
        #expect(result.environments.count == 6, "\(result.environments.map(\.id))")

        let app = byId[tree.path("app/alembic.ini") + "#alembic"]
        #expect(app?.kind == .ini)
        #expect(app?.scriptLocation?.path == tree.path("app/alembic"))
        #expect(app?.scriptLocation?.resolution == .absolute)
        #expect(app?.envPy == tree.path("app/alembic/env.py"))
        #expect(app?.scriptTemplate == tree.path("app/alembic/script.py.mako"))
        #expect(app?.effectiveVersionLocations == [tree.path("app/alembic/versions")])
        #expect(app.map { RevisionFileLister.list($0).files.map(\.path) } == [tree.path("app/alembic/versions/a.py")])

        let reports = byId[tree.path("multi/db.ini") + "#reports"]
        #expect(reports?.scriptLocation?.path == tree.path("multi/reports"))
        #expect(reports?.scriptLocation?.resolution == .relativeToWorkingDirectory)
        #expect(byId[tree.path("multi/db.ini") + "#main"] != nil)

        let toml = byId[tree.path("toml/pyproject.toml") + "#tool.alembic"]
        #expect(toml?.kind == .pyproject)
        #expect(toml?.scriptLocation?.path == tree.path("toml/mig"))

        let flask = byId[tree.path("flask/migrations/alembic.ini") + "#alembic"]
        #expect(flask?.kind == .flaskMigrate)
        #expect(flask?.scriptLocation?.path == tree.path("flask/migrations"))
        #expect(flask?.workingDirectory == tree.path("flask"))

        let orphan = result.environments.first { $0.kind == .inferred }
        #expect(orphan?.isInferred == true)
        #expect(orphan?.scriptLocation?.path == tree.path("orphan/db"))
        // The skipped trees contributed nothing.
        #expect(!result.configFiles.contains { $0.contains(".venv") || $0.contains("node_modules") || $0.contains("myenv") })
        #expect(!result.configFiles.contains(tree.path("multi/tox.ini")))
    }

    @Test func iniAndPyprojectCombine() throws {
        let tree = try ConfigTestSupport.TempTree("combine")
        defer { tree.cleanup() }
        try tree.write("alembic.ini", "[alembic]\nsqlalchemy.url = sqlite://\n")
        try tree.write("pyproject.toml", "[tool.alembic]\nscript_location = \"m\"\nversion_locations = [\"v\", \"gone\"]\n")
        try tree.mkdir("m")
        try tree.mkdir("v")
        let result = WorkspaceDiscovery.discover(roots: [tree.root])
        #expect(result.environments.count == 1)
        let environment = try #require(result.environments.first)
        #expect(environment.kind == .iniAndPyproject)
        #expect(environment.sqlalchemyURL?.value == "sqlite://")
        #expect(environment.scriptLocation?.source.origin == .pyproject)
        #expect(environment.effectiveVersionLocations == [tree.path("v"), tree.path("gone")])
        // The missing location points at its own array element.
        let missing = try #require(environment.problems.first { $0.kind == .versionLocationNotFound })
        #expect(missing.file == tree.path("pyproject.toml"))
        let text = try String(contentsOfFile: tree.path("pyproject.toml"), encoding: .utf8)
        let range = try #require(missing.range)
        #expect(String(decoding: Array(text.utf8)[range.range], as: UTF8.self) == "\"gone\"")
    }

    @Test func survivesSymlinkLoopsUnreadableDirectoriesAndBadFiles() throws {
        let tree = try ConfigTestSupport.TempTree("hostile")
        defer {
            chmod(tree.path("locked"), 0o755)
            tree.cleanup()
        }
        try tree.write("a/alembic.ini", "[alembic]\nscript_location = m\n")
        try tree.mkdir("a/m/versions")
        try tree.symlink("a/loop", to: "..")
        try tree.symlink("a/self", to: "self")
        try tree.write("binary/alembic.ini", bytes: [0x00, 0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, 0x4A, 0x46])
        try tree.write("locked/inner/alembic.ini", "[alembic]\nscript_location = m\n")
        chmod(tree.path("locked"), 0o000)
        let result = WorkspaceDiscovery.discover(roots: [tree.root, tree.path("does/not/exist")])
        #expect(result.problems.contains { $0.kind == .symlinkLoop })
        #expect(result.problems.contains { $0.kind == .unreadable && $0.file == tree.path("does/not/exist") })
        // A binary alembic.ini is reported, never a crash.
        let binaryProblems = result.problems + result.environments.flatMap(\.problems)
        #expect(binaryProblems.contains { $0.kind == .iniSyntax && $0.file == tree.path("binary/alembic.ini") })
        #expect(result.environments.contains { $0.configFile == tree.path("a/alembic.ini") })
        let lockedIni = tree.path("locked/inner/alembic.ini")
        if geteuid() == 0 {
            // Permission bits do not stop root: the directory is read like any other.
            #expect(result.environments.contains { $0.configFile == lockedIni })
        } else {
            #expect(result.problems.contains { $0.kind == .unreadable && $0.file == tree.path("locked") })
            #expect(!result.environments.contains { $0.configFile == lockedIni })
        }
    }

    @Test func fileRootsAndEmptyRoots() throws {
        let tree = try ConfigTestSupport.TempTree("roots")
        defer { tree.cleanup() }
        try tree.write("x/custom.ini", "[alembic]\nscript_location = s\n[second]\nscript_location = t\n")
        try tree.mkdir("x/s/versions")
        let single = WorkspaceDiscovery.discover(roots: [tree.path("x/custom.ini")])
        #expect(single.environments.map(\.section) == ["alembic", "second"])
        #expect(single.environments.first { $0.section == "second" }?.problems.contains { $0.kind == .scriptLocationNotFound } == true)
        let empty = WorkspaceDiscovery.discover(roots: [])
        #expect(empty.environments.isEmpty && empty.problems.isEmpty)
    }
}
