extension LSP {
    public struct CodeActionContext: Codable, Sendable {
        /// The client's copies of the diagnostics at the range, kept as sent: clients trim
        /// them (ALE drops `severity` and `source`), and fixes are found by the range alone.
        public var diagnostics: [JSON]?
        /// Requested kinds; an action is returned when its kind equals or extends one of them.
        public var only: [String]?
    }

    public struct CodeActionParams: Codable, Sendable {
        public var textDocument: TextDocumentIdentifier
        public var range: Range
        public var context: CodeActionContext?
    }

    public struct CodeAction: Encodable, Sendable {
        public var title: String
        public var kind: String
        public var diagnostics: [Diagnostic]?
        public var isPreferred: Bool?
        public var edit: WorkspaceEdit?
        public var command: Command?
    }

    /// A text document and the version the edits apply to (`null`: the file on disk).
    public struct OptionalVersionedTextDocumentIdentifier: Codable, Hashable, Sendable {
        public var uri: String
        public var version: Int?

        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(uri, forKey: .uri)
            // The version is required and nullable: always written.
            try container.encode(version, forKey: .version)
        }
    }

    public struct TextDocumentEdit: Encodable, Sendable {
        public var textDocument: OptionalVersionedTextDocumentIdentifier
        public var edits: [TextEdit]
    }

    /// One entry of `WorkspaceEdit.documentChanges`. No file operations: the server writes
    /// new files itself (see `Session.perform`), since the clients here mishandle `CreateFile`.
    public enum DocumentChange: Encodable, Sendable {
        case edit(TextDocumentEdit)

        public func encode(to encoder: any Encoder) throws {
            switch self {
            case let .edit(edit): try edit.encode(to: encoder)
            }
        }
    }

    /// Either `changes` (plain edits by URI) or `documentChanges` (versioned edits), as the
    /// client announced.
    public struct WorkspaceEdit: Encodable, Sendable {
        public var changes: [String: [TextEdit]]?
        public var documentChanges: [DocumentChange]?
    }

    public struct ApplyWorkspaceEditParams: Encodable, Sendable {
        public var label: String?
        public var edit: WorkspaceEdit
    }

    public struct ExecuteCommandParams: Codable, Sendable {
        public var command: String
        public var arguments: [JSON]?
    }

    public struct ShowDocumentParams: Encodable, Sendable {
        public var uri: String
        public var takeFocus: Bool?
        public var selection: Range?
    }
}
