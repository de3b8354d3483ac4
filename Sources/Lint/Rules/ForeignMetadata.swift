import AlembicModel
import TextCore

/// ALM303: a model declared on a `Base`/`MetaData` that no environment hands Alembic.
public enum ForeignMetadata: Rule {
    /// Reads the model index, which changes only when the workspace is re-read (models are
    /// not migrations): re-running after a migration edit would find the same.
    public static let scope = RuleScope.graph

    public static let metadata = RuleMetadata(
        code: "ALM303", name: "foreign-metadata", severity: .warning,
        summary: "A model is declared on a `Base`/`MetaData` other than env.py's `target_metadata`.",
        documentation: """
        ## What it does
        Reports each table (a mapped class, or a `Table(...)`) declared on a metadata object
        that no Alembic environment of the project uses as its `target_metadata`, when env.py's
        `target_metadata` is known. Test files are not reported.

        ## Why is this bad?
        Autogenerate only compares the metadata env.py hands it. A model class that inherits
        from another `declarative_base()` (a copy-pasted `Base = declarative_base()`, a second
        `class Base(DeclarativeBase)`) is invisible to it: its table never gets a migration,
        however many times the model changes.

        ## Example
        ```python
        # src/api/utils/payments.py
        from sqlalchemy.orm import declarative_base

        Base = declarative_base()  # a second, unrelated Base

        class Payment(Base):
            __tablename__ = "payments"
        ```

        ## Use instead
        ```python
        # src/api/utils/payments.py
        from src.api.utils.database import Base  # the Base env.py's target_metadata comes from

        class Payment(Base):
            __tablename__ = "payments"
        ```

        If the other metadata belongs to another database on purpose, give that database its
        own Alembic environment (its env.py's `target_metadata` then counts), or ignore the
        rule for those files with `per-file-ignores`.
        """)

    public static func check(_ context: LintContext) -> [Diagnostic] {
        guard let models = context.environment.models, let target = models.target.identities.first else { return [] }
        let targets = models.projectTargets.union(models.target.identities)
        var out: [Diagnostic] = []
        for declared in models.metadata where !targets.contains(declared.identity) {
            for (table, location) in declared.tableLocations.sorted(by: { $0.key < $1.key }) where !WorkspaceFileScan.isTestFile(location.path) {
                let message = "Table `\(table)` is declared on `\(declared.identity.displayName)` of "
                    + "\(context.displayPath(declared.identity.path)), not on env.py's `\(target.displayName)` of "
                    + "\(context.displayPath(target.path)): autogenerate never sees it"
                let related = [RelatedLocation(location: Location(path: declared.location.path, range: declared.location.range),
                                               message: "`\(declared.identity.displayName)` is created here")]
                out.append(diagnostic(message, path: location.path, range: location.range, related: related))
            }
        }
        return out
    }
}
