import Foundation
import IDE
import Lint
import TextCore

/// What the client can do with a `WorkspaceEdit` (from its `initialize` capabilities).
struct EditCapabilities: Sendable {
    /// `workspace.workspaceEdit.documentChanges`: versioned `TextDocumentEdit`s.
    var documentChanges = false
    /// `window.showDocument.support`.
    var showDocument = false

    init() {}

    init(_ capabilities: JSON) {
        documentChanges = capabilities["workspace"]?["workspaceEdit"]?["documentChanges"]?.bool == true
        showDocument = capabilities["window"]?["showDocument"]?["support"]?.bool == true
    }
}

extension Session {
    static let fixAllKind = "source.fixAll.alembic-ls"
    static let guardAllKind = "source.guardAll.alembic-ls"

    /// `textDocument/codeAction`: quick fixes for the diagnostics in the range and the file's
    /// fix-all action, filtered by `context.only`. The edit is always in `CodeAction.edit`
    /// (eglot, ALE and YCM have no `codeAction/resolve`), except for fixes creating files:
    /// those run as the `alembic-ls.applyFix` command and the server writes the files.
    func codeAction(id: RequestID, _ params: LSP.CodeActionParams) throws(ResponseError) {
        let capabilities = editCapabilities
        runOnSnapshot(id: id, document: params.textDocument.uri) { context throws(ResponseError) in
            let path = try context.path(params.textDocument.uri)
            let a = context.offset(path, params.range.start)
            let b = context.offset(path, params.range.end)
            let only = params.context?.only
            var infos: [CodeActionInfo] = []
            if Self.wants(only, "quickfix") { infos += context.snapshot.codeActions(path: path, range: ByteRange(start: min(a, b), end: max(a, b))) }
            if Self.wants(only, Self.fixAllKind), let all = context.snapshot.fixAll(path: path) { infos.append(all) }
            if Self.wants(only, Self.guardAllKind), let all = context.snapshot.guardAll(path: path) { infos.append(all) }
            return infos.compactMap { info in
                Self.codeAction(info, uri: params.textDocument.uri, range: params.range, context: context, capabilities: capabilities)
            }
        }
    }

    /// Whether an action of `kind` is requested: `only` absent, or `kind` equal to or
    /// below one of its kinds (`source` covers `source.fixAll.alembic-ls`).
    static func wants(_ only: [String]?, _ kind: String) -> Bool {
        guard let only else { return true }
        return only.contains { kind == $0 || kind.hasPrefix($0 + ".") }
    }

    static func codeAction(
        _ info: CodeActionInfo, uri: String, range: LSP.Range, context: RequestContext, capabilities: EditCapabilities
    ) -> LSP.CodeAction? {
        // Every edited file must be one the analysis read: its positions come from those bytes.
        guard info.fix.edits.allSatisfy({ context.snapshot.source($0.path) != nil }) else { return nil }
        var action = LSP.CodeAction(
            title: info.title, kind: kind(info.kind),
            diagnostics: info.diagnostics.map(context.diagnostic), isPreferred: info.isPreferred ? true : nil)
        if info.fix.newFiles.isEmpty {
            action.edit = workspaceEdit(info.fix, context: context, capabilities: capabilities)
        } else {
            let argument = JSON.object(["uri": .string(uri), "range": .encoding(range), "title": .string(info.title)])
            action.command = LSP.Command(title: info.title, command: ServerCommands.applyFix, arguments: [argument])
        }
        return action
    }

    /// The LSP kind of an action.
    static func kind(_ kind: CodeActionInfo.Kind) -> String {
        switch kind {
        case .quickFix: "quickfix"
        case .fixAll: fixAllKind
        case .guardAll: guardAllKind
        }
    }

    /// A fix's edits of existing files as a `WorkspaceEdit`: `documentChanges` (versioned for
    /// open documents) where the client supports them, else `changes`. New files are never in
    /// it (``perform(_:context:)`` writes them).
    static func workspaceEdit(_ fix: Fix, context: RequestContext, capabilities: EditCapabilities) -> LSP.WorkspaceEdit {
        let edits = fix.edits.map { fileEdit in
            (uri: context.uri(fileEdit.path),
             edits: fileEdit.edits.map { LSP.TextEdit(range: context.range(fileEdit.path, $0.range), newText: $0.newText) })
        }
        guard capabilities.documentChanges else {
            var changes: [String: [LSP.TextEdit]] = [:]
            for edit in edits { changes[edit.uri, default: []] += edit.edits }
            return LSP.WorkspaceEdit(changes: changes, documentChanges: nil)
        }
        var changes: [LSP.DocumentChange] = []
        for (fileEdit, edit) in zip(fix.edits, edits) {
            changes.append(.edit(LSP.TextDocumentEdit(
                textDocument: .init(uri: edit.uri, version: context.versions[fileEdit.path]), edits: edit.edits)))
        }
        return LSP.WorkspaceEdit(changes: nil, documentChanges: changes)
    }

    // MARK: Commands

    /// `workspace/executeCommand`: runs a command of ``ServerCommands`` on the consumer
    /// queue, on the current analysis.
    func executeCommand(id: RequestID, _ params: LSP.ExecuteCommandParams) throws(ResponseError) {
        guard let handler = ServerCommands.handlers[params.command] else {
            throw .invalidParams("unknown command: \(params.command)")
        }
        sendResult(id: id, try handler(self, params.arguments ?? [], currentContext()))
    }

    /// `alembic-ls.applyFix [{uri, range, title}]`: finds the action again and performs it.
    func applyFixCommand(_ arguments: [JSON], context: RequestContext) throws(ResponseError) -> JSON {
        guard let argument = arguments.first, let uri = argument["uri"]?.string, let title = argument["title"]?.string,
              let range = argument["range"]?.decoded(as: LSP.Range.self) else {
            throw .invalidParams("alembic-ls.applyFix needs [{uri, range, title}]")
        }
        let path = try context.path(uri)
        let a = context.offset(path, range.start)
        let b = context.offset(path, range.end)
        let infos = context.snapshot.codeActions(path: path, range: ByteRange(start: min(a, b), end: max(a, b)))
            + [context.snapshot.fixAll(path: path), context.snapshot.guardAll(path: path)].compactMap { $0 }
        guard let info = infos.first(where: { $0.title == title }) else {
            throw ResponseError(code: ResponseError.contentModifiedCode, message: "the fix '\(title)' no longer applies")
        }
        try perform(info.fix, context: context)
        return .null
    }

    /// `alembic-ls.createMergeMigration [{uri}]?`: creates the merge migration of the heads
    /// of the environment holding `uri` (or of the one environment with several heads), as
    /// `alembic merge heads` would, rendered from the environment's `script.py.mako`.
    func createMergeMigrationCommand(_ arguments: [JSON], context: RequestContext) throws(ResponseError) -> JSON {
        var path: String?
        if let uri = arguments.first?["uri"]?.string ?? arguments.first?.string { path = try context.path(uri) }
        switch context.snapshot.mergeMigrationFix(forPath: path) {
        case nil:
            throw ResponseError(code: ResponseError.invalidParamsCode, message: "no Alembic environment here has more than one head")
        case .failure(let error)?:
            throw ResponseError(code: ResponseError.internalErrorCode, message: "cannot create the merge migration: \(error.message)")
        case .success(let fix)?:
            try perform(fix, context: context)
            return .string(fix.newFiles.first.map { URIPath.uri(fromPath: $0.path) } ?? "")
        }
    }

    /// `alembic-ls.showReferences [uri, position, locations]`: answers the locations, and
    /// opens the one location where the client can show documents.
    func showReferencesCommand(_ arguments: [JSON], context: RequestContext) throws(ResponseError) -> JSON {
        guard arguments.count == 3, let locations = arguments[2].decoded(as: [LSP.Location].self) else {
            throw .invalidParams("alembic-ls.showReferences needs [uri, position, locations]")
        }
        if locations.count == 1, let only = locations.first, editCapabilities.showDocument {
            request("window/showDocument", LSP.ShowDocumentParams(uri: only.uri, takeFocus: true, selection: only.range))
        }
        return arguments[2]
    }

    /// Performs a fix for the client: the server writes its new files (`O_EXCL`: never over
    /// an existing file; none of Neovim 0.7, eglot 1.9, lsp-mode 8 and ALE applies a
    /// `CreateFile` with its text correctly), then opens the first with `window/showDocument`
    /// or names it in `window/showMessage`; the edits go out as `workspace/applyEdit`, whose
    /// answer is never awaited (ALE never sends one). All of it is sent before the command's
    /// response. Nothing is written when a new file's path is taken.
    func perform(_ fix: Fix, context: RequestContext) throws(ResponseError) {
        if let taken = fix.newFiles.first(where: { FileManager.default.fileExists(atPath: $0.path) }) {
            throw ResponseError(code: ResponseError.contentModifiedCode, message: "\(taken.path) already exists; nothing was changed")
        }
        var created: [String] = []
        for file in fix.newFiles {
            let outcome = SourceWriter.create(file.path, contents: Array(file.contents.utf8))
            guard outcome == .written else {
                // All or nothing: remove what this fix created so far.
                for path in created { try? FileManager.default.removeItem(atPath: path) }
                if case let .failed(message) = outcome {
                    throw ResponseError(code: ResponseError.internalErrorCode, message: "cannot create \(file.path): \(message)")
                }
                throw ResponseError(code: ResponseError.contentModifiedCode, message: "\(file.path) appeared meanwhile; not overwritten")
            }
            created.append(file.path)
        }
        if !created.isEmpty {
            // Published now, before the command's response: lsp-mode 8 leaves its process
            // filter when a synchronous request's response arrives, dropping what follows it.
            for path in created { host.diskChanged(path, .created) }
            analyzeAndPublish()
        }
        if !fix.edits.isEmpty {
            request("workspace/applyEdit", LSP.ApplyWorkspaceEditParams(
                label: fix.title, edit: Self.workspaceEdit(fix, context: context, capabilities: editCapabilities)))
        }
        guard let first = created.first else { return }
        logMessage("created \(created.joined(separator: ", "))")
        if editCapabilities.showDocument {
            request("window/showDocument", LSP.ShowDocumentParams(uri: URIPath.uri(fromPath: first), takeFocus: true, selection: nil))
        } else {
            notify("window/showMessage", LogMessageParams(type: 3, message: "alembic-ls created \(first)"))
        }
    }
}
