import TextCore

/// alembic's `Config` option lookups over an ini section and `[tool.alembic]`, with the
/// source of every value. Mirrors `get_alembic_option`, `get_alembic_boolean_option`,
/// `get_main_option`, `get_version_locations_list` and `get_prepend_sys_paths_list`.
struct AlembicConfigLookup {
    let ini: IniFile?
    let section: String
    let pyproject: PyprojectAlembicConfig?
    var problems: [ConfigProblem] = []

    /// A looked-up string value and where it came from.
    struct Found {
        var value: String
        var raw: String?
        var source: ConfigSource
        /// The ini entry, for mapping sub-ranges of the value back to the file.
        var iniEntry: IniEntry?
    }

    init(ini: IniFile?, section: String, pyproject: PyprojectAlembicConfig?) {
        self.ini = ini
        self.section = section
        self.pyproject = pyproject
    }

    func iniSource(_ entry: IniEntry?) -> ConfigSource {
        ConfigSource(origin: .ini(section: section), file: ini?.path, range: entry?.valueRange)
    }

    func tomlSource(_ key: String) -> ConfigSource {
        ConfigSource(origin: .pyproject, file: pyproject?.path, range: pyproject?.valueRange(key))
    }

    /// The ini main-section value (`get_main_option`), interpolated; records interpolation errors.
    mutating func mainOption(_ key: String) -> Found? {
        guard let ini, ini.hasOption(section: section, key: key),
            let result = ini.interpolatedValue(section: section, key: key)
        else { return nil }
        let entry = ini.entry(section: section, key: key)
        switch result {
        case .success(let value):
            return Found(value: value, raw: entry?.value, source: iniSource(entry), iniEntry: entry)
        case .failure(let error):
            problems.append(
                ConfigProblem(
                    kind: .interpolation, severity: .error,
                    message: "\(error.pythonException): \(error.message)", file: ini.path,
                    range: entry?.valueRange, key: key
                )
            )
            return nil
        }
    }

    /// `get_alembic_option(key)` for a string: ini main section first, then `[tool.alembic]`.
    /// A non-string toml value is reported (alembic would pass it on and fail later).
    mutating func stringOption(_ key: String) -> Found? {
        if let ini, ini.hasOption(section: section, key: key) { return mainOption(key) }
        guard let pyproject, let result = pyproject.formattedValue(key) else { return nil }
        switch result {
        case .success(.string(let value)):
            return Found(value: value, raw: pyproject.value(key)?.stringValue, source: tomlSource(key))
        case .success(.int(let value)):
            return Found(value: String(value), raw: nil, source: tomlSource(key))
        case .success(let other):
            problems.append(
                pyproject.problem(key, "'\(key)' should be a string, not a \(other.pythonTypeName)")
            )
            return nil
        case .failure(let problem):
            problems.append(problem)
            return nil
        }
    }

    /// `get_alembic_boolean_option(key)`: ini value `== "true"` exactly; toml must be a bool.
    mutating func booleanOption(_ key: String) -> ConfigSetting<Bool> {
        if let ini, ini.hasOption(section: section, key: key) {
            guard let found = mainOption(key) else { return ConfigSetting(value: false, source: iniSource(nil)) }
            let isTrue = found.value == "true"
            if !isTrue && found.value != "false" {
                let lowered = found.value.lowercased()
                let meant = ["true", "yes", "1", "on", "y", "t", "enable", "enabled"].contains(lowered)
                let message =
                    meant
                    ? "\(key) = \(found.value) is read as false: alembic enables it only for the exact value 'true'"
                    : "\(key) = \(found.value) is neither 'true' nor 'false'; alembic reads it as false"
                problems.append(
                    ConfigProblem(
                        kind: .suspiciousValue, severity: .warning, message: message, file: ini.path,
                        range: found.iniEntry?.valueRange, key: key
                    )
                )
            }
            return ConfigSetting(value: isTrue, raw: found.raw, source: found.source)
        }
        guard let pyproject, let raw = pyproject.value(key) else {
            return ConfigSetting(value: false, source: .builtIn)
        }
        guard case .bool(let value) = raw else {
            problems.append(
                pyproject.problem(
                    key, "boolean value expected for TOML parameter '\(key)', got a \(raw.pythonTypeName) (alembic raises)"
                )
            )
            return ConfigSetting(value: false, raw: raw.stringValue, source: tomlSource(key))
        }
        return ConfigSetting(value: value, source: tomlSource(key))
    }

    /// A configured path list item with its source.
    struct PathItem {
        var text: String
        var source: ConfigSource
    }

    /// `_get_file_separator_char(*names)`: the first of `names` set in the ini main section.
    /// Returns nil for legacy; `.failure` when the value is invalid (alembic raises ValueError).
    mutating func separatorRule(_ names: [String]) -> Result<PathSeparatorRule, ConfigProblem> {
        for name in names {
            guard let found = mainOption(name) else { continue }
            guard let kind = PathSeparatorRule.kind(forValue: found.value) else {
                return .failure(
                    ConfigProblem(
                        kind: .invalidValue, severity: .error,
                        message: "'\(found.value)' is not a valid value for \(name); expected 'space', 'newline', "
                            + "'os', ':', ';' (alembic raises ValueError)",
                        file: ini?.path ?? "", range: found.iniEntry?.valueRange, key: name
                    )
                )
            }
            if name == "version_path_separator" {
                problems.append(
                    ConfigProblem(
                        kind: .deprecatedSetting, severity: .warning,
                        message: "version_path_separator is deprecated; use path_separator",
                        file: ini?.path ?? "", range: found.iniEntry?.keyRange, key: name
                    )
                )
            }
            return .success(PathSeparatorRule(kind: kind, key: name, source: found.source))
        }
        return .success(PathSeparatorRule(kind: .legacy, key: nil, source: nil))
    }

    /// `get_version_locations_list()` (`isVersionLocations`) or `get_prepend_sys_paths_list()`.
    mutating func pathList(_ key: String) -> (items: [PathItem], rule: PathSeparatorRule?)? {
        let isVersionLocations = key == "version_locations"
        if let ini, let found = mainOption(key), !found.value.isEmpty {
            let names = isVersionLocations ? ["path_separator", "version_path_separator"] : ["path_separator"]
            switch separatorRule(names) {
            case .failure(let problem):
                problems.append(problem)
                return ([], nil)
            case .success(let rule):
                if rule.kind == .legacy {
                    problems.append(
                        ConfigProblem(
                            kind: .deprecatedSetting, severity: .warning,
                            message: "no path_separator in the configuration: alembic falls back to the deprecated "
                                + (isVersionLocations
                                    ? "splitting of \(key) on spaces and commas"
                                    : "splitting of \(key) on spaces, commas and colons")
                                + "; add path_separator = os",
                            file: ini.path, range: found.iniEntry?.keyRange, key: key
                        )
                    )
                }
                let pieces = rule.split(found.value, legacyIncludesColon: !isVersionLocations)
                // Items of the raw (uninterpolated) value give each item its own range when
                // interpolation did not change how the value splits.
                let rawPieces = found.iniEntry.map { rule.split($0.value, legacyIncludesColon: !isVersionLocations) }
                let items = pieces.enumerated().map { index, piece in
                    let rawPiece = rawPieces.flatMap { $0.count == pieces.count ? $0[index] : nil }
                    return PathItem(text: piece.text, source: itemSource(found, rawPiece))
                }
                return (items, rule)
            }
        }
        guard let pyproject, let result = pyproject.formattedValue(key) else { return nil }
        switch result {
        case .failure(let problem):
            problems.append(problem)
            return ([], nil)
        case .success(.array(let values)):
            let ranges = pyproject.elementRanges(key)
            var items: [PathItem] = []
            for (index, value) in values.enumerated() {
                guard case .string(let text) = value else {
                    problems.append(pyproject.problem(key, "'\(key)' items must be strings"))
                    return ([], nil)
                }
                var source = tomlSource(key)
                if ranges.count == values.count { source.range = ranges[index] }
                items.append(PathItem(text: text, source: source))
            }
            return (items, nil)
        case .success(.string(let text)):
            // alembic iterates the string, so every character becomes a location.
            problems.append(
                pyproject.problem(
                    key, "'\(key)' must be a list of strings: alembic iterates a string character by character"
                )
            )
            return (text.map { PathItem(text: String($0), source: tomlSource(key)) }, nil)
        case .success(let other):
            problems.append(pyproject.problem(key, "'\(key)' must be a list of strings, not a \(other.pythonTypeName)"))
            return ([], nil)
        }
    }

    /// The source of one split item: the raw item's own byte range when known, else the
    /// whole value's range.
    private func itemSource(_ found: Found, _ rawPiece: PathSeparatorRule.Item?) -> ConfigSource {
        var source = found.source
        guard let entry = found.iniEntry, let rawPiece,
            let start = Self.fileOffset(entry, rawPiece.offset),
            let end = Self.fileOffset(entry, rawPiece.offset + rawPiece.length)
        else { return source }
        source.range = ByteRange(start: start, end: max(start, end))
        return source
    }

    /// Maps a UTF-8 offset in the joined value of `entry` to a byte offset in the file.
    static func fileOffset(_ entry: IniEntry, _ offset: Int) -> Int? {
        var lineStart = 0
        let lines = entry.value.split(separator: "\n", omittingEmptySubsequences: false)
        for (index, line) in lines.enumerated() {
            let length = line.utf8.count
            if offset <= lineStart + length, index < entry.lineRanges.count {
                return entry.lineRanges[index].start + (offset - lineStart)
            }
            lineStart += length + 1
        }
        return nil
    }
}
