import PythonSyntax
import TextCore

/// How a migration module names SQLAlchemy's `inspect` and Alembic's `context`, and where a
/// missing import goes (the line after the last top-level import).
struct ModuleImports {
    /// The expression calling `sqlalchemy.inspect` as the module imports it (`sa.inspect`,
    /// `sa_inspect`, `inspect`); nil when the module imports neither it nor `sqlalchemy`.
    var inspect: String?
    /// The expression naming `alembic.context` (`context`, `alembic.context`); nil when not imported.
    var context: String?
    /// Every name bound at the top level of the module (imports, assignments, definitions).
    var boundNames: Set<String>
    /// The end of the last top-level import statement; nil when there is none.
    var lastImportEnd: Int?

    init(_ parsed: ParsedModule) {
        var inspectFrom: String?
        var sqlalchemyModule: String?
        var contextFrom: String?
        var alembicModule: String?
        boundNames = []
        for statement in parsed.body {
            switch statement.kind {
            case let .import(aliases):
                lastImportEnd = statement.range.end
                for alias in aliases {
                    let name = alias.name.name
                    let bound = alias.asname?.name ?? String(name.split(separator: ".").first ?? "")
                    boundNames.insert(bound)
                    if name == "sqlalchemy" { sqlalchemyModule = alias.asname?.name ?? "sqlalchemy" }
                    if name == "alembic" { alembicModule = alias.asname?.name ?? "alembic" }
                }
            case let .importFrom(module, aliases, level):
                lastImportEnd = statement.range.end
                for alias in aliases {
                    let bound = alias.asname?.name ?? alias.name.name
                    boundNames.insert(bound)
                    guard level == 0 else { continue }
                    if module?.name == "sqlalchemy", alias.name.name == "inspect" { inspectFrom = bound }
                    if module?.name == "alembic", alias.name.name == "context" { contextFrom = bound }
                }
            case let .functionDef(function):
                boundNames.insert(function.name.name)
            case let .classDef(definition):
                boundNames.insert(definition.name.name)
            case let .assign(targets, _):
                for target in targets { if let name = target.identifier { boundNames.insert(name) } }
            case let .annAssign(target, _, _, _):
                if let name = target.identifier { boundNames.insert(name) }
            default:
                break
            }
        }
        inspect = inspectFrom ?? sqlalchemyModule.map { "\($0).inspect" }
        context = contextFrom ?? alembicModule.map { "\($0).context" }
    }

    /// The name to import `sqlalchemy.inspect` under when the module lacks it: `inspect`,
    /// or `sa_inspect` when `inspect` is taken (the standard library's module, say).
    var inspectImportName: String { boundNames.contains("inspect") ? "sa_inspect" : "inspect" }

    /// The name to import `alembic.context` under when the module lacks it.
    var contextImportName: String { boundNames.contains("context") ? "alembic_context" : "context" }
}
