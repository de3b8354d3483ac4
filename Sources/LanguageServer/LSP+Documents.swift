extension LSP {
    public struct DidOpenTextDocumentParams: Codable, Sendable {
        public var textDocument: TextDocumentItem
    }

    public struct TextDocumentContentChangeEvent: Codable, Sendable {
        /// Absent for a full-text change.
        public var range: Range?
        public var text: String
    }

    public struct DidChangeTextDocumentParams: Codable, Sendable {
        public var textDocument: VersionedTextDocumentIdentifier
        public var contentChanges: [TextDocumentContentChangeEvent]
    }

    public struct DidCloseTextDocumentParams: Codable, Sendable {
        public var textDocument: TextDocumentIdentifier
    }

    public struct DidSaveTextDocumentParams: Codable, Sendable {
        public var textDocument: TextDocumentIdentifier
        public var text: String?
    }
}
