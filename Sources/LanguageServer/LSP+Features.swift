extension LSP {
    public struct ReferenceContext: Codable, Sendable {
        public var includeDeclaration: Bool
    }

    public struct ReferenceParams: Codable, Sendable {
        public var textDocument: TextDocumentIdentifier
        public var position: Position
        public var context: ReferenceContext?
    }

    public struct Hover: Codable, Hashable, Sendable {
        public var contents: MarkupContent
        public var range: Range?
    }

    public struct TextEdit: Codable, Hashable, Sendable {
        public var range: Range
        public var newText: String
    }

    public struct CompletionItem: Codable, Hashable, Sendable {
        public var label: String
        /// 12 value, 18 reference.
        public var kind: Int
        public var detail: String?
        public var sortText: String
        public var filterText: String?
        public var textEdit: TextEdit?
    }

    public struct CompletionList: Codable, Hashable, Sendable {
        public var isIncomplete: Bool
        public var items: [CompletionItem]
    }

    public struct DocumentSymbol: Codable, Hashable, Sendable {
        public var name: String
        public var detail: String?
        /// 12 function, 14 constant.
        public var kind: Int
        public var range: Range
        public var selectionRange: Range
    }

    public struct WorkspaceSymbolParams: Codable, Sendable {
        public var query: String
    }

    public struct SymbolInformation: Codable, Hashable, Sendable {
        public var name: String
        public var kind: Int
        public var location: Location
        public var containerName: String?
    }

    public struct CodeLens: Codable, Hashable, Sendable {
        public var range: Range
        public var command: Command?
    }

    public struct InlayHintParams: Codable, Sendable {
        public var textDocument: TextDocumentIdentifier
        public var range: Range
    }

    public struct InlayHint: Codable, Hashable, Sendable {
        public var position: Position
        public var label: String
        public var paddingLeft: Bool?
    }
}
