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
    /// clears a file whose problems are gone).
    func analyzeAndPublish() {
        let snapshot = host.update()
        let context = RequestContext(
            snapshot: snapshot, encoding: encoding, uris: documents.mapValues(\.uri), versions: documents.mapValues(\.version))
        // Convert only sets whose analysis result changed, or whose document changed (an edit
        // can move columns without moving byte offsets); publish those that differ.
        var changed: [String] = []
        for (path, diagnostics) in snapshot.diagnostics {
            if publishedVersions[path] == context.versions[path], let previous = lastDiagnostics[path], previous == diagnostics { continue }
            let converted = diagnostics.map(context.diagnostic)
            if (published[path] ?? []) != converted || publishedVersions[path] != context.versions[path] && !converted.isEmpty {
                changed.append(path)
            }
            published[path] = converted
        }
        for path in published.keys where snapshot.diagnostics[path] == nil {
            if published.removeValue(forKey: path)?.isEmpty == false { changed.append(path) }
        }
        lastDiagnostics = snapshot.diagnostics
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
