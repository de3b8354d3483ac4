import TextCore

/// An ini file as Python's `configparser.ConfigParser` (alembic's reader) sees it, with the
/// byte range of every key and value so diagnostics can point into the file.
///
/// Section names are case-sensitive; keys are lowercased (`optionxform`). Values are the
/// raw, uninterpolated strings `configparser` stores (continuation lines joined with `\n`);
/// use ``interpolatedValue(section:key:)`` for what `ConfigParser.get` returns.
public struct IniFile: Hashable, Sendable {
    /// The file's path as given to the parser.
    public var path: String
    /// The directory `%(here)s` expands to: `Path(path).absolute().parent.as_posix()`.
    public var here: String
    /// Sections in file order, without `DEFAULT`. A section repeated in the file (an error
    /// for alembic) is merged into its first occurrence.
    public var sections: [IniSection]
    /// The `[DEFAULT]` section's entries from the file (empty when there is none).
    public var defaults: IniSection
    /// Problems found while reading; see ``isReadableByAlembic``.
    public var problems: [ConfigProblem]

    /// Creates an ini file value; normally produced by ``IniParser``.
    public init(path: String, here: String, sections: [IniSection], defaults: IniSection, problems: [ConfigProblem]) {
        self.path = path
        self.here = here
        self.sections = sections
        self.defaults = defaults
        self.problems = problems
    }

    /// False when `ConfigParser.read` would raise on this file, which makes every alembic
    /// command using it fail. The values here are still a best-effort reading.
    public var isReadableByAlembic: Bool {
        !problems.contains { $0.kind == .iniSyntax && $0.severity == .error }
    }

    /// The section named `name` (case-sensitive), excluding `DEFAULT`.
    public func section(named name: String) -> IniSection? {
        sections.first { $0.name == name }
    }

    /// `ConfigParser.has_option(section, key)`: true when the section exists and it, or
    /// `[DEFAULT]` (including the built-in `here`), has the key.
    public func hasOption(section name: String, key: String) -> Bool {
        if name == IniSection.defaultSectionName {
            return defaults.entry(key) != nil || key.lowercased() == "here"
        }
        guard let section = section(named: name) else { return false }
        let key = key.lowercased()
        return section.entry(key) != nil || defaults.entry(key) != nil || key == "here"
    }

    /// The entry `ConfigParser.get(section, key)` would read: the section's own entry, else
    /// the `[DEFAULT]` one. Nil for the built-in `here`, which has no place in the file.
    public func entry(section name: String, key: String) -> IniEntry? {
        let key = key.lowercased()
        if name != IniSection.defaultSectionName {
            guard let section = section(named: name) else { return nil }
            if let entry = section.entry(key) { return entry }
        }
        return defaults.entry(key)
    }
}
