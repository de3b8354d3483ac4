extension LSP {
    public struct CodeActionContext: Codable, Sendable {
        public var diagnostics: [Diagnostic]?
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

    public struct CreateFileOptions: Encodable, Sendable {
        public var overwrite: Bool
        public var ignoreIfExists: Bool
    }

    public struct CreateFile: Encodable, Sendable {
        public var kind = "create"
        public var uri: String
        public var options: CreateFileOptions
    }

    /// One entry of `WorkspaceEdit.documentChanges`.
    public enum DocumentChange: Encodable, Sendable {
        case edit(TextDocumentEdit)
        case create(CreateFile)

        public func encode(to encoder: any Encoder) throws {
            switch self {
            case let .edit(edit): try edit.encode(to: encoder)
            case let .create(create): try create.encode(to: encoder)
            }
        }
    }

    /// Either `changes` (plain edits by URI) or `documentChanges` (versioned edits and file
    /// operations), as the client announced.
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
