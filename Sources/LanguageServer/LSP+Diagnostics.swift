extension LSP {
    public struct CodeDescription: Codable, Hashable, Sendable {
        public var href: String
    }

    public struct DiagnosticRelatedInformation: Codable, Hashable, Sendable {
        public var location: Location
        public var message: String
    }

    public struct Diagnostic: Codable, Hashable, Sendable {
        public var range: Range
        /// 1 error, 2 warning, 3 information, 4 hint.
        public var severity: Int
        public var code: String
        public var codeDescription: CodeDescription?
        public var source: String
        public var message: String
        public var relatedInformation: [DiagnosticRelatedInformation]?
    }

    public struct PublishDiagnosticsParams: Codable, Hashable, Sendable {
        public var uri: String
        public var version: Int?
        public var diagnostics: [Diagnostic]
    }

    /// A `textDocument/diagnostic` full report.
    public struct FullDocumentDiagnosticReport: Codable, Hashable, Sendable {
        public var kind = "full"
        public var resultId: String?
        public var items: [Diagnostic]
    }

    /// One file of a `workspace/diagnostic` report.
    public struct WorkspaceFullDocumentDiagnosticReport: Codable, Hashable, Sendable {
        public var kind = "full"
        public var uri: String
        public var version: Int?
        public var items: [Diagnostic]
    }

    public struct WorkspaceDiagnosticReport: Codable, Hashable, Sendable {
        public var items: [WorkspaceFullDocumentDiagnosticReport]
    }
}
