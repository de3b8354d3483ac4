import PythonSyntax

/// What a Python expression of the workspace stands for, as far as the model index follows it.
enum SymbolValue {
    /// A module of the workspace (its path and dotted name).
    case module(path: String, name: String)
    /// A module or name outside the workspace, fully qualified (`sqlalchemy.orm.DeclarativeBase`).
    case external(String)
    /// A `MetaData` object.
    case metadata(MetadataIdentity)
    /// A declarative base: the result of `declarative_base()`, `registry.generate_base()`, or a
    /// Flask-SQLAlchemy `db.Model`.
    case base(MetadataIdentity, flaskNaming: Bool)
    /// A `registry()` object.
    case registry(MetadataIdentity)
    /// A Flask-SQLAlchemy `SQLAlchemy()` object.
    case flaskDatabase(MetadataIdentity)
    /// A class defined in the workspace.
    case classDef(ClassReference)
    /// An attribute of a workspace class (`User.id`).
    case classAttribute(ClassReference, String)
    /// A `Table(...)` object: its metadata and qualified name.
    case table(MetadataIdentity?, String)
    /// `table.c` of a table.
    case tableColumns(String)
    /// `table.c.name`.
    case tableColumn(table: String, column: String)
    /// The result of calling something outside the workspace that the index does not know.
    case instance(String)
    case unknown

    /// The SQLAlchemy name this value is (`Column`, `mapped_column`, `String` …): the last
    /// component of a name imported from `sqlalchemy` (or reached through a Flask-SQLAlchemy
    /// `db.`); nil for anything else.
    var sqlalchemyName: String? {
        guard case let .external(qualified) = self else { return nil }
        guard qualified == "sqlalchemy" || qualified.hasPrefix("sqlalchemy.") else {
            return nil
        }
        return qualified.split(separator: ".").last.map(String.init)
    }

    /// The metadata of a metadata object, base, registry or Flask database.
    var metadataIdentity: MetadataIdentity? {
        switch self {
        case let .metadata(id), let .base(id, _), let .registry(id), let .flaskDatabase(id): id
        default: nil
        }
    }
}

/// A class statement of a workspace module.
struct ClassReference: Hashable {
    var path: String
    var node: ClassDef

    var name: String { node.name.name }
}
