import PythonSyntax

/// What a workspace class is to SQLAlchemy's declarative system.
struct ClassInfo {
    enum Kind {
        /// Not on any declarative base: a mixin when a mapped class inherits from it.
        case plain
        /// A `DeclarativeBase` subclass: the root of a declarative hierarchy.
        case declarativeBase
        /// `__abstract__ = True` below a base: no table, columns inherited.
        case abstract
        /// Mapped: its own table, or its parent's with single-table inheritance.
        case mapped
    }

    var kind: Kind
    /// The metadata the class's tables go to; nil for a plain class.
    var metadata: MetadataIdentity?
    /// Flask-SQLAlchemy naming: a `db.Model` class without `__tablename__` gets one.
    var flaskNaming = false
    /// The bases that are workspace classes, in order.
    var workspaceBases: [ClassReference] = []
    /// True for an `enum.Enum` subclass (a `Mapped[MyEnum]` column is an `Enum`).
    var isEnum = false

    static let declarativeRoots: Set<String> = ["DeclarativeBase", "DeclarativeBaseNoMeta"]

    static func analyze(_ reference: ClassReference, scope: ModuleScope, resolver: ModelResolver) -> ClassInfo {
        var info = ClassInfo(kind: .plain)
        var subclassesDeclarativeRoot = false
        for base in reference.node.bases {
            let value = resolver.evaluate(base, in: scope)
            switch value {
            case let .external(qualified):
                if let name = value.sqlalchemyName, declarativeRoots.contains(name) { subclassesDeclarativeRoot = true }
                if ["enum.Enum", "enum.IntEnum", "enum.StrEnum", "enum.Flag", "enum.IntFlag"].contains(qualified) { info.isEnum = true }
            case let .base(id, flask):
                if info.metadata == nil {
                    info.metadata = id
                    info.flaskNaming = flask
                }
            case let .classDef(parent):
                info.workspaceBases.append(parent)
                let parentInfo = resolver.classInfo(parent)
                if parentInfo.isEnum { info.isEnum = true }
                if info.metadata == nil, let id = parentInfo.metadata {
                    info.metadata = id
                    info.flaskNaming = parentInfo.flaskNaming
                }
            default:
                break
            }
        }
        if info.metadata != nil {
            info.kind = isAbstract(reference.node) ? .abstract : .mapped
        } else if subclassesDeclarativeRoot {
            info.kind = .declarativeBase
            var id = MetadataIdentity(path: reference.path, offset: reference.node.range.start, displayName: reference.name + ".metadata")
            var created = false
            for stmt in reference.node.body {
                guard let (name, value) = Self.assignment(stmt), name == "metadata", let value else { continue }
                if case let .metadata(declared) = resolver.evaluate(value, in: scope, hint: reference.name + ".metadata") {
                    id = declared
                    created = true
                }
            }
            if !created {
                resolver.register(id, at: reference.node.name, path: reference.path, convention: nil)
            }
            info.metadata = id
        }
        return info
    }

    /// `__abstract__ = True` in the class body.
    static func isAbstract(_ node: ClassDef) -> Bool {
        node.body.contains { stmt in
            guard let (name, value) = assignment(stmt), name == "__abstract__", let value,
                  case .constant(.bool(true)) = value.kind else { return false }
            return true
        }
    }

    /// `name = value` or `name: T = value` with a plain name target.
    static func assignment(_ stmt: Stmt) -> (String, Expr?)? {
        switch stmt.kind {
        case let .assign(targets, value):
            guard targets.count == 1, let name = targets.first?.identifier else { return nil }
            return (name, value)
        case let .annAssign(target, _, value, _):
            guard let name = target.identifier else { return nil }
            return (name, value)
        default:
            return nil
        }
    }
}
