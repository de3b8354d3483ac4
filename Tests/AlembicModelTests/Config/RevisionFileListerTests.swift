import AlembicModel
import Foundation
import Testing

@Suite struct RevisionFileListerTests {
    @Test func srcLayoutPackageResourceWithoutSysPath() throws {
        let tree = try ConfigTestSupport.TempTree("srclayout")
        defer { tree.cleanup() }
        try tree.write("alembic.ini", "[alembic]\nscript_location = myapp.db:migrations\n")
        try tree.write("src/myapp/__init__.py", "")
        try tree.write("src/myapp/db/__init__.py", "")
        try tree.write("src/myapp/db/migrations/env.py", "")
        try tree.write("src/myapp/db/migrations/versions/a.py", ConfigTestSupport.revision("a"))
        let environment = try #require(WorkspaceDiscovery.discover(roots: [tree.root]).environments.first)
        #expect(
            environment.scriptLocation?.resolution
                == .packageResource(package: "myapp.db", packageDirectory: tree.path("src/myapp/db"), onSysPath: false)
        )
        #expect(environment.scriptLocation?.path == tree.path("src/myapp/db/migrations"))
        #expect(RevisionFileLister.list(environment).files.count == 1)
    }

    @Test func danglingSymlinksAndUnreadableSubdirectories() throws {
        let tree = try ConfigTestSupport.TempTree("lister")
        defer {
            chmod(tree.path("v/locked"), 0o755)
            tree.cleanup()
        }
        try tree.write("v/a.py", ConfigTestSupport.revision("a"))
        try tree.symlink("v/b.py", to: "missing_target.py")
        try tree.write("v/locked/c.py", ConfigTestSupport.revision("c"))
        chmod(tree.path("v/locked"), 0o000)
        let listing = RevisionFileLister.list(
            versionLocations: [tree.path("v"), tree.path("nope")], recursive: true, sourceless: false, cwd: tree.root
        )
        #expect(listing.files.first?.path == tree.path("v/a.py"))
        #expect(listing.problems.contains { $0.kind == .revisionFile && $0.file == tree.path("v/b.py") })
        if geteuid() == 0 {
            // Root reads the directory regardless of its mode bits.
            #expect(listing.files.map(\.path) == [tree.path("v/a.py"), tree.path("v/locked/c.py")])
        } else {
            #expect(listing.files.map(\.path) == [tree.path("v/a.py")])
            #expect(listing.problems.contains { $0.kind == .unreadable && $0.file == tree.path("v/locked") })
        }
    }

    @Test func nonRecursiveListsOnlyTopLevelSortedByCodePoint() throws {
        let tree = try ConfigTestSupport.TempTree("order")
        defer { tree.cleanup() }
        for name in ["b.py", "B.py", "_a.py", "a.py", "ä.py", "1.py", "__init__.py", ".#x.py", "x.pyc", "y.txt"] {
            try tree.write("v/\(name)", "")
        }
        try tree.write("v/sub/z.py", "")
        let listing = RevisionFileLister.list(
            versionLocations: [tree.path("v")], recursive: false, sourceless: false, cwd: tree.root
        )
        #expect(listing.files.map { PythonPath.name($0.path) } == ["1.py", "B.py", "_a.py", "a.py", "b.py", "ä.py"])
    }
}
