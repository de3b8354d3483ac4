import PythonSyntax
import TextCore

/// A string literal found in a migration file: its value and the byte range of the literal
/// (quotes included), so diagnostics and edits can point at it.
public struct StringItem: Hashable, Sendable {
    public var value: String
    public var range: ByteRange

    public init(value: String, range: ByteRange) {
        self.value = value
        self.range = range
    }
}

/// The value of `down_revision` or `depends_on`, normalised the way alembic's `Revision`
/// normalises it: `None`, `()`, `[]` and `(None,)` are `.none`; a one-element tuple is
/// `.single`.
public enum DeclaredRevisions: Hashable, Sendable {
    case none
    case single(StringItem)
    case multiple([StringItem])

    /// The referenced ids, in declared order.
    public var items: [StringItem] {
        switch self {
        case .none: []
        case .single(let item): [item]
        case .multiple(let items): items
        }
    }

    public var ids: [String] { items.map(\.value) }
}

/// What the analyzer learned about one module-level variable (`revision`, `down_revision`, …).
public enum AssignedFact<Value: Hashable & Sendable>: Hashable, Sendable {
    /// The module never assigns the variable.
    case absent
    /// The value, folded from literals and constants. `statement` is the whole assignment,
    /// `value` the right-hand side.
    case value(Value, statement: ByteRange, valueRange: ByteRange)
    /// The variable is assigned, but to something the analyzer cannot fold to a literal.
    case unresolved(reason: String, statement: ByteRange, valueRange: ByteRange)

    public var value: Value? {
        if case .value(let value, _, _) = self { return value }
        return nil
    }

    public var isAbsent: Bool {
        if case .absent = self { return true }
        return false
    }

    /// The range of the whole assignment statement, if there is one.
    public var statementRange: ByteRange? {
        switch self {
        case .absent: nil
        case .value(_, let statement, _), .unresolved(_, let statement, _): statement
        }
    }

    /// The range of the assigned value, if there is one.
    public var valueRange: ByteRange? {
        switch self {
        case .absent: nil
        case .value(_, _, let value), .unresolved(_, _, let value): value
        }
    }
}

/// The header alembic's `script.py.mako` writes into the module docstring.
public struct MigrationDocstring: Hashable, Sendable {
    /// The first line of the docstring (alembic's `-m` message).
    public var message: String?
    /// `Revision ID: <id>` line value and range.
    public var revisionID: StringItem?
    /// `Revises: a, b` line: each listed id with its range.
    public var revises: [StringItem]?
    /// The range of the whole `Revises:` value (for edits), when present.
    public var revisesRange: ByteRange?
    /// `Create Date: …` text.
    public var createDate: String?
    /// The docstring literal's range.
    public var range: ByteRange
    /// The whole decoded docstring.
    public var value: String

    /// alembic's `Script.longdoc`: the docstring stripped of surrounding whitespace.
    public var longDoc: String { value.trimmingPythonSpace() }

    public init(
        message: String?, revisionID: StringItem?, revises: [StringItem]?, revisesRange: ByteRange?,
        createDate: String?, range: ByteRange, value: String
    ) {
        self.value = value
        self.message = message
        self.revisionID = revisionID
        self.revises = revises
        self.revisesRange = revisesRange
        self.createDate = createDate
        self.range = range
    }
}

/// Why a file could not be analysed: an I/O error, a binary file, bytes that are not valid
/// in the file's encoding. `range` points at the offending bytes (empty at 0 for I/O errors).
public struct ReadError: Hashable, Sendable {
    public var message: String
    public var range: ByteRange

    public init(message: String, range: ByteRange) {
        self.message = message
        self.range = range
    }
}

/// Everything the analyzer extracts from one migration file without running it.
///
/// A value type whose fields live in one shared, copy-on-write box: rules and the language
/// server pass thousands of these around, and a copy costs one reference count instead of
/// one per field.
public struct MigrationFile: Sendable {
    private final class Storage: @unchecked Sendable {
        var path: String
        var readError: ReadError?
        var revision: AssignedFact<StringItem>
        var downRevision: AssignedFact<DeclaredRevisions>
        var branchLabels: AssignedFact<[StringItem]>
        var dependsOn: AssignedFact<DeclaredRevisions>
        var docstring: MigrationDocstring?
        var legacyRevisionFromName: String?
        var syntaxErrors: [PythonSyntax.SyntaxError]
        var comments: [(line: Int, text: String)]
        var operations: [MigrationOperation]
        var migrationFunctions: [MigrationFunction]

        init(path: String) {
            self.path = path
            self.readError = nil
            self.revision = .absent
            self.downRevision = .absent
            self.branchLabels = .absent
            self.dependsOn = .absent
            self.docstring = nil
            self.legacyRevisionFromName = nil
            self.syntaxErrors = []
            self.comments = []
            self.operations = []
            self.migrationFunctions = []
        }

        func copy() -> Storage {
            let other = Storage(path: path)
            other.readError = readError
            other.revision = revision
            other.downRevision = downRevision
            other.branchLabels = branchLabels
            other.dependsOn = dependsOn
            other.docstring = docstring
            other.legacyRevisionFromName = legacyRevisionFromName
            other.syntaxErrors = syntaxErrors
            other.comments = comments
            other.operations = operations
            other.migrationFunctions = migrationFunctions
            return other
        }
    }

    private var storage: Storage

    public init(path: String) {
        storage = Storage(path: path)
    }

    private mutating func unique() -> Storage {
        if !isKnownUniquelyReferenced(&storage) { storage = storage.copy() }
        return storage
    }

    /// The file's path.
    public var path: String {
        get { storage.path }
        set { unique().path = newValue }
    }

    /// Set when the file could not be read or decoded; the facts are then empty.
    public var readError: ReadError? {
        get { storage.readError }
        set { unique().readError = newValue }
    }

    public var revision: AssignedFact<StringItem> {
        get { storage.revision }
        set { unique().revision = newValue }
    }

    public var downRevision: AssignedFact<DeclaredRevisions> {
        get { storage.downRevision }
        set { unique().downRevision = newValue }
    }

    public var branchLabels: AssignedFact<[StringItem]> {
        get { storage.branchLabels }
        set { unique().branchLabels = newValue }
    }

    public var dependsOn: AssignedFact<DeclaredRevisions> {
        get { storage.dependsOn }
        set { unique().dependsOn = newValue }
    }

    public var docstring: MigrationDocstring? {
        get { storage.docstring }
        set { unique().docstring = newValue }
    }

    /// The revision id alembic derives from a legacy file name (`<hex>.py`) when the file
    /// declares no `revision`.
    public var legacyRevisionFromName: String? {
        get { storage.legacyRevisionFromName }
        set { unique().legacyRevisionFromName = newValue }
    }

    public var syntaxErrors: [PythonSyntax.SyntaxError] {
        get { storage.syntaxErrors }
        set { unique().syntaxErrors = newValue }
    }

    /// Comments that can be `# noqa` directives, as (zero-based line, text).
    public var comments: [(line: Int, text: String)] {
        get { storage.comments }
        set { unique().comments = newValue }
    }

    /// The Alembic operations of `upgrade()` / `downgrade()` (and their multi-database forms),
    /// with their guards, in source order (see ``OperationExtractor``).
    public var operations: [MigrationOperation] {
        get { storage.operations }
        set { unique().operations = newValue }
    }

    /// The top-level `upgrade()` / `downgrade()` functions (and their multi-database forms),
    /// in source order.
    public var migrationFunctions: [MigrationFunction] {
        get { storage.migrationFunctions }
        set { unique().migrationFunctions = newValue }
    }

    /// True when the file was read and decoded (``readError`` is nil); cheaper than reading
    /// the error itself.
    public var isReadable: Bool { storage.readError == nil }

    /// The id alembic would register this file under, if any.
    public var revisionID: String? {
        revision.value?.value ?? (revision.isAbsent ? legacyRevisionFromName : nil)
    }
}
