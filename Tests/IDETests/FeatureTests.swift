import AlembicModel
import IDE
import TestSupport
import Testing
import TextCore

/// Hover, definition, references, completion, symbols, lenses and hints on a small tree:
/// a → b → (c, d) → m (merge), with a branch label on d.
@Suite struct FeatureTests {
    static func tree() throws -> Fixture {
        try Fixture.project([
            "a.py": migration("aaaa", nil, doc: "create users"),
            "b.py": migration("bbbb", "'1️⃣aaaa'", doc: "add email", body: "op.add_column('users', sa.Column('email', sa.String()))"),
            "c.py": migration("cccc", "'bbbb'", doc: "add phone"),
            "d.py": migration("dddd", "'bb2️⃣bb'", labels: "('feature',)", doc: "add feature"),
            "m.py": migration("mmmm", "('cccc', 'dd3️⃣dd')", depends: "'feat4️⃣ure'", doc: "merge"),
        ])
    }

    func snapshot(_ fixture: Fixture) -> AnalysisSnapshot {
        let host = AnalysisHost(roots: [fixture.root])
        return host.update()
    }

    @Test func hoverShowsMessageParentsChildrenAndStatus() throws {
        let fixture = try Self.tree()
        defer { fixture.remove() }
        let snapshot = snapshot(fixture)
        let (path, offset) = try #require(fixture.markers["2️⃣"])
        let hover = try #require(snapshot.hover(path: path, offset: offset))
        #expect(hover.markdown.contains("**`bbbb`** — add email"))
        #expect(hover.markdown.contains("- parents: `aaaa` (create users)"))
        #expect(hover.markdown.contains("`cccc` (add phone)"))
        #expect(hover.markdown.contains("`dddd` (add feature)"))
        #expect(hover.markdown.contains("status: branch point"))
        #expect(hover.markdown.contains("created: 2026-01-01"))
        #expect(hover.markdown.contains("op.add_column('users',sa.Column('email',sa.String()))"))
        // The range is the literal, quotes included.
        let bytes = try #require(snapshot.source(path)?.bytes)
        #expect(String(decoding: bytes[hover.range.start ..< hover.range.end], as: UTF8.self) == "'bbbb'")
    }

    @Test func hoverOnBranchLabelDescribesItsRevision() throws {
        let fixture = try Self.tree()
        defer { fixture.remove() }
        let (path, offset) = try #require(fixture.markers["4️⃣"])
        let hover = try #require(snapshot(fixture).hover(path: path, offset: offset))
        #expect(hover.markdown.contains("**`dddd`** — add feature"))
        #expect(hover.markdown.contains("branch labels: `feature`"))
    }

    @Test func hoverOutsideAnIdIsNil() throws {
        let fixture = try Self.tree()
        defer { fixture.remove() }
        #expect(snapshot(fixture).hover(path: fixture.path("alembic/versions/a.py"), offset: 0) == nil)
        #expect(snapshot(fixture).hover(path: "/nonexistent.py", offset: 5) == nil)
    }

    @Test func definitionJumpsToTheRevisionValue() throws {
        let fixture = try Self.tree()
        defer { fixture.remove() }
        let snapshot = snapshot(fixture)
        let (path, offset) = try #require(fixture.markers["3️⃣"])
        let targets = snapshot.definition(path: path, offset: offset)
        #expect(targets.count == 1)
        let target = try #require(targets.first)
        #expect(target.path == fixture.path("alembic/versions/d.py"))
        let bytes = try #require(snapshot.source(target.path)?.bytes)
        #expect(String(decoding: bytes[target.range.start ..< target.range.end], as: UTF8.self) == "'dddd'")
        // A branch label leads to the revision declaring it.
        let (labelPath, labelOffset) = try #require(fixture.markers["4️⃣"])
        #expect(snapshot.definition(path: labelPath, offset: labelOffset).first?.path == fixture.path("alembic/versions/d.py"))
    }

    @Test func referencesFindEveryFileNamingTheId() throws {
        let fixture = try Self.tree()
        defer { fixture.remove() }
        let snapshot = snapshot(fixture)
        let (path, offset) = try #require(fixture.markers["2️⃣"])
        let without = snapshot.references(path: path, offset: offset, includeDeclaration: false).map(\.path).sorted()
        #expect(without == ["c.py", "d.py"].map { fixture.path("alembic/versions/\($0)") })
        let with = snapshot.references(path: path, offset: offset, includeDeclaration: true).map(\.path).sorted()
        #expect(with == ["b.py", "c.py", "d.py"].map { fixture.path("alembic/versions/\($0)") })
        // References of a labelled revision include uses of its label.
        let (dPath, dOffset) = try #require(fixture.markers["3️⃣"])
        #expect(snapshot.references(path: dPath, offset: dOffset, includeDeclaration: false).count == 2)
    }

    @Test func completionOffersHeadsFirstWithMessages() throws {
        let fixture = try Fixture.project([
            "a.py": migration("aaaa", nil, doc: "create users"),
            "b.py": migration("bbbb", "'aaaa'", labels: "('lbl',)", doc: "add email"),
            "c.py": migration("cccc", "'b1️⃣'", doc: "next"),
            "d.py": migration("dddd", "'aaaa'", depends: "'2️⃣'", doc: "other"),
        ])
        defer { fixture.remove() }
        let snapshot = snapshot(fixture)
        let (path, offset) = try #require(fixture.markers["1️⃣"])
        let result = try #require(snapshot.completion(path: path, offset: offset))
        #expect(result.candidates.map(\.label) == ["bbbb"])
        #expect(result.candidates.first?.detail == "add email")
        #expect(result.candidates.first?.replaceRange.length == 1)
        let (dPath, dOffset) = try #require(fixture.markers["2️⃣"])
        let all = try #require(snapshot.completion(path: dPath, offset: dOffset)).candidates
        // Heads (c.py names the unknown 'b', so bbbb and cccc are heads; dddd is the file itself)
        // and their labels sort before the rest; labels are offered in depends_on.
        let sorted = all.sorted { $0.sortText < $1.sortText }.map(\.label)
        #expect(sorted == ["bbbb", "cccc", "lbl", "aaaa"])
        #expect(Set(sorted) == ["aaaa", "bbbb", "cccc", "lbl"])
        // Outside a string of those variables: nothing.
        #expect(snapshot.completion(path: dPath, offset: 0) == nil)
    }

    @Test func completionWorksInAFileThatDoesNotParse() throws {
        let fixture = try Fixture.project([
            "a.py": migration("aaaa", nil, doc: "create users"),
            "b.py": "revision = 'bbbb'\ndown_revision = (\n    'a1️⃣\n",
        ])
        defer { fixture.remove() }
        let (path, offset) = try #require(fixture.markers["1️⃣"])
        let result = try #require(snapshot(fixture).completion(path: path, offset: offset))
        #expect(result.candidates.map(\.label) == ["aaaa"])
    }

    @Test func documentSymbolsListRevisionUpgradeDowngrade() throws {
        let fixture = try Self.tree()
        defer { fixture.remove() }
        let symbols = snapshot(fixture).documentSymbols(path: fixture.path("alembic/versions/b.py"))
        #expect(symbols.map(\.name) == ["bbbb", "upgrade", "downgrade"])
        #expect(symbols.first?.detail == "add email")
    }

    @Test func workspaceSymbolsMatchIdPrefixAndMessageWords() throws {
        let fixture = try Self.tree()
        defer { fixture.remove() }
        let snapshot = snapshot(fixture)
        #expect(snapshot.workspaceSymbols(query: "bb").map(\.name) == ["bbbb"])
        #expect(snapshot.workspaceSymbols(query: "add PHONE").map(\.name) == ["cccc"])
        #expect(snapshot.workspaceSymbols(query: "").count == 5)
    }

    @Test func codeLensesDescribeGraphPosition() throws {
        let fixture = try Self.tree()
        defer { fixture.remove() }
        let snapshot = snapshot(fixture)
        func lens(_ name: String) -> String? { snapshot.codeLenses(path: fixture.path("alembic/versions/\(name)")).first?.title }
        #expect(lens("a.py") == "base · 1 child")
        #expect(lens("b.py") == "branch point · 2 children")
        #expect(lens("m.py") == "head · merge of cccc, dddd")
    }

    @Test func inlayHintsShowParentMessages() throws {
        let fixture = try Self.tree()
        defer { fixture.remove() }
        let hints = snapshot(fixture).inlayHints(path: fixture.path("alembic/versions/m.py"))
        #expect(hints.map(\.label) == ["add phone", "add feature", "add feature"])
    }

    @Test func graphExportListsNodesEdgesAndFormats() throws {
        let fixture = try Self.tree()
        defer { fixture.remove() }
        let export = RevisionGraphExport(snapshot(fixture).project)
        #expect(export.nodes.count == 5)
        #expect(export.edges.filter { $0.kind == .downRevision }.count == 5)
        #expect(export.edges.filter { $0.kind == .dependsOn }.map(\.from) == ["feature"])
        #expect(export.environments.first?.heads == ["mmmm"])
        #expect(export.dot.hasPrefix("digraph revisions {"))
        #expect(export.dot.contains("\"0:mmmm\" -> \"0:cccc\";"))
        #expect(export.mermaid.hasPrefix("flowchart BT"))
        #expect(export.json.contains("\"id\" : \"mmmm\""))
    }
}
