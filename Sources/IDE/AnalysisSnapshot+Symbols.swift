import AlembicModel
import Lint
import PythonSyntax
import TextCore

/// A symbol of one migration file.
public struct DocumentSymbolInfo: Hashable, Sendable {
    public enum Kind: Hashable, Sendable {
        case revision, function
    }

    public var name: String
    public var detail: String
    public var kind: Kind
    /// The whole statement.
    public var range: ByteRange
    /// The part to highlight (the id literal, the function name).
    public var selectionRange: ByteRange
}

/// A revision found by a workspace symbol query.
public struct WorkspaceSymbolInfo: Hashable, Sendable {
    public var name: String
    /// The revision's message.
    public var detail: String
    public var location: Location
}

extension AnalysisSnapshot {
    /// `revision`, `upgrade` and `downgrade` of the migration at `path`.
    public func documentSymbols(path: String) -> [DocumentSymbolInfo] {
        guard let file = migration(at: path)?.file, let bytes = source(path)?.bytes else { return [] }
        var out: [DocumentSymbolInfo] = []
        if let statement = file.revision.statementRange {
            let selection = file.revision.valueRange ?? statement
            out.append(DocumentSymbolInfo(
                name: file.revisionID ?? "revision", detail: file.docstring?.message ?? "", kind: .revision,
                range: statement, selectionRange: selection))
        }
        let parsed = parseModule(bytes)
        for statement in parsed.body {
            guard case let .functionDef(function) = statement.kind else { continue }
            let name = function.name.name
            guard name == "upgrade" || name == "downgrade" else { continue }
            out.append(DocumentSymbolInfo(
                name: name, detail: "", kind: .function, range: statement.range, selectionRange: function.nameRange))
        }
        return out.sorted { $0.range < $1.range }
    }

    /// Revisions whose id starts with `query` or whose message contains each of its words
    /// (case-insensitive), at most `limit`.
    public func workspaceSymbols(query: String, limit: Int = 500) -> [WorkspaceSymbolInfo] {
        let needle = query.lowercased()
        let words = needle.split(separator: " ").map(String.init)
        var out: [WorkspaceSymbolInfo] = []
        var seen = Set<String>()
        for environment in project.environments {
            for file in environment.files {
                guard let id = file.revisionID, out.count < limit else { continue }
                let message = file.docstring?.message ?? ""
                let lower = message.lowercased()
                let matches = needle.isEmpty || id.lowercased().hasPrefix(needle) || (!words.isEmpty && words.allSatisfy { lower.contains($0) })
                guard matches, seen.insert(file.path + "\u{0}" + id).inserted else { continue }
                out.append(WorkspaceSymbolInfo(
                    name: id, detail: message, location: Location(path: file.path, range: file.revision.valueRange ?? .empty(at: 0))))
            }
        }
        return out
    }
}
