import TextCore

/// A condition around an operation that tests the database through an inspector:
/// `insp.has_table('t')`, `'c' in [c['name'] for c in insp.get_columns('t')]`, a helper such as
/// `column_exists('t', 'c')`, an early `return`, …
public struct OperationGuard: Hashable, Sendable {
    public enum Kind: Hashable, Sendable {
        case tableExists
        case columnExists
        case indexExists
        case constraintExists
        /// The condition calls the inspector in a way the analyzer does not interpret. It
        /// counts as a guard; nothing is guessed about it.
        case unknownIntrospection
    }

    /// When the guarded operation runs.
    public enum Polarity: Hashable, Sendable {
        /// Only when the tested object exists.
        case whenExists
        /// Only when the tested object is absent.
        case whenAbsent
        /// Not known (``Kind/unknownIntrospection``).
        case unknown
    }

    public var kind: Kind
    /// The tested table (for ``Kind/tableExists``, the table itself); nil when not a literal.
    public var table: String?
    /// The tested column, index or constraint names (empty for a table test).
    public var names: [String]
    public var polarity: Polarity
    /// The test's range (the membership test or call inside the `if` condition).
    public var range: ByteRange

    public init(kind: Kind, table: String?, names: [String] = [], polarity: Polarity, range: ByteRange) {
        self.kind = kind
        self.table = table
        self.names = names
        self.polarity = polarity
        self.range = range
    }
}

/// An enclosing `context.is_offline_mode()` test (or an early return on it).
public struct OfflineBranch: Hashable, Sendable {
    /// True when the operation runs only in offline (`--sql`) mode.
    public var runsOffline: Bool
    /// The `is_offline_mode()` test.
    public var range: ByteRange

    public init(runsOffline: Bool, range: ByteRange) {
        self.runsOffline = runsOffline
        self.range = range
    }
}
