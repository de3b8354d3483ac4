import Foundation
import Testing

@testable import AlembicModel

@Suite("Dependency declarations")
struct DependencyScannerTests {
    @Test("versions compare by release segments")
    func versionOrder() throws {
        let v = { (s: String) throws -> PackageVersion in try #require(PackageVersion(s)) }
        #expect(try v("1.16") == v("1.16.0"))
        #expect(try v("1.13.3") < v("1.16"))
        #expect(try v("1.9") < v("1.10"))
        #expect(try v("2.0.0rc1") == v("2.0"))
        #expect(try v("v1.12") == v("1.12.0"))
        #expect(PackageVersion("latest") == nil)
        #expect(PackageVersion("") == nil)
    }

    /// Our lower bound against `packaging`'s specifier semantics (pip's vendored copy): for
    /// each specifier and each release of alembic that matters for native existence flags,
    /// `guarantees(atLeast:)` is true exactly when every real release the specifier admits is
    /// at least that release; never true when the oracle says false.
    @Test("lower bounds agree with packaging on real alembic releases")
    func lowerBoundsAgreeWithPackaging() throws {
        let specifiers = [
            "==1.13.2", ">=1.11", ">=1.12,<2", "~=1.12", "~=1.12.0", ">=1.16.0", "==1.16.*", "<1.14", "!=1.12.0",
            ">=1.7,!=1.12.0", "", "===1.16.0", ">=1.13.3,<1.14",
        ]
        let thresholds = ["1.12", "1.13.3", "1.16"]
        let releases = [
            "1.7.0", "1.9.4", "1.11.3", "1.12.0", "1.12.1", "1.13.2", "1.13.3", "1.14.1", "1.15.2", "1.16.0",
            "1.16.5", "1.18.4", "1.20.1",
        ]
        let script = """
            import json, sys
            from pip._vendor.packaging.specifiers import SpecifierSet
            from pip._vendor.packaging.version import Version
            req = json.load(sys.stdin)
            out = {}
            for spec in req["specifiers"]:
                allowed = [r for r in req["releases"] if Version(r) in SpecifierSet(spec)]
                out[spec] = {t: bool(allowed) and all(Version(r) >= Version(t) for r in allowed) for t in req["thresholds"]}
            print(json.dumps(out))
            """
        let input = try JSONSerialization.data(withJSONObject: [
            "specifiers": specifiers, "releases": releases, "thresholds": thresholds,
        ])
        let output = try ConfigTestSupport.runPython(script, input: input, cwd: NSTemporaryDirectory())
        let oracle = try #require(try JSONSerialization.jsonObject(with: output) as? [String: [String: Bool]])
        for specifier in specifiers {
            let ours = DependencyRequirement.parse(package: "alembic", specifier: specifier, file: "", line: 0)
            for threshold in thresholds {
                let expected = try #require(oracle[specifier]?[threshold] as Bool?)
                let version = try #require(PackageVersion(threshold))
                #expect(
                    ours.guarantees(atLeast: version) == expected,
                    "\(specifier.isEmpty ? "(none)" : specifier) ≥ \(threshold): ours \(ours.guarantees(atLeast: version)), packaging \(expected)"
                )
            }
        }
    }

    @Test("Poetry constraints give their lower bound")
    func poetryConstraints() throws {
        let caret = DependencyRequirement.parse(package: "alembic", specifier: "^1.12", file: "", line: 0)
        #expect(caret.minimum == PackageVersion("1.12") && caret.exact == nil)
        let bare = DependencyRequirement.parse(package: "alembic", specifier: "1.13.2", file: "", line: 0)
        #expect(bare.exact == PackageVersion("1.13.2"))
        let star = DependencyRequirement.parse(package: "alembic", specifier: "*", file: "", line: 0)
        #expect(star.lowestVersion == nil)
    }

    @Test("a lock file wins over requirement files in the same directory")
    func lockFileWins() throws {
        let tree = try ConfigTestSupport.TempTree("deps-lock")
        defer { tree.cleanup() }
        try tree.write("requirements.txt", "Alembic>=1.11  # migrations\nsqlalchemy\n")
        try tree.write(
            "uv.lock",
            """
            version = 1
            [[package]]
            name = "sqlalchemy"
            version = "2.0.36"

            [[package]]
            name = "alembic"
            version = "1.14.0"
            """)
        let found = try #require(DependencyScanner.requirement(for: "alembic", from: tree.root, upTo: tree.root))
        #expect(found.exact == PackageVersion("1.14.0"))
        #expect(found.file.hasSuffix("uv.lock"))
        #expect(found.line == 7)
    }

    @Test("requirements files: extras, markers, comments, options, parent directories")
    func requirementsFiles() throws {
        let tree = try ConfigTestSupport.TempTree("deps-req")
        defer { tree.cleanup() }
        try tree.write(
            "requirements/base.txt",
            "-r common.txt\n# alembic==0.1\nalembic[tz] >= 1.12.0 , <2 ; python_version >= \"3.9\"\n")
        let nested = try tree.mkdir("services/api/migrations")
        let found = try #require(DependencyScanner.requirement(for: "alembic", from: nested, upTo: tree.root))
        #expect(found.minimum == PackageVersion("1.12") && found.exact == nil)
        #expect(found.line == 3)
        #expect(DependencyScanner.requirement(for: "flask", from: nested, upTo: tree.root) == nil)
    }

    @Test("pyproject.toml: PEP 621, dependency groups and Poetry tables")
    func pyproject() throws {
        let tree = try ConfigTestSupport.TempTree("deps-pyproject")
        defer { tree.cleanup() }
        try tree.write(
            "a/pyproject.toml",
            """
            [project]
            name = "x"
            dependencies = ["SQLAlchemy>=2", "alembic~=1.13.3"]
            """)
        try tree.write(
            "b/pyproject.toml",
            """
            [tool.poetry.group.db.dependencies]
            alembic = { version = "^1.16", extras = ["tz"] }
            """)
        try tree.write(
            "c/pyproject.toml",
            """
            [dependency-groups]
            dev = ["alembic==1.11.1"]
            """)
        let a = try #require(DependencyScanner.requirement(for: "alembic", from: tree.path("a"), upTo: tree.root))
        #expect(a.minimum == PackageVersion("1.13.3") && a.line == 3)
        let b = try #require(DependencyScanner.requirement(for: "alembic", from: tree.path("b"), upTo: tree.root))
        #expect(b.minimum == PackageVersion("1.16"))
        let c = try #require(DependencyScanner.requirement(for: "alembic", from: tree.path("c"), upTo: tree.root))
        #expect(c.exact == PackageVersion("1.11.1"))
    }

    @Test("Pipfile.lock and broken files")
    func pipfileAndBroken() throws {
        let tree = try ConfigTestSupport.TempTree("deps-pipfile")
        defer { tree.cleanup() }
        try tree.write("Pipfile.lock", #"{"default": {"alembic": {"version": "==1.12.1"}}, "develop": {}}"#)
        try tree.write("pyproject.toml", "[project\nbroken = ")
        try tree.write("poetry.lock", "not toml [[[")
        let found = try #require(DependencyScanner.requirement(for: "alembic", from: tree.root, upTo: tree.root))
        #expect(found.exact == PackageVersion("1.12.1"))
    }

    @Test("dialects from SQLAlchemy URLs")
    func dialects() {
        #expect(SQLDialect(url: "sqlite:///./data/db/app.db") == .sqlite)
        #expect(SQLDialect(url: "postgresql+asyncpg://u:p@h/db") == .postgresql)
        #expect(SQLDialect(url: "postgres://h/db") == .postgresql)
        #expect(SQLDialect(url: "mysql+pymysql://h/db") == .mysql)
        #expect(SQLDialect(url: "driver://user:pass@localhost/dbname") == nil)
        #expect(SQLDialect(url: "%(DB_URL)s") == nil)
        #expect(SQLDialect(name: "SQLite") == .sqlite)
    }
}
