import Foundation
import IDE

extension Session {
    func didOpen(_ params: LSP.DidOpenTextDocumentParams) {
        guard let path = URIPath.path(fromURI: params.textDocument.uri) else {
            log.log("didOpen of a non-file URI ignored: \(params.textDocument.uri)")
            return
        }
        let document = OpenDocument(uri: params.textDocument.uri, version: params.textDocument.version, bytes: Array(params.textDocument.text.utf8))
        documents[path] = document
        host.setOverlay(path, bytes: document.bytes)
        if !watchesFiles { host.rescanIfListingChanged() }
        scheduleAnalysis()
    }

    func didChange(_ params: LSP.DidChangeTextDocumentParams) {
        guard let path = URIPath.path(fromURI: params.textDocument.uri), var document = documents[path] else {
            log.log("didChange of a document that is not open ignored: \(params.textDocument.uri)")
            return
        }
        for change in params.contentChanges where !document.apply(change, encoding: encoding) {
            log.log("a change to \(path) could not be applied; waiting for the next full text")
        }
        if let version = params.textDocument.version { document.version = version }
        documents[path] = document
        contentModified(path)
        host.setOverlay(path, bytes: document.bytes)
        scheduleAnalysis()
    }

    func didClose(_ params: LSP.DidCloseTextDocumentParams) {
        guard let path = URIPath.path(fromURI: params.textDocument.uri), documents.removeValue(forKey: path) != nil else {
            log.log("didClose of a document that is not open ignored: \(params.textDocument.uri)")
            return
        }
        contentModified(path)
        host.setOverlay(path, bytes: nil)
        scheduleAnalysis()
    }

    func didSave(_ params: LSP.DidSaveTextDocumentParams) {
        guard let path = URIPath.path(fromURI: params.textDocument.uri) else { return }
        // Without file watching, a save is the moment to notice other changes on disk: a new
        // or deleted revision file re-discovers the workspace, other Python files do not.
        if !watchesFiles {
            if host.isMigration(path) || AnalysisHost.isConfiguration(path) { host.diskChanged(path, .changed) }
            host.rescanIfListingChanged()
        }
        scheduleAnalysis()
        // Saving a migration is when it may just have been applied: read the database again.
        refreshDatabases(force: host.isMigration(path) || AnalysisHost.isConfiguration(path))
    }

    func didChangeWatchedFiles(_ params: LSP.DidChangeWatchedFilesParams) {
        for change in params.changes {
            guard let path = URIPath.path(fromURI: change.uri) else { continue }
            let kind: AnalysisHost.DiskChange = switch change.type {
            case 1: .created
            case 3: .deleted
            default: .changed
            }
            host.diskChanged(path, kind)
        }
        scheduleAnalysis()
        if params.changes.contains(where: { URIPath.path(fromURI: $0.uri).map(AnalysisHost.isConfiguration) == true }) {
            refreshDatabases(force: true)
        }
    }
}
