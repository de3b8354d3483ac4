import AlembicModel
import Lint
import TextCore

/// A line of text shown above a `revision = …` line, and the revisions it is about.
public struct CodeLensInfo: Hashable, Sendable {
    /// What the lens is about, and so what a click on it does.
    public enum Kind: Hashable, Sendable {
        /// The revision's place in the graph: a click shows ``targets``.
        case graph
        /// Whether the live database applied the revision: a click reads the database again.
        case database
    }

    public var range: ByteRange
    public var title: String
    /// The `revision = …` literals of the parents, then of the children: what a click on
    /// the lens shows.
    public var targets: [Location]
    public var kind: Kind = .graph
}

/// A hint shown after a parent id: the parent's message.
public struct InlayHintInfo: Hashable, Sendable {
    /// Where the hint goes (after the literal).
    public var offset: Int
    public var label: String
}

extension AnalysisSnapshot {
    /// The revision's place in the graph: head / base / merge of … / branch point / N children;
    /// then, when the environment's database was read, "database: applied" or "database:
    /// pending, step N of M".
    public func codeLenses(path: String) -> [CodeLensInfo] {
        guard let (environment, file) = migration(at: path), let id = file.revisionID,
              let range = file.revision.statementRange ?? file.revision.valueRange else { return [] }
        guard let info = environment.lintGraph.revisionInfo(id) else {
            return [CodeLensInfo(range: range, title: "not in the revision graph", targets: [])]
        }
        var parts: [String] = []
        if info.isHead { parts.append("head") }
        if info.isBase { parts.append("base") }
        if info.isMergePoint { parts.append("merge of " + info.allDownRevisions.joined(separator: ", ")) }
        if info.isBranchPoint { parts.append("branch point") }
        let children = info.allNextRevisions.count
        if children > 0 { parts.append(children == 1 ? "1 child" : "\(children) children") }
        let targets = (info.allDownRevisions + info.allNextRevisions).compactMap { revision in
            environment.revisionLocation(revision).map { Location(path: $0.path, range: $0.range) }
        }
        var lenses = [CodeLensInfo(range: range, title: parts.joined(separator: " · "), targets: targets)]
        if let status = databaseStatus(of: environment), let label = Self.databaseLabel(id, in: status) {
            lenses.append(CodeLensInfo(range: range, title: "database: \(label)", targets: [], kind: .database))
        }
        return lenses
    }

    /// After each id in `down_revision` and `depends_on`, the named revision's message.
    public func inlayHints(path: String, in range: ByteRange? = nil) -> [InlayHintInfo] {
        guard let (environment, file) = migration(at: path) else { return [] }
        var out: [InlayHintInfo] = []
        for mention in file.mentions where mention.role == .downRevision || mention.role == .dependsOn {
            if let range, !range.touches(mention.range.end) { continue }
            let target = environment.fileIndexByRevision[mention.value] ?? environment.fileIndexByLabel[mention.value]
            guard let target, let message = environment.files[target].docstring?.message, !message.isEmpty else { continue }
            out.append(InlayHintInfo(offset: mention.range.end, label: message))
        }
        return out
    }
}
