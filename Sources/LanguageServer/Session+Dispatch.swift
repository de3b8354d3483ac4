import Foundation

extension Session {
    /// Routes a request (consumer queue).
    func handleRequest(id: RequestID, method: String, data: Data) {
        switch state {
        case .exited:
            return
        case .uninitialized where method != "initialize":
            sendError(id: id, .serverNotInitialized)
            return
        case .shutDown:
            sendError(id: id, .invalidRequest("the server is shutting down"))
            return
        case .running where method == "initialize":
            sendError(id: id, .invalidRequest("initialize was already received"))
            return
        default:
            break
        }
        do throws(ResponseError) {
            switch method {
            case "initialize": sendResult(id: id, try initialize(params(LSP.InitializeParams.self, data)))
            case "shutdown":
                waitForRunningRequests()
                state = .shutDown
                sendResult(id: id, JSON.null)
            case "textDocument/hover": try hover(id: id, params(LSP.TextDocumentPositionParams.self, data))
            case "textDocument/definition": try definition(id: id, params(LSP.TextDocumentPositionParams.self, data))
            case "textDocument/references": try references(id: id, params(LSP.ReferenceParams.self, data))
            case "textDocument/completion": try completion(id: id, params(LSP.TextDocumentPositionParams.self, data))
            case "textDocument/documentSymbol": try documentSymbols(id: id, params(LSP.TextDocumentParams.self, data))
            case "workspace/symbol": try workspaceSymbols(id: id, params(LSP.WorkspaceSymbolParams.self, data))
            case "textDocument/codeAction": try codeAction(id: id, params(LSP.CodeActionParams.self, data))
            case "workspace/executeCommand": try executeCommand(id: id, params(LSP.ExecuteCommandParams.self, data))
            case "textDocument/codeLens": try codeLenses(id: id, params(LSP.TextDocumentParams.self, data))
            case "textDocument/inlayHint": try inlayHints(id: id, params(LSP.InlayHintParams.self, data))
            case "textDocument/diagnostic": try documentDiagnostics(id: id, params(LSP.TextDocumentParams.self, data))
            case "workspace/diagnostic": workspaceDiagnostics(id: id)
            case "alembic-ls/graph": graph(id: id)
            default: sendError(id: id, .methodNotFound(method))
            }
        } catch {
            sendError(id: id, error)
        }
    }

    /// Applies a notification in order (consumer queue). Bad params are logged and ignored.
    func handleNotification(method: String, data: Data) {
        if method == "exit" {
            if state != .exited { exit() }
            return
        }
        guard state == .running else {
            if state == .uninitialized { log.log("notification \(method) before initialize ignored") }
            return
        }
        do throws(ResponseError) {
            switch method {
            case "initialized": initialized()
            case "$/cancelRequest": cancel(try params(LSP.CancelParams.self, data).id)
            case "$/setTrace": trace = try params(LSP.SetTraceParams.self, data).value
            case "textDocument/didOpen": didOpen(try params(LSP.DidOpenTextDocumentParams.self, data))
            case "textDocument/didChange": didChange(try params(LSP.DidChangeTextDocumentParams.self, data))
            case "textDocument/didClose": didClose(try params(LSP.DidCloseTextDocumentParams.self, data))
            case "textDocument/didSave": didSave(try params(LSP.DidSaveTextDocumentParams.self, data))
            case "workspace/didChangeWatchedFiles": didChangeWatchedFiles(try params(LSP.DidChangeWatchedFilesParams.self, data))
            case "workspace/didChangeWorkspaceFolders": didChangeWorkspaceFolders(try params(LSP.DidChangeWorkspaceFoldersParams.self, data))
            case "workspace/didChangeConfiguration": didChangeConfiguration(try params(LSP.DidChangeConfigurationParams.self, data))
            default: log.log("notification \(method) ignored")
            }
        } catch {
            log.log("notification \(method): \(error.message)")
        }
    }
}
