extension IniFile {
    /// `ConfigParser.get(section, key)` with `BasicInterpolation`: `%(name)s` is replaced by
    /// the (recursively interpolated) value of `name` from the same section or `[DEFAULT]`
    /// (which includes alembic's `here`), `%%` becomes `%`, any other `%` is an error.
    ///
    /// Returns nil when the option does not exist in the section (or the section is missing).
    public func interpolatedValue(section: String, key: String) -> Result<String, IniInterpolationError>? {
        let key = key.lowercased()
        if section != IniSection.defaultSectionName && self.section(named: section) == nil { return nil }
        guard let raw = rawValue(section: section, key: key) else { return nil }
        var output: [UInt8] = []
        do {
            try interpolate(Array(raw.utf8), section: section, option: key, into: &output, depth: 1)
        } catch let error as IniInterpolationError {
            return .failure(error)
        } catch {
            return .failure(IniInterpolationError(pythonException: "Error", message: "\(error)"))
        }
        return .success(String(decoding: output, as: UTF8.self))
    }

    /// The raw (uninterpolated) value `get(..., raw=True)` returns, including the built-in `here`.
    func rawValue(section: String, key: String) -> String? {
        if let entry = entry(section: section, key: key) { return entry.value }
        return key == "here" ? here : nil
    }

    private static let maxDepth = 10

    private func interpolate(
        _ text: [UInt8], section: String, option: String, into output: inout [UInt8], depth: Int
    ) throws {
        if depth > Self.maxDepth {
            throw IniInterpolationError(
                pythonException: "InterpolationDepthError",
                message: "recursion limit exceeded in value substitution for '\(option)' in section '\(section)'"
            )
        }
        let percent = UInt8(ascii: "%")
        var index = 0
        while index < text.count {
            guard let found = text[index...].firstIndex(of: percent) else {
                output.append(contentsOf: text[index...])
                return
            }
            output.append(contentsOf: text[index ..< found])
            let next: UInt8 = found + 1 < text.count ? text[found + 1] : 0
            if next == percent {
                output.append(percent)
                index = found + 2
            } else if next == UInt8(ascii: "(") {
                // _KEYCRE: %\(([^)]+)\)s
                let nameStart = found + 2
                guard let close = text[nameStart...].firstIndex(of: UInt8(ascii: ")")), close > nameStart,
                    close + 1 < text.count, text[close + 1] == UInt8(ascii: "s")
                else {
                    throw IniInterpolationError(
                        pythonException: "InterpolationSyntaxError",
                        message: "bad interpolation variable reference '\(String(decoding: text[found...], as: UTF8.self))'"
                    )
                }
                let name = String(decoding: text[nameStart ..< close], as: UTF8.self).lowercased()
                index = close + 2
                guard let value = rawValue(section: section, key: name) else {
                    throw IniInterpolationError(
                        pythonException: "InterpolationMissingOptionError",
                        message: "bad value substitution: option '\(option)' in section '\(section)' "
                            + "refers to '\(name)', which is not set in the section or in [DEFAULT]"
                    )
                }
                let valueBytes = Array(value.utf8)
                if valueBytes.contains(percent) {
                    try interpolate(valueBytes, section: section, option: option, into: &output, depth: depth + 1)
                } else {
                    output.append(contentsOf: valueBytes)
                }
            } else {
                throw IniInterpolationError(
                    pythonException: "InterpolationSyntaxError",
                    message: "'%' must be followed by '%' or '(', found: '\(String(decoding: text[found...], as: UTF8.self))'"
                )
            }
        }
    }
}
