import AlembicModel
import PythonSyntax
import TextCore

/// ALM301: a class mapped on env.py's `target_metadata` in a module env.py never imports, so
/// autogenerate does not see its table.
public enum ModelNotInMetadata: Rule {
    /// Reads the model index, which changes only when the workspace is re-read (models are
    /// not migrations): re-running after a migration edit would find the same.
    public static let scope = RuleScope.graph

    public static let metadata = RuleMetadata(
        code: "ALM301", name: "model-not-in-metadata", severity: .warning,
        summary: "A model on env.py's metadata lives in a module env.py never imports: autogenerate cannot see it.",
        documentation: """
        ## What it does
        Follows env.py's imports through the workspace (absolute and relative imports,
        `prepend_sys_path`, `src/` layouts, package `__init__.py` re-exports, `from x import *`)
        and reports each declarative class mapped on the metadata env.py hands Alembic as
        `target_metadata` that lives in a module none of those imports reaches. Test files are
        not reported.

        ## Why is this bad?
        A table exists in `MetaData` only once the module declaring it has been imported.
        `alembic revision --autogenerate` compares the database with the metadata env.py sees,
        so a model module nobody imports is invisible: autogenerate "doesn't detect changes", or
        worse proposes to drop the model's table because the database has it and the metadata
        does not.

        ## Example
        ```python
        # src/api/utils/models.py — env.py does `from src.api.utils.models import Base`
        from src.api.utils.database import Base
        from src.api.utils.user_models import UserDB

        # src/api/utils/payout_models.py — imported by no one on env.py's chain
        class PayoutDB(Base):
            __tablename__ = "payouts"
        ```

        ## Use instead
        ```python
        # src/api/utils/models.py
        from src.api.utils.database import Base
        from src.api.utils.user_models import UserDB
        from src.api.utils.payout_models import PayoutDB
        ```

        ## Fix safety
        The fix adds the import to the module env.py imports its metadata from (the one that
        collects the models). It is unsafe: importing a module runs it, and the new import can
        create an import cycle.
        """)

    public static func check(_ context: LintContext) -> [Diagnostic] {
        guard let models = context.environment.models else { return [] }
        let targets = Set(models.target.identities)
        guard !targets.isEmpty else { return [] }
        var out: [Diagnostic] = []
        for mapped in models.classes where targets.contains(mapped.metadata) {
            let path = mapped.location.path
            guard !models.chain.contains(path), path != models.envPy, !WorkspaceFileScan.isTestFile(path) else { continue }
            let table = mapped.table.map { " (table `\($0)`)" } ?? ""
            let message = "`\(mapped.name)`\(table) is mapped on `\(mapped.metadata.displayName)`, but env.py never imports "
                + "`\(mapped.module)`: autogenerate does not see it"
            var related: [RelatedLocation] = []
            if case let .resolved(_, location) = models.target {
                related.append(RelatedLocation(location: Location(path: location.path, range: location.range), message: "target_metadata"))
            }
            out.append(diagnostic(message, path: path, range: mapped.location.range, related: related,
                                  fix: fix(importing: mapped, into: models.collectingModule, context: context)))
        }
        return out
    }

    /// Adds `from module import Class` after the last top-level import of the collecting module.
    static func fix(importing mapped: MappedClass, into collecting: ModelAnalysis.ModuleReference?, context: LintContext) -> Fix? {
        guard let collecting, collecting.path != mapped.location.path,
              let bytes = context.project.sources[collecting.path]?.bytes else { return nil }
        let parsed = parseModule(bytes)
        var insertAt = 0
        for stmt in parsed.body {
            switch stmt.kind {
            case .import, .importFrom: insertAt = stmt.range.end
            default: continue
            }
        }
        let line = "from \(mapped.module) import \(mapped.name)"
        let text: String
        if insertAt == 0 {
            text = line + "\n"
        } else {
            // After the statement's line break.
            var end = insertAt
            while end < bytes.count, bytes[end] != UInt8(ascii: "\n") { end += 1 }
            insertAt = min(end + 1, bytes.count)
            text = (end >= bytes.count ? "\n" : "") + line + "\n"
        }
        return Fix(
            title: "Import `\(mapped.name)` in `\(collecting.name)`",
            edits: [FileEdit(path: collecting.path, edits: [TextEdit(range: .empty(at: insertAt), newText: text)])],
            applicability: .unsafe)
    }
}
