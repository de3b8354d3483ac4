import AlembicModel
import Foundation
import PythonSyntax
import TextCore

/// Hover text for a revision id or branch label literal.
public struct HoverInfo: Hashable, Sendable {
    /// Markdown.
    public var markdown: String
    /// The literal hovered.
    public var range: ByteRange
}

extension AnalysisSnapshot {
    /// The most upgrade operations a hover lists.
    static let hoverOperationLimit = 8

    /// What the revision named under `offset` is: message, file, create date, parents,
    /// children, head / base / merge status, whether the live database applied it, and the
    /// operations of its `upgrade()`; for a table name in an operation's arguments, the table
    /// (``tableHover(path:offset:)``).
    public func hover(path: String, offset: Int) -> HoverInfo? {
        guard let environment = migration(at: path)?.environment, let mention = mention(at: path, offset: offset) else {
            return tableHover(path: path, offset: offset)
        }
        let id: String
        if mention.role == .branchLabel {
            id = environment.fileIndexByLabel[mention.value].flatMap { environment.files[$0].revisionID } ?? mention.value
        } else if let owner = environment.fileIndexByLabel[mention.value], environment.fileIndexByRevision[mention.value] == nil {
            id = environment.files[owner].revisionID ?? mention.value
        } else {
            id = mention.value
        }
        guard let file = environment.file(for: id) else {
            return HoverInfo(markdown: "**`\(mention.value)`**: no revision of this environment has this id", range: mention.range)
        }
        var lines: [String] = []
        let message = file.docstring?.message ?? ""
        lines.append("**`\(id)`**" + (message.isEmpty ? "" : " — \(message)"))
        lines.append("")
        lines.append("- file: `\(relativePath(file.path))`")
        if let date = file.docstring?.createDate { lines.append("- created: \(date)") }
        if let info = environment.lintGraph.revisionInfo(id) {
            lines.append("- status: \(Self.status(info))")
            let parents = info.allDownRevisions
            lines.append("- parents: " + (parents.isEmpty ? "none" : parents.map { describe($0, in: environment) }.joined(separator: ", ")))
            let children = info.allNextRevisions
            lines.append("- children: " + (children.isEmpty ? "none" : children.map { describe($0, in: environment) }.joined(separator: ", ")))
            if !info.branchLabels.isEmpty { lines.append("- branch labels: " + info.branchLabels.map { "`\($0)`" }.joined(separator: ", ")) }
        }
        switch databases[environment.environment.id] {
        case let .available(snapshot)?:
            if let status = databaseStatus(of: environment), let label = Self.databaseLabel(id, in: status) {
                lines.append("- database: \(label) on `\(snapshot.url)`")
            }
        case let .unavailable(url, _)?:
            lines.append("- database: `\(url)` could not be read")
        case nil:
            break
        }
        if let bytes = source(file.path)?.bytes {
            let operations = MigrationOperations.extract(parseModule(bytes)).upgrade
            if !operations.isEmpty {
                lines.append("")
                lines.append("upgrade:")
                lines.append("```python")
                lines += operations.prefix(Self.hoverOperationLimit)
                if operations.count > Self.hoverOperationLimit { lines.append("# … \(operations.count - Self.hoverOperationLimit) more") }
                lines.append("```")
            }
        }
        return HoverInfo(markdown: lines.joined(separator: "\n"), range: mention.range)
    }

    /// "head", "base", "merge point", "branch point" … joined.
    static func status(_ info: RevisionInfo) -> String {
        var parts: [String] = []
        if info.isHead { parts.append("head") }
        if info.isBase { parts.append("base") }
        if info.isMergePoint { parts.append("merge point") }
        if info.isBranchPoint { parts.append("branch point") }
        return parts.isEmpty ? "intermediate revision" : parts.joined(separator: ", ")
    }

    func describe(_ id: String, in environment: EnvironmentAnalysis) -> String {
        let message = environment.file(for: id)?.docstring?.message ?? ""
        return message.isEmpty ? "`\(id)`" : "`\(id)` (\(message))"
    }

    /// `path` relative to the first workspace root that contains it.
    func relativePath(_ path: String) -> String {
        for root in project.roots {
            let prefix = root.hasSuffix("/") ? root : root + "/"
            if path.hasPrefix(prefix) { return String(path.dropFirst(prefix.count)) }
        }
        return path
    }
}
