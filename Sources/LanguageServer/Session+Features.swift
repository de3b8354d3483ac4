import IDE
import TextCore

extension Session {
    func hover(id: RequestID, _ params: LSP.TextDocumentPositionParams) throws(ResponseError) {
        runOnSnapshot(id: id, document: params.textDocument.uri) { context throws(ResponseError) in
            let path = try context.path(params.textDocument.uri)
            guard let info = context.snapshot.hover(path: path, offset: context.offset(path, params.position)) else { return JSON.null }
            return LSP.Hover(contents: LSP.MarkupContent(kind: "markdown", value: info.markdown), range: context.range(path, info.range))
        }
    }

    func definition(id: RequestID, _ params: LSP.TextDocumentPositionParams) throws(ResponseError) {
        runOnSnapshot(id: id, document: params.textDocument.uri) { context throws(ResponseError) in
            let path = try context.path(params.textDocument.uri)
            return context.snapshot.definition(path: path, offset: context.offset(path, params.position)).map(context.location)
        }
    }

    func references(id: RequestID, _ params: LSP.ReferenceParams) throws(ResponseError) {
        runOnSnapshot(id: id, document: params.textDocument.uri) { context throws(ResponseError) in
            let path = try context.path(params.textDocument.uri)
            return context.snapshot.references(
                path: path, offset: context.offset(path, params.position),
                includeDeclaration: params.context?.includeDeclaration ?? true
            ).map(context.location)
        }
    }

    func completion(id: RequestID, _ params: LSP.TextDocumentPositionParams) throws(ResponseError) {
        runOnSnapshot(id: id, document: params.textDocument.uri) { context throws(ResponseError) in
            let path = try context.path(params.textDocument.uri)
            guard let result = context.snapshot.completion(path: path, offset: context.offset(path, params.position)) else {
                return LSP.CompletionList(isIncomplete: false, items: [])
            }
            let items = result.candidates.map { candidate in
                LSP.CompletionItem(
                    label: candidate.label, kind: candidate.kind == .revision ? 12 : 18, detail: candidate.detail,
                    sortText: candidate.sortText, filterText: candidate.label,
                    textEdit: LSP.TextEdit(range: context.range(path, candidate.replaceRange), newText: candidate.label))
            }
            return LSP.CompletionList(isIncomplete: result.isIncomplete, items: items)
        }
    }

    func documentSymbols(id: RequestID, _ params: LSP.TextDocumentParams) throws(ResponseError) {
        runOnSnapshot(id: id, document: params.textDocument.uri) { context throws(ResponseError) in
            let path = try context.path(params.textDocument.uri)
            return context.snapshot.documentSymbols(path: path).map { symbol in
                LSP.DocumentSymbol(
                    name: symbol.name, detail: symbol.detail.isEmpty ? nil : symbol.detail, kind: symbol.kind == .revision ? 14 : 12,
                    range: context.range(path, symbol.range), selectionRange: context.range(path, symbol.selectionRange))
            }
        }
    }

    func workspaceSymbols(id: RequestID, _ params: LSP.WorkspaceSymbolParams) throws(ResponseError) {
        runOnSnapshot(id: id) { context in
            context.snapshot.workspaceSymbols(query: params.query).map { symbol in
                LSP.SymbolInformation(name: symbol.name, kind: 14, location: context.location(symbol.location), containerName: symbol.detail)
            }
        }
    }

    func codeLenses(id: RequestID, _ params: LSP.TextDocumentParams) throws(ResponseError) {
        runOnSnapshot(id: id, document: params.textDocument.uri) { context throws(ResponseError) in
            let path = try context.path(params.textDocument.uri)
            return context.snapshot.codeLenses(path: path).map { lens in
                let range = context.range(path, lens.range)
                if lens.kind == .database {
                    return LSP.CodeLens(range: range, command: LSP.Command(title: lens.title, command: ServerCommands.refreshDatabase, arguments: []))
                }
                // VS Code's `editor.action.showReferences` arguments: the URI, the position,
                // the locations; the server answers the command with the locations.
                let arguments: [JSON] = [
                    .string(context.uri(path)), JSON.encoding(range.start),
                    .array(lens.targets.map { JSON.encoding(context.location($0)) }),
                ]
                return LSP.CodeLens(range: range, command: LSP.Command(
                    title: lens.title, command: ServerCommands.showReferences, arguments: arguments))
            }
        }
    }

    func inlayHints(id: RequestID, _ params: LSP.InlayHintParams) throws(ResponseError) {
        runOnSnapshot(id: id, document: params.textDocument.uri) { context throws(ResponseError) in
            let path = try context.path(params.textDocument.uri)
            let range = ByteRange(start: context.offset(path, params.range.start), end: context.offset(path, params.range.end))
            let index = context.lineIndex(path)
            return context.snapshot.inlayHints(path: path, in: range).map { hint in
                LSP.InlayHint(position: context.position(index, hint.offset), label: hint.label, paddingLeft: true)
            }
        }
    }

    func graph(id: RequestID) {
        runOnSnapshot(id: id) { context in
            GraphResponse(RevisionGraphExport(context.snapshot.project), context: context)
        }
    }
}

/// The `alembic-ls/graph` result: the export with LSP locations for nodes.
struct GraphResponse: Encodable, Sendable {
    struct Node: Encodable, Sendable {
        var environment: Int
        var id: String
        var message: String
        var location: LSP.Location
        var branchLabels: [String]
        var isHead: Bool
        var isBase: Bool
        var isMergePoint: Bool
        var isBranchPoint: Bool
    }

    var environments: [RevisionGraphExport.Environment]
    var nodes: [Node]
    var edges: [RevisionGraphExport.Edge]

    init(_ export: RevisionGraphExport, context: RequestContext) {
        environments = export.environments
        edges = export.edges
        nodes = export.nodes.map { node in
            Node(
                environment: node.environment, id: node.id, message: node.message,
                location: context.location(.init(path: node.path, range: ByteRange(start: node.start, end: node.end))),
                branchLabels: node.branchLabels, isHead: node.isHead, isBase: node.isBase, isMergePoint: node.isMergePoint,
                isBranchPoint: node.isBranchPoint)
        }
    }
}
