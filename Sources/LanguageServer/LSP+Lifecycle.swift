extension LSP {
    public struct WorkspaceFolder: Codable, Hashable, Sendable {
        public var uri: String
        public var name: String?
    }

    /// `initialize` params: the client capabilities stay free-form and are queried by path.
    public struct InitializeParams: Codable, Sendable {
        public var processId: Int?
        public var rootUri: String?
        public var rootPath: String?
        public var workspaceFolders: [WorkspaceFolder]?
        public var capabilities: JSON?
        public var initializationOptions: JSON?
        public var trace: String?
    }

    public struct WorkspaceFoldersChangeEvent: Codable, Sendable {
        public var added: [WorkspaceFolder]
        public var removed: [WorkspaceFolder]
    }

    public struct DidChangeWorkspaceFoldersParams: Codable, Sendable {
        public var event: WorkspaceFoldersChangeEvent
    }

    public struct DidChangeConfigurationParams: Codable, Sendable {
        public var settings: JSON?
    }

    public struct FileEvent: Codable, Sendable {
        public var uri: String
        /// 1 created, 2 changed, 3 deleted.
        public var type: Int
    }

    public struct DidChangeWatchedFilesParams: Codable, Sendable {
        public var changes: [FileEvent]
    }

    public struct CancelParams: Codable, Sendable {
        public var id: RequestID
    }

    public struct SetTraceParams: Codable, Sendable {
        public var value: String
    }
}
