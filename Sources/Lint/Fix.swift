import TextCore

/// Whether a fix can be applied without review (ruff's applicability).
public enum Applicability: String, Sendable, Codable {
    /// The fix keeps the meaning the user intended; tools may apply it automatically.
    case safe
    /// The fix may change behaviour; a user must review it.
    case unsafe
}

/// Edits to one existing file.
public struct FileEdit: Hashable, Sendable {
    public var path: String
    /// Sorted by start, non-overlapping.
    public var edits: [TextEdit]

    public init(path: String, edits: [TextEdit]) {
        self.path = path
        self.edits = edits.sorted { $0.range < $1.range }
    }
}

/// A file a fix creates. Creating never overwrites: applying fails if `path` exists.
public struct NewFile: Hashable, Sendable {
    public var path: String
    public var contents: String

    public init(path: String, contents: String) {
        self.path = path
        self.contents = contents
    }
}

/// A proposed correction for a diagnostic.
public struct Fix: Hashable, Sendable {
    public var title: String
    public var edits: [FileEdit]
    public var newFiles: [NewFile]
    public var applicability: Applicability

    public init(title: String, edits: [FileEdit] = [], newFiles: [NewFile] = [], applicability: Applicability) {
        self.title = title
        self.edits = edits
        self.newFiles = newFiles
        self.applicability = applicability
    }
}
