/// Hand-written `Codable` types of the Language Server Protocol 3.17, only the parts used.
public enum LSP {}

extension LSP {
    /// A zero-based line and a column in the negotiated position encoding.
    public struct Position: Codable, Hashable, Sendable {
        public var line: Int
        public var character: Int

        public init(line: Int, character: Int) {
            self.line = line
            self.character = character
        }
    }

    public struct Range: Codable, Hashable, Sendable {
        public var start: Position
        public var end: Position

        public init(start: Position, end: Position) {
            self.start = start
            self.end = end
        }
    }

    public struct Location: Codable, Hashable, Sendable {
        public var uri: String
        public var range: Range
    }

    public struct TextDocumentIdentifier: Codable, Hashable, Sendable {
        public var uri: String
    }

    public struct VersionedTextDocumentIdentifier: Codable, Hashable, Sendable {
        public var uri: String
        public var version: Int?
    }

    public struct TextDocumentItem: Codable, Hashable, Sendable {
        public var uri: String
        public var languageId: String?
        public var version: Int
        public var text: String
    }

    public struct TextDocumentPositionParams: Codable, Hashable, Sendable {
        public var textDocument: TextDocumentIdentifier
        public var position: Position
    }

    public struct TextDocumentParams: Codable, Hashable, Sendable {
        public var textDocument: TextDocumentIdentifier
    }

    public struct MarkupContent: Codable, Hashable, Sendable {
        public var kind: String
        public var value: String
    }

    public struct Command: Codable, Hashable, Sendable {
        public var title: String
        public var command: String
        public var arguments: [JSON]?
    }
}
