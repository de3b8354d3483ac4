import TextCore

/// Parses ini files exactly as Python's `configparser.ConfigParser()` does with alembic's
/// settings (delimiters `=` and `:`, full-line comments `#` and `;`, no inline comments,
/// `strict=True`, empty lines allowed inside values, `DEFAULT` section, lowercased keys).
///
/// Errors never stop the parser: each becomes a ``ConfigProblem``. Errors that make
/// `ConfigParser.read` raise (and so make alembic fail) have kind `.iniSyntax` and severity
/// `.error`; after such an error Python stops, while this parser keeps reading so that an
/// editor still gets the remaining values.
public enum IniParser {
    /// Parses `bytes` as the ini file at `path`. `here` defaults to the directory of `path`
    /// made absolute against `cwd` (`Path(path).absolute().parent.as_posix()`).
    public static func parse(bytes: [UInt8], path: String, cwd: String? = nil, here: String? = nil) -> IniFile {
        let hereValue = here ?? PythonPath.parent(PythonPath.absolute(path, cwd: cwd ?? FileSystemProbe.currentDirectory()))
        var state = ParseState(bytes: bytes, path: path)
        state.run()
        return IniFile(
            path: path, here: hereValue, sections: state.sections.map { $0.build() },
            defaults: state.defaults.build(), problems: state.problems
        )
    }

    /// Reads and parses the ini file at `path`. An unreadable file yields an empty
    /// ``IniFile`` with an `.unreadable` problem.
    public static func parse(contentsOf path: String, cwd: String? = nil) -> IniFile {
        let workingDirectory = cwd ?? FileSystemProbe.currentDirectory()
        switch FileSystemProbe.readFile(path) {
        case .success(let bytes):
            return parse(bytes: bytes, path: path, cwd: workingDirectory)
        case .failure(let error):
            let here = PythonPath.parent(PythonPath.absolute(path, cwd: workingDirectory))
            let problem = ConfigProblem(
                kind: .unreadable, severity: .error, message: "cannot read ini file: \(error.message)", file: path
            )
            return IniFile(
                path: path, here: here, sections: [],
                defaults: IniSection(name: IniSection.defaultSectionName, nameRange: nil, entries: []),
                problems: [problem]
            )
        }
    }
}

/// Mutable parser state mirroring `configparser._ReadState`.
private struct ParseState {
    let bytes: [UInt8]
    let path: String
    var sections: [SectionBuilder] = []
    var defaults = SectionBuilder(name: IniSection.defaultSectionName, nameRange: nil)
    var problems: [ConfigProblem] = []

    /// Where options currently go: nil before the first header, -1 for DEFAULT, else an index.
    var current: Int?
    var optionName: String?
    var indentLevel = 0
    var addedSections: Set<String> = []
    var addedOptions: Set<String> = []
    var reportedMissingHeader = false

    init(bytes: [UInt8], path: String) {
        self.bytes = bytes
        self.path = path
    }

    mutating func run() {
        if let bad = PythonText.firstInvalidUTF8(bytes) {
            fail(
                "file is not valid UTF-8 (byte 0x\(String(bytes[bad], radix: 16)) at offset \(bad)); "
                    + "alembic reads ini files with the locale encoding and raises UnicodeDecodeError",
                ByteRange(start: bad, end: bad + 1)
            )
            return
        }
        var offset = 0
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            fail(
                "file starts with a UTF-8 byte order mark; configparser keeps it as part of the first line "
                    + "and raises MissingSectionHeaderError",
                ByteRange(start: 0, end: 3)
            )
            offset = 3
        }
        var lineNumber = 0
        while offset < bytes.count {
            // Universal newlines: \n, \r\n and \r all end a line.
            var lineEnd = offset
            while lineEnd < bytes.count && bytes[lineEnd] != 0x0A && bytes[lineEnd] != 0x0D { lineEnd += 1 }
            var next = lineEnd
            if next < bytes.count {
                next += (bytes[next] == 0x0D && next + 1 < bytes.count && bytes[next + 1] == 0x0A) ? 2 : 1
            }
            lineNumber += 1
            handleLine(start: offset, end: lineEnd, number: lineNumber)
            offset = next
        }
    }

    mutating func handleLine(start: Int, end: Int, number: Int) {
        let (cleanStart, cleanEnd) = PythonText.strip(bytes, start, end)
        let isEmpty = cleanStart == cleanEnd
        let isComment = !isEmpty && (bytes[cleanStart] == UInt8(ascii: "#") || bytes[cleanStart] == UInt8(ascii: ";"))
        if isEmpty || isComment {
            // An empty line (not a comment) is kept inside a value; joined and trimmed later.
            if !isComment, current != nil, let name = optionName, !name.isEmpty {
                appendToValue(name: name, text: "", range: ByteRange.empty(at: start))
            }
            return
        }
        let indent = PythonText.indentWidth(bytes, start, end)
        if current != nil, let name = optionName, !name.isEmpty, indent > indentLevel {
            appendToValue(name: name, text: text(cleanStart, cleanEnd), range: ByteRange(start: cleanStart, end: cleanEnd))
            return
        }
        indentLevel = indent
        if let header = sectionHeader(cleanStart, cleanEnd) {
            handleHeader(header, number: number)
            return
        }
        guard current != nil else {
            if !reportedMissingHeader {
                reportedMissingHeader = true
                fail(
                    "line \(number) is outside any [section] (configparser raises MissingSectionHeaderError)",
                    ByteRange(start: cleanStart, end: cleanEnd)
                )
            }
            return
        }
        handleOption(cleanStart, cleanEnd, number: number)
    }

    /// `SECTCRE.match(clean)`: `[`, at least one character, then the last `]` on the line.
    func sectionHeader(_ start: Int, _ end: Int) -> ByteRange? {
        guard bytes[start] == UInt8(ascii: "[") else { return nil }
        var index = end - 1
        while index > start + 1 {
            if bytes[index] == UInt8(ascii: "]") { return ByteRange(start: start + 1, end: index) }
            index -= 1
        }
        return nil
    }

    mutating func handleHeader(_ range: ByteRange, number: Int) {
        let name = text(range.start, range.end)
        if let index = sections.firstIndex(where: { $0.name == name }) {
            if addedSections.contains(name) {
                fail(
                    "section '\(name)' appears twice (configparser raises DuplicateSectionError, line \(number))",
                    range
                )
            }
            current = index
        } else if name == IniSection.defaultSectionName {
            current = -1
            if defaults.nameRange == nil { defaults.nameRange = range }
        } else {
            sections.append(SectionBuilder(name: name, nameRange: range))
            current = sections.count - 1
        }
        addedSections.insert(name)
        optionName = nil
    }

    mutating func handleOption(_ start: Int, _ end: Int, number: Int) {
        var delimiter = start
        while delimiter < end && bytes[delimiter] != UInt8(ascii: "=") && bytes[delimiter] != UInt8(ascii: ":") {
            delimiter += 1
        }
        guard delimiter < end else {
            fail(
                "line \(number) has no '=' or ':' (configparser raises ParsingError)",
                ByteRange(start: start, end: end)
            )
            return
        }
        let key = PythonText.strip(bytes, start, delimiter)
        let keyRange = ByteRange(start: key.start, end: key.end)
        if keyRange.isEmpty {
            fail("line \(number) has an empty key (configparser raises ParsingError)", ByteRange(start: start, end: end))
        }
        let name = text(key.start, key.end).lowercased()
        let sectionName = sectionNameForCurrent
        let token = sectionName + "\u{0}" + name
        if addedOptions.contains(token) {
            fail(
                "option '\(name)' appears twice in section '\(sectionName)' "
                    + "(configparser raises DuplicateOptionError, line \(number))",
                keyRange
            )
        }
        addedOptions.insert(token)
        let value = PythonText.strip(bytes, delimiter + 1, end)
        let valueRange = ByteRange(start: value.start, end: value.end)
        let entry = EntryBuilder(
            key: name, keyRange: keyRange, lines: [text(value.start, value.end)], lineRanges: [valueRange]
        )
        withCurrentSection { $0.set(entry) }
        optionName = name
    }

    var sectionNameForCurrent: String {
        guard let current, current >= 0, current < sections.count else { return IniSection.defaultSectionName }
        return sections[current].name
    }

    mutating func appendToValue(name: String, text: String, range: ByteRange) {
        withCurrentSection { $0.append(to: name, text: text, range: range) }
    }

    mutating func withCurrentSection(_ body: (inout SectionBuilder) -> Void) {
        guard let current else { return }
        if current < 0 {
            body(&defaults)
        } else if current < sections.count {
            body(&sections[current])
        }
    }

    func text(_ start: Int, _ end: Int) -> String {
        String(decoding: bytes[start ..< end], as: UTF8.self)
    }

    mutating func fail(_ message: String, _ range: ByteRange) {
        problems.append(ConfigProblem(kind: .iniSyntax, severity: .error, message: message, file: path, range: range))
    }
}

/// A section under construction.
private struct SectionBuilder {
    var name: String
    var nameRange: ByteRange?
    var entries: [EntryBuilder] = []

    init(name: String, nameRange: ByteRange?) {
        self.name = name
        self.nameRange = nameRange
    }

    /// `cursect[optname] = [value]`: a repeated key replaces the value in place.
    mutating func set(_ entry: EntryBuilder) {
        if let index = entries.firstIndex(where: { $0.key == entry.key }) {
            entries[index] = entry
        } else {
            entries.append(entry)
        }
    }

    mutating func append(to key: String, text: String, range: ByteRange) {
        guard let index = entries.lastIndex(where: { $0.key == key }) else { return }
        entries[index].lines.append(text)
        entries[index].lineRanges.append(range)
    }

    func build() -> IniSection {
        IniSection(name: name, nameRange: nameRange, entries: entries.map { $0.build() })
    }
}

/// An entry under construction: its value lines before `'\n'.join(...).rstrip()`.
private struct EntryBuilder {
    var key: String
    var keyRange: ByteRange
    var lines: [String]
    var lineRanges: [ByteRange]

    func build() -> IniEntry {
        var keptLines = lines
        var keptRanges = lineRanges
        while keptLines.count > 1, keptLines.last?.isEmpty == true {
            keptLines.removeLast()
            keptRanges.removeLast()
        }
        let first = keptRanges.first ?? keyRange
        let last = keptRanges.last(where: { !$0.isEmpty }) ?? first
        return IniEntry(
            key: key, keyRange: keyRange, value: keptLines.joined(separator: "\n"),
            valueRange: ByteRange(start: first.start, end: max(first.start, last.end)), lineRanges: keptRanges
        )
    }
}
