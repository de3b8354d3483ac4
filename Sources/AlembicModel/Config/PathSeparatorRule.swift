/// How alembic splits an ini `version_locations` (and `prepend_sys_path`) value
/// (`Config._get_file_separator_char`, `get_version_locations_list`).
public struct PathSeparatorRule: Hashable, Sendable {
    /// The separator kind.
    public enum Kind: String, Hashable, Sendable {
        /// `path_separator` / `version_path_separator` unset: the deprecated legacy split on
        /// `, *` or runs of spaces (plus `:` for `prepend_sys_path`), with no empty-item filter.
        case legacy
        /// `os`: `os.pathsep`, which is `:` on POSIX.
        case os
        /// `:`.
        case colon
        /// `;`.
        case semicolon
        /// `space`: a single space character.
        case space
        /// `newline`: `\n` (one item per continuation line).
        case newline
    }

    /// The separator kind.
    public var kind: Kind
    /// The key it came from: `path_separator`, `version_path_separator`, or nil for legacy.
    public var key: String?
    /// The setting's source (nil for legacy).
    public var source: ConfigSource?

    /// Creates a rule.
    public init(kind: Kind, key: String?, source: ConfigSource?) {
        self.kind = kind
        self.key = key
        self.source = source
    }

    /// The configured value that selects each kind (`_get_file_separator_char`'s table).
    static func kind(forValue value: String) -> Kind? {
        switch value {
        case "space": .space
        case "newline": .newline
        case "os": .os
        case ":": .colon
        case ";": .semicolon
        default: nil
        }
    }

    /// The separator string, nil for legacy.
    var separator: String? {
        switch kind {
        case .legacy: nil
        case .os, .colon: ":"
        case .semicolon: ";"
        case .space: " "
        case .newline: "\n"
        }
    }

    /// One item of a split value, with its UTF-8 offset and length in the value string.
    struct Item: Hashable, Sendable {
        var text: String
        var offset: Int
        var length: Int
    }

    /// Splits `value` exactly as alembic does for `version_locations`
    /// (`legacyIncludesColon` adds `:` to the legacy split, as for `prepend_sys_path`).
    func split(_ value: String, legacyIncludesColon: Bool = false) -> [Item] {
        let bytes = Array(value.utf8)
        guard let separator else { return Self.legacySplit(bytes, colon: legacyIncludesColon) }
        // [x.strip() for x in value.split(sep) if x]
        let sep = Array(separator.utf8)
        var items: [Item] = []
        var start = 0
        var index = 0
        func emit(_ end: Int) {
            guard end > start else { return }
            let (lower, upper) = PythonText.strip(bytes, start, end)
            items.append(Item(text: String(decoding: bytes[lower ..< upper], as: UTF8.self), offset: lower, length: upper - lower))
        }
        while index + sep.count <= bytes.count {
            if bytes[index ..< index + sep.count].elementsEqual(sep) {
                emit(index)
                index += sep.count
                start = index
            } else {
                index += 1
            }
        }
        emit(bytes.count)
        return items
    }

    /// `re.split(r", *|(?: +)", value)` (with `|\:` when `colon`): no empty-item filtering.
    private static func legacySplit(_ bytes: [UInt8], colon: Bool) -> [Item] {
        var items: [Item] = []
        var start = 0
        var index = 0
        let comma = UInt8(ascii: ",")
        let space = UInt8(ascii: " ")
        let colonByte = UInt8(ascii: ":")
        func emit(_ end: Int) {
            items.append(Item(text: String(decoding: bytes[start ..< end], as: UTF8.self), offset: start, length: end - start))
        }
        while index < bytes.count {
            let byte = bytes[index]
            if byte == comma {
                emit(index)
                index += 1
                while index < bytes.count && bytes[index] == space { index += 1 }
                start = index
            } else if byte == space {
                emit(index)
                while index < bytes.count && bytes[index] == space { index += 1 }
                start = index
            } else if colon && byte == colonByte {
                emit(index)
                index += 1
                start = index
            } else {
                index += 1
            }
        }
        emit(bytes.count)
        return items
    }
}
