import Foundation
import IDE

extension Session {
    /// Re-analyses after `options.debounce`; changes arriving meanwhile are coalesced.
    func scheduleAnalysis() {
        guard !analysisScheduled, host.hasPendingWork else { return }
        analysisScheduled = true
        queue.asyncAfter(deadline: .now() + options.debounce) {
            self.analysisScheduled = false
            guard self.state == .running, self.host.hasPendingWork else { return }
            self.analyzeAndPublish()
        }
    }

    /// Applies pending changes and publishes the diagnostic sets that changed (an empty set
    /// clears a file whose problems are gone). Only the paths the host reports as changed,
    /// and open documents whose version changed, are converted and compared.
    func analyzeAndPublish() {
        let snapshot = host.update()
        let context = RequestContext(
            snapshot: snapshot, encoding: encoding, uris: documents.mapValues(\.uri), versions: documents.mapValues(\.version))
        // An edit can move columns without moving byte offsets: a document whose version
        // changed is converted again even when its analysis result did not change.
        var candidates = host.takeChangedPaths()
        for (path, version) in context.versions where publishedVersions[path] != version { candidates.insert(path) }
        for path in publishedVersions.keys where context.versions[path] == nil { candidates.insert(path) }
        var changed: [String] = []
        for path in candidates {
            guard let diagnostics = snapshot.diagnostics[path] else {
                if published.removeValue(forKey: path)?.isEmpty == false { changed.append(path) }
                continue
            }
            let converted = diagnostics.map(context.diagnostic)
            if (published[path] ?? []) != converted || publishedVersions[path] != context.versions[path] && !converted.isEmpty {
                changed.append(path)
            }
            published[path] = converted
        }
        publishedVersions = context.versions
        for path in changed.sorted() {
            notify("textDocument/publishDiagnostics", LSP.PublishDiagnosticsParams(
                uri: context.uri(path), version: context.versions[path], diagnostics: published[path] ?? []))
        }
    }

    func documentDiagnostics(id: RequestID, _ params: LSP.TextDocumentParams) throws(ResponseError) {
        runOnSnapshot(id: id, document: params.textDocument.uri) { context throws(ResponseError) in
            let path = try context.path(params.textDocument.uri)
            let items = (context.snapshot.diagnostics[path] ?? []).map(context.diagnostic)
            return LSP.FullDocumentDiagnosticReport(resultId: "\(context.snapshot.generation)", items: items)
        }
    }

    func workspaceDiagnostics(id: RequestID) {
        runOnSnapshot(id: id) { context in
            let all = context.allDiagnostics()
            let items = all.keys.sorted().map { path in
                LSP.WorkspaceFullDocumentDiagnosticReport(uri: context.uri(path), version: context.versions[path], items: all[path] ?? [])
            }
            return LSP.WorkspaceDiagnosticReport(items: items)
        }
    }
}
