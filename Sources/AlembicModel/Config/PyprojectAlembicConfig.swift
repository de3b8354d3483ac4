import TOMLKit
import TextCore

/// The `[tool.alembic]` table of a `pyproject.toml` (alembic ≥ 1.16), read with TOMLKit.
///
/// Values are kept as written; ``formattedValue(_:)`` applies alembic's
/// `_get_toml_config_value` (Python `%`-formatting of strings with `%(here)s`).
public struct PyprojectAlembicConfig: Hashable, Sendable {
    /// The file's path as given.
    public var path: String
    /// The directory `%(here)s` expands to (`Path(path).absolute().parent.as_posix()`).
    public var here: String
    /// True when the document has a `tool.alembic` table.
    public var hasAlembicTable: Bool
    /// The table's entries, unformatted, in the order TOMLKit reports them (toml++ keeps keys sorted).
    public var entries: [TomlTableEntry]
    /// The byte range of the `[tool.alembic]` header (or of the inline table), when found.
    public var tableRange: ByteRange?
    /// Problems: TOML syntax errors, `tool.alembic` not being a table, unreadable file.
    public var problems: [ConfigProblem]
    private var locations: [String: TomlValueLocator.Location]

    /// Parses `bytes` as the `pyproject.toml` at `path`.
    public static func parse(bytes: [UInt8], path: String, cwd: String? = nil) -> PyprojectAlembicConfig {
        let here = PythonPath.parent(PythonPath.absolute(path, cwd: cwd ?? FileSystemProbe.currentDirectory()))
        var config = PyprojectAlembicConfig(
            path: path, here: here, hasAlembicTable: false, entries: [], tableRange: nil, problems: [], locations: [:]
        )
        if let bad = PythonText.firstInvalidUTF8(bytes) {
            config.problems.append(
                ConfigProblem(
                    kind: .tomlSyntax, severity: .error,
                    message: "pyproject.toml is not valid UTF-8 (offset \(bad)); tomllib raises", file: path,
                    range: ByteRange(start: bad, end: bad + 1)
                )
            )
            return config
        }
        if let nul = bytes.firstIndex(of: 0) {
            config.problems.append(
                ConfigProblem(
                    kind: .tomlSyntax, severity: .error, message: "pyproject.toml contains a NUL byte; tomllib raises",
                    file: path, range: ByteRange(start: nul, end: nul + 1)
                )
            )
            return config
        }
        let table: TOMLTable
        do {
            table = try TOMLTable(string: String(decoding: bytes, as: UTF8.self))
        } catch let error as TOMLParseError {
            let offset = Self.offset(of: error.source.begin, in: bytes)
            config.problems.append(
                ConfigProblem(
                    kind: .tomlSyntax, severity: .error, message: "invalid TOML: \(error.description)", file: path,
                    range: ByteRange(start: offset, end: min(bytes.count, offset + 1))
                )
            )
            return config
        } catch {
            config.problems.append(
                ConfigProblem(kind: .tomlSyntax, severity: .error, message: "invalid TOML: \(error)", file: path)
            )
            return config
        }
        let locator = TomlValueLocator(bytes: bytes)
        config.locations = locator.locations
        config.tableRange = locator.tableRange
        guard let tool = table["tool"]?.table, let alembic = tool["alembic"] else { return config }
        config.hasAlembicTable = true
        guard let alembicTable = alembic.table else {
            config.problems.append(
                ConfigProblem(
                    kind: .tomlInvalidValue, severity: .error,
                    message: "tool.alembic must be a table (alembic raises \"Incorrect TOML format\")", file: path,
                    range: locator.tableRange
                )
            )
            return config
        }
        config.entries = Self.convert(alembicTable)
        return config
    }

    /// Reads and parses the file at `path`; an unreadable file yields a problem.
    public static func parse(contentsOf path: String, cwd: String? = nil) -> PyprojectAlembicConfig {
        let workingDirectory = cwd ?? FileSystemProbe.currentDirectory()
        switch FileSystemProbe.readFile(path) {
        case .success(let bytes):
            return parse(bytes: bytes, path: path, cwd: workingDirectory)
        case .failure(let error):
            return PyprojectAlembicConfig(
                path: path, here: PythonPath.parent(PythonPath.absolute(path, cwd: workingDirectory)),
                hasAlembicTable: false, entries: [], tableRange: nil,
                problems: [
                    ConfigProblem(
                        kind: .unreadable, severity: .error, message: "cannot read pyproject.toml: \(error.message)",
                        file: path
                    )
                ], locations: [:]
            )
        }
    }

    /// The raw value of `key` in `[tool.alembic]`.
    public func value(_ key: String) -> TomlConfigValue? {
        entries.first { $0.key == key }?.value
    }

    /// The byte range of `key`'s value, when it could be located.
    public func valueRange(_ key: String) -> ByteRange? { locations[key]?.valueRange }

    /// The byte range of `key` itself, when it could be located.
    public func keyRange(_ key: String) -> ByteRange? { locations[key]?.keyRange }

    /// The byte range of each element of an array value, when located.
    public func elementRanges(_ key: String) -> [ByteRange] { locations[key]?.elementRanges ?? [] }

    /// alembic's `Config._get_toml_config_value(key)`: strings (alone, in lists, or as dict
    /// values) are `%`-formatted with `here`; ints and bools are returned as they are; other
    /// types are errors. Nil when the key is absent.
    public func formattedValue(_ key: String) -> Result<TomlConfigValue, ConfigProblem>? {
        guard let raw = value(key) else { return nil }
        let arguments = PercentFormatter.Arguments.mapping(["here": .string(here)])
        func format(_ text: String) -> Result<String, ConfigProblem> {
            PercentFormatter.apply(text, arguments).mapError { failure in
                problem(key, "cannot %-format the value of '\(key)': \(failure.message)")
            }
        }
        switch raw {
        case .string(let text):
            return format(text).map(TomlConfigValue.string)
        case .int, .bool:
            return .success(raw)
        case .array(let items):
            var result: [TomlConfigValue] = []
            for item in items {
                switch item {
                case .string(let text):
                    switch format(text) {
                    case .success(let value): result.append(.string(value))
                    case .failure(let error): return .failure(error)
                    }
                case .table(let pairs):
                    switch formatTable(pairs, format) {
                    case .success(let value): result.append(value)
                    case .failure(let error): return .failure(error)
                    }
                default:
                    return .failure(
                        problem(key, "'\(key)' holds a \(item.pythonTypeName) item; alembic formats every item as a string and raises")
                    )
                }
            }
            return .success(.array(result))
        case .table(let pairs):
            return formatTable(pairs, format)
        case .double, .other:
            return .failure(
                problem(key, "unsupported TOML value type for key '\(key)' (\(raw.pythonTypeName)); alembic raises")
            )
        }
    }

    private func formatTable(
        _ pairs: [TomlTableEntry], _ format: (String) -> Result<String, ConfigProblem>
    ) -> Result<TomlConfigValue, ConfigProblem> {
        var result: [TomlTableEntry] = []
        for pair in pairs {
            guard case .string(let text) = pair.value else {
                return .failure(
                    problem(pair.key, "'\(pair.key)' is a \(pair.value.pythonTypeName); alembic formats table values as strings and raises")
                )
            }
            switch format(text) {
            case .success(let value): result.append(TomlTableEntry(key: pair.key, value: .string(value)))
            case .failure(let error): return .failure(error)
            }
        }
        return .success(.table(result))
    }

    func problem(_ key: String, _ message: String) -> ConfigProblem {
        ConfigProblem(
            kind: .tomlInvalidValue, severity: .error, message: message, file: path,
            range: valueRange(key) ?? tableRange, key: key
        )
    }

    private static func convert(_ table: TOMLTable) -> [TomlTableEntry] {
        table.keys.compactMap { key in
            table[key].map { TomlTableEntry(key: key, value: convert($0)) }
        }
    }

    private static func convert(_ value: TOMLValueConvertible) -> TomlConfigValue {
        switch value.type {
        case .string: return .string(value.string ?? "")
        case .bool: return .bool(value.bool ?? false)
        case .int: return .int(value.int ?? 0)
        case .double: return .double(value.double ?? 0)
        case .array: return .array(value.array.map { array in array.map { convert($0) } } ?? [])
        case .table: return .table(value.table.map(convert) ?? [])
        default: return .other(value.debugDescription)
        }
    }

    /// Converts toml++'s 1-based line/column to a byte offset (columns counted in bytes).
    private static func offset(of position: TOMLSourcePosition, in bytes: [UInt8]) -> Int {
        var line = 1
        var offset = 0
        while line < position.line, offset < bytes.count {
            if bytes[offset] == UInt8(ascii: "\n") { line += 1 }
            offset += 1
        }
        return min(bytes.count, offset + max(0, position.column - 1))
    }
}
