import TextCore

/// A place in the workspace: a file and a byte range in it.
public struct Location: Hashable, Sendable {
    public var path: String
    public var range: ByteRange

    public init(path: String, range: ByteRange) {
        self.path = path
        self.range = range
    }
}

/// A secondary location shown with a diagnostic (LSP `relatedInformation`).
public struct RelatedLocation: Hashable, Sendable {
    public var location: Location
    public var message: String

    public init(location: Location, message: String) {
        self.location = location
        self.message = message
    }
}

/// One finding of one rule.
public struct Diagnostic: Hashable, Sendable {
    public var code: String
    public var message: String
    public var severity: Severity
    public var location: Location
    public var related: [RelatedLocation]
    /// The rule's fix (the one an editor prefers, and `check --fix` applies when safe).
    public var fix: Fix?
    /// Other ways to fix the finding, offered after ``fix`` and never applied automatically
    /// (an offline-safe guard, a native `if_not_exists=True`).
    public var alternativeFixes: [Fix]

    public init(
        code: String, message: String, severity: Severity, location: Location,
        related: [RelatedLocation] = [], fix: Fix? = nil, alternativeFixes: [Fix] = []
    ) {
        self.code = code
        self.message = message
        self.severity = severity
        self.location = location
        self.related = related
        self.fix = fix
        self.alternativeFixes = alternativeFixes
    }

    /// Sort order for output: path, then position, then code.
    public static func outputOrder(_ a: Diagnostic, _ b: Diagnostic) -> Bool {
        if a.location.path != b.location.path { return a.location.path < b.location.path }
        if a.location.range != b.location.range { return a.location.range < b.location.range }
        return a.code < b.code
    }
}
