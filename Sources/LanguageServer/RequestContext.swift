import AlembicModel
import IDE
import Lint
import TextCore

/// What a request handler sees: an immutable snapshot, the negotiated position encoding and
/// the open documents' URIs and versions. Converts between LSP positions and byte offsets.
public struct RequestContext: Sendable {
    public let snapshot: AnalysisSnapshot
    public let encoding: PositionEncoding
    /// Open documents: path → URI as the client spelled it.
    public let uris: [String: String]
    /// Open documents: path → version.
    public let versions: [String: Int]

    public init(snapshot: AnalysisSnapshot, encoding: PositionEncoding, uris: [String: String] = [:], versions: [String: Int] = [:]) {
        self.snapshot = snapshot
        self.encoding = encoding
        self.uris = uris
        self.versions = versions
    }

    /// The path of a `file:` URI, or `InvalidParams`.
    public func path(_ uri: String) throws(ResponseError) -> String {
        guard let path = URIPath.path(fromURI: uri) else { throw .invalidParams("not a file URI: \(uri)") }
        return path
    }

    /// The URI to report for `path`: the client's own spelling when the file is open.
    public func uri(_ path: String) -> String { uris[path] ?? URIPath.uri(fromPath: path) }

    func lineIndex(_ path: String) -> LineIndex { snapshot.source(path)?.lineIndex ?? LineIndex([UInt8]()) }

    /// The byte offset of `position` in the analysed text of `path` (clamped).
    public func offset(_ path: String, _ position: LSP.Position) -> Int {
        lineIndex(path).offset(of: LineColumn(line: position.line, column: position.character), encoding: encoding)
    }

    public func position(_ index: LineIndex, _ offset: Int) -> LSP.Position {
        let position = index.position(of: offset, encoding: encoding)
        return LSP.Position(line: position.line, character: position.column)
    }

    public func range(_ path: String, _ range: ByteRange) -> LSP.Range {
        let index = lineIndex(path)
        return LSP.Range(start: position(index, range.start), end: position(index, range.end))
    }

    public func location(_ location: Lint.Location) -> LSP.Location {
        LSP.Location(uri: uri(location.path), range: range(location.path, location.range))
    }

    /// An analysis diagnostic in LSP terms.
    public func diagnostic(_ diagnostic: Lint.Diagnostic) -> LSP.Diagnostic {
        let url = RuleRegistry.rule(named: diagnostic.code)?.metadata.url
        let severity: Int = switch diagnostic.severity {
        case .error: 1
        case .warning: 2
        case .information: 3
        case .hint: 4
        }
        let related = diagnostic.related.map { LSP.DiagnosticRelatedInformation(location: location($0.location), message: $0.message) }
        return LSP.Diagnostic(
            range: range(diagnostic.location.path, diagnostic.location.range), severity: severity, code: diagnostic.code,
            codeDescription: url.map(LSP.CodeDescription.init), source: "alembic-ls", message: diagnostic.message,
            relatedInformation: related.isEmpty ? nil : related)
    }

    /// Every file's diagnostics in LSP terms.
    public func allDiagnostics() -> [String: [LSP.Diagnostic]] {
        snapshot.diagnostics.mapValues { $0.map(diagnostic) }
    }
}
