/// An error raised by the revision graph, mirroring the Python exception alembic raises.
///
/// ``className`` is the Python class name (`MultipleHeads`, `KeyError`, ...), ``message`` is
/// exactly `str(exception)`, and ``cliMessage`` is the text alembic's command line prints after
/// `FAILED: ` when the call goes through `ScriptDirectory._catch_revision_errors` (nil when the
/// CLI would show a traceback instead, or when the call has no CLI equivalent).
public struct RevisionGraphError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The Python exception classes alembic's revision code raises.
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        /// `alembic.script.revision.RevisionError` itself.
        case revisionError = "RevisionError"
        /// `RangeNotAncestorError(RevisionError)`.
        case rangeNotAncestor = "RangeNotAncestorError"
        /// `MultipleHeads(RevisionError)`.
        case multipleHeads = "MultipleHeads"
        /// `ResolutionError(RevisionError)`.
        case resolution = "ResolutionError"
        /// `CycleDetected(RevisionError)`.
        case cycleDetected = "CycleDetected"
        /// `DependencyCycleDetected(CycleDetected)`.
        case dependencyCycleDetected = "DependencyCycleDetected"
        /// `LoopDetected(CycleDetected)`.
        case loopDetected = "LoopDetected"
        /// `DependencyLoopDetected(DependencyCycleDetected, LoopDetected)`.
        case dependencyLoopDetected = "DependencyLoopDetected"
        /// A bare Python `KeyError` (dangling references).
        case keyError = "KeyError"
        /// A bare Python `AssertionError` (e.g. iterating through a revision named `base`).
        case assertionError = "AssertionError"
        /// A bare Python `TypeError` (e.g. iterating `None` current revisions).
        case typeError = "TypeError"

        /// True for `RevisionError` and its subclasses (the ones the CLI turns into messages).
        public var isRevisionError: Bool {
            switch self {
            case .keyError, .assertionError, .typeError: return false
            default: return true
            }
        }
    }

    /// The exception class.
    public var kind: Kind
    /// `str(exception)`.
    public var message: String
    /// The `FAILED: ` text of alembic's CLI, where it has one.
    public var cliMessage: String?
    /// `MultipleHeads.argument` / `ResolutionError.argument` (already formatted with `%s`).
    public var argument: String?
    /// `RangeNotAncestorError.lower` and `.upper`, formatted with `%s`.
    var rangeLower: String?
    var rangeUpper: String?

    /// The Python class name, e.g. `"MultipleHeads"`.
    public var className: String { kind.rawValue }

    /// `className: message`.
    public var description: String { "\(className): \(message)" }

    /// Creates an error value.
    public init(kind: Kind, message: String, cliMessage: String? = nil, argument: String? = nil) {
        self.kind = kind
        self.message = message
        self.cliMessage = cliMessage
        self.argument = argument
    }

    static func revision(_ message: String) -> RevisionGraphError {
        RevisionGraphError(kind: .revisionError, message: message)
    }

    static func keyError(_ key: String) -> RevisionGraphError {
        RevisionGraphError(kind: .keyError, message: PythonRepr.repr(key))
    }

    static let assertion = RevisionGraphError(kind: .assertionError, message: "")

    static func multipleHeads(_ heads: [String], argument: String) -> RevisionGraphError {
        RevisionGraphError(
            kind: .multipleHeads,
            message: "Multiple heads are present for given argument '\(argument)'; "
                + heads.joined(separator: ", "),
            argument: argument)
    }

    static func resolution(_ message: String, argument: String) -> RevisionGraphError {
        RevisionGraphError(kind: .resolution, message: message, argument: argument)
    }

    static func rangeNotAncestor(lower: String, upper: String) -> RevisionGraphError {
        var error = RevisionGraphError(
            kind: .rangeNotAncestor,
            message: "Revision \(lower) is not an ancestor of revision \(upper)")
        error.rangeLower = lower
        error.rangeUpper = upper
        return error
    }

    static func cycle(_ kind: Kind, _ revisions: [String]) -> RevisionGraphError {
        let prefix: String
        switch kind {
        case .dependencyCycleDetected: prefix = "Dependency cycle"
        case .loopDetected: prefix = "Self-loop"
        case .dependencyLoopDetected: prefix = "Dependency self-loop"
        default: prefix = "Cycle"
        }
        return RevisionGraphError(
            kind: kind,
            message: "\(prefix) is detected in revisions (\(revisions.joined(separator: ", ")))")
    }

    /// How `ScriptDirectory._catch_revision_errors` is parameterised by the calling command.
    enum CLIContext {
        /// `get_revision`, `get_revisions`: the default texts.
        case standard
        /// `ScriptDirectory.get_current_head`.
        case currentHead
        /// `_upgrade_revs(destination, ...)`.
        case upgrade(destination: RevisionIdentifier)
        /// `_downgrade_revs(destination, ...)`.
        case downgrade(destination: RevisionIdentifier)
    }

    /// This error with ``cliMessage`` set the way `_catch_revision_errors` words it.
    func withCLIMessage(_ context: CLIContext) -> RevisionGraphError {
        guard kind.isRevisionError else { return self }
        var end: RevisionIdentifier?
        var verb: String?
        switch context {
        case .standard, .currentHead:
            break
        case .upgrade(let destination):
            end = destination
            verb = "upgrade"
        case .downgrade(let destination):
            end = destination
            verb = "downgrade"
        }
        var copy = self
        switch kind {
        case .rangeNotAncestor:
            let endText: String
            if let end, end != .none { endText = end.pythonStr } else { endText = rangeUpper ?? "None" }
            if let verb {
                copy.cliMessage =
                    "Destination \(endText) is not a valid \(verb) target from current head(s)"
            } else {
                copy.cliMessage = "Requested range \(rangeLower ?? "None"):\(endText) does not refer "
                    + "to ancestor/descendant revisions along the same branch"
            }
        case .multipleHeads:
            if case .currentHead = context {
                copy.cliMessage = "The script directory has multiple heads (due to branching)."
                    + "Please use get_heads(), or merge the branches using alembic merge."
            } else {
                let headArg: String
                if let end, end.isTruthy { headArg = end.pythonStr } else { headArg = argument ?? "None" }
                copy.cliMessage = "Multiple head revisions are present for given argument "
                    + "'\(headArg)'; please specify a specific target revision, "
                    + "'<branchname>@\(headArg)' to narrow to a specific head, "
                    + "or 'heads' for all heads"
            }
        case .resolution:
            copy.cliMessage = "Can't locate revision identified by '\(argument ?? "None")'"
        default:
            copy.cliMessage = message
        }
        return copy
    }
}
