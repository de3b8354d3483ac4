/// Why a merge migration cannot be planned or written. ``message`` uses alembic's wording
/// where alembic has one.
public enum MergeError: Error, Sendable, Hashable {
    /// The environment has no script directory.
    case noScriptDirectory
    /// `--rev-id` contains `@`, `-`, `+` or `:`.
    case invalidRevisionID(id: String, characters: [String])
    /// A revision argument cannot be resolved (alembic's `CommandError` text).
    case revisions(String)
    /// The same revision was named twice.
    case duplicateHeads
    /// A named revision is not a head and `--splice` was not given.
    case notAHead(String)
    /// Several version locations and no head to pick one from.
    case multipleVersionLocations
    /// The chosen directory is not one of the version locations (a head in a sub-directory).
    case versionPathNotRepresented(String)
    /// `timezone` names no known zone.
    case unknownTimezone(String)
    /// `file_template` cannot be formatted (an unknown `%(token)s`, a bad conversion …).
    case fileTemplate(template: String, reason: String)
    /// The template fails to render (alembic fails too).
    case templateFailed(MakoTemplateError)
    /// The target file exists already; it is never overwritten.
    case fileExists(String)
    /// Creating a directory or the file failed (read-only folder …).
    case writeFailed(path: String, reason: String)

    /// A one-line description, in alembic's words where it has them.
    public var message: String {
        switch self {
        case .noScriptDirectory:
            return "No 'script_location' key found in configuration."
        case .invalidRevisionID(let id, let characters):
            return "Character(s) '\(characters.joined(separator: ", "))' not allowed in revision identifier '\(id)'"
        case .revisions(let message):
            return message
        case .duplicateHeads:
            return "Duplicate head revisions specified"
        case .notAHead(let id):
            return "Revision \(id) is not a head revision; please specify --splice to create a new branch from this revision"
        case .multipleVersionLocations:
            return "Multiple version locations present, please specify --version-path"
        case .versionPathNotRepresented(let path):
            return "Path \(path) is not represented in current version locations"
        case .unknownTimezone(let name):
            return "Can't locate timezone: \(name)"
        case .fileTemplate(let template, let reason):
            return "file_template \(PythonRepr.repr(template)) cannot be formatted: \(reason) (known tokens: rev, slug, epoch, year, month, day, hour, minute, second)"
        case .templateFailed(let error):
            return "Template rendering failed: \(error.message)"
        case .fileExists(let path):
            return "\(path) already exists; not overwriting it"
        case .writeFailed(let path, let reason):
            return "cannot write \(path): \(reason)"
        }
    }
}
