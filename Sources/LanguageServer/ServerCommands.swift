/// The commands the server executes (`workspace/executeCommand`), announced in
/// `executeCommandProvider.commands`. Adding a command is one entry in ``handlers``: the
/// handler runs on the consumer queue with the session and a context on the current
/// analysis, and its result is the response.
enum ServerCommands {
    typealias Handler = @Sendable (Session, [JSON], RequestContext) throws(ResponseError) -> any Encodable & Sendable

    /// Applies a code action's fix: `[{uri, range, title}]` names the action as
    /// `textDocument/codeAction` offered it; it is looked up again on the current analysis.
    static let applyFix = "alembic-ls.applyFix"
    /// What a code lens shows: `[uri, position, locations]`; answers the locations.
    static let showReferences = "alembic-ls.showReferences"
    /// Creates the merge migration of an environment's heads (the quick fix of ALM105).
    static let createMergeMigration = "alembic-ls.createMergeMigration"
    /// Reads the live databases again (no arguments; answers null, diagnostics follow).
    static let refreshDatabase = "alembic-ls.refreshDatabase"

    static let handlers: [String: Handler] = [
        applyFix: { session, arguments, context throws(ResponseError) in try session.applyFixCommand(arguments, context: context) },
        showReferences: { session, arguments, context throws(ResponseError) in try session.showReferencesCommand(arguments, context: context) },
        createMergeMigration: { session, arguments, context throws(ResponseError) in
            try session.createMergeMigrationCommand(arguments, context: context)
        },
        refreshDatabase: { session, _, _ in session.refreshDatabaseCommand() },
    ]
}
