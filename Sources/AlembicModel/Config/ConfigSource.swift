import TextCore

/// Where a configuration value came from.
public struct ConfigSource: Hashable, Sendable {
    /// The kind of source.
    public enum Origin: Hashable, Sendable {
        /// A key of an ini section (possibly inherited from `[DEFAULT]`).
        case ini(section: String)
        /// A key of `[tool.alembic]`.
        case pyproject
        /// Supplied by Flask-Migrate (the migrations directory as `script_location`).
        case flaskMigrate
        /// Inferred from the directory layout.
        case inferred
        /// Alembic's built-in default.
        case defaultValue
    }

    /// The kind of source.
    public var origin: Origin
    /// The file holding the value, when it is in a file.
    public var file: String?
    /// The value's byte range in `file`, when known.
    public var range: ByteRange?

    /// Creates a source.
    public init(origin: Origin, file: String? = nil, range: ByteRange? = nil) {
        self.origin = origin
        self.file = file
        self.range = range
    }

    /// Alembic's built-in default.
    public static let builtIn = ConfigSource(origin: .defaultValue)
}
