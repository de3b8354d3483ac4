import AlembicModel
import Foundation
import Testing

/// The bundled example projects are discovered as expected, and the ettametta revision
/// files are listed in the order alembic loads them.
@Suite struct ExampleProjectTests {
    static let examples = ConfigTestSupport.repositoryRoot + "/Examples"

    @Test func ettamettaHasOneCleanEnvironment() throws {
        let root = Self.examples + "/ettametta"
        let result = WorkspaceDiscovery.discover(roots: [root])
        #expect(result.problems.isEmpty, "\(result.problems)")
        try #require(result.environments.count == 1)
        let environment = try #require(result.environments.first)
        #expect(environment.kind == .ini)
        #expect(environment.problems.isEmpty, "\(environment.problems)")
        #expect(environment.scriptLocation?.path == root + "/alembic")
        #expect(environment.scriptLocation?.resolution == .relativeToWorkingDirectory)
        #expect(environment.envPy == root + "/alembic/env.py")
        #expect(environment.scriptTemplate == root + "/alembic/script.py.mako")
        #expect(environment.sqlalchemyURL?.value == "driver://user:pass@localhost/dbname")
        #expect(environment.prependSysPath == [root])
        let files = RevisionFileLister.list(environment)
        #expect(files.files.count == 17)

        let script = """
            import json, sys
            from alembic.config import Config
            from alembic.script import ScriptDirectory
            script = ScriptDirectory.from_config(Config("alembic.ini"))
            json.dump({"files": [s.path for s in script._load_revisions()], "heads": list(script.get_heads())}, sys.stdout)
            """
        let output = try ConfigTestSupport.runPython(script, input: Data(), cwd: root)
        let oracle = try JSONSerialization.jsonObject(with: output) as? [String: [String]]
        #expect(files.files.map(\.path) == oracle?["files"])
        #expect(oracle?["heads"] == ["e7b99c2d1f4a"])
    }

    @Test func ettamettaDeclaresItsAlembicVersion() throws {
        let project = ProjectLoader.load(roots: [Self.examples + "/ettametta"])
        let environment = try #require(project.environments.first)
        let requirement = try #require(environment.alembicRequirement)
        #expect(requirement.file == Self.examples + "/ettametta/requirements.txt")
        #expect(requirement.minimum == PackageVersion("1.13") && requirement.exact == nil)
        // The ini's URL is alembic's placeholder: no dialect until a setting or env.py says so.
        #expect(environment.dialect == nil)
    }

    @Test func brokenHeadsIsDiscoveredWithAllItsFiles() throws {
        let root = Self.examples + "/broken-heads"
        let result = WorkspaceDiscovery.discover(roots: [root])
        let environment = try #require(result.environments.first)
        #expect(result.environments.count == 1)
        #expect(environment.problems.isEmpty, "\(environment.problems)")
        #expect(RevisionFileLister.list(environment).files.map { PythonPath.name($0.path) } == [
            "0001_create_accounts.py", "0002_create_users.py", "0003_add_user_email.py", "0003_add_user_phone.py",
            "0004_add_invoices.py", "0005_add_audit_log.py",
        ])
    }
}
