import AlembicModel
import Foundation
import Testing

/// Model-index behaviour the SQLAlchemy oracle does not cover: unknown constructs recorded,
/// declaration locations, Flask-SQLAlchemy and `registry()` bases, target metadata forms.
@Suite struct ModelIndexTests {
    static func analyze(_ files: [String: String], env: String) throws -> (ModelAnalysis, String) {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("alembic-ls-models-\(UUID().uuidString)").path
        for (relative, text) in files.merging(["env.py": env], uniquingKeysWith: { $1 }) {
            let path = root + "/" + relative
            try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try text.write(toFile: path, atomically: true, encoding: .utf8)
        }
        let modelFiles = files.keys.filter { $0.hasSuffix(".py") }.map { root + "/" + $0 }.sorted()
        return (ModelAnalyzer.analyze(envPy: root + "/env.py", modules: WorkspaceModules(searchRoots: [root]), modelFiles: modelFiles,
                                      bypasses: []), root)
    }

    @Test func unknownConstructsAreRecordedNotGuessed() throws {
        let (models, root) = try Self.analyze([
            "m.py": """
                from sqlalchemy import Column, Integer
                from sqlalchemy.orm import DeclarativeBase, Mapped, declared_attr
                from helpers import make_column


                class Base(DeclarativeBase):
                    pass


                class Named:
                    @declared_attr.directive
                    def __tablename__(cls) -> str:
                        return cls.__name__.lower()


                class Thing(Named, Base):
                    id = Column(Integer, primary_key=True)


                class Other(Base):
                    __tablename__ = "others"
                    id = Column(Integer, primary_key=True)
                    extra: Mapped[int] = make_column()
                """,
        ], env: "from m import Base\ntarget_metadata = Base.metadata\n")
        defer { try? FileManager.default.removeItem(atPath: root) }
        let reasons = models.unknowns.map(\.reason)
        #expect(reasons.contains("the table name of Thing is computed"))
        #expect(reasons.contains("extra is Mapped but not built by mapped_column()"))
        let schema = try #require(models.targetSchema)
        #expect(schema.tables.keys.sorted() == ["others"])
        #expect(schema.table("others")?.columns.map(\.name) == ["id"])
        #expect(models.classes.first { $0.name == "Thing" }?.table == nil)
    }

    @Test func locationsPointAtClassesColumnsAndTableNames() throws {
        let source = "from sqlalchemy import Column, Integer, MetaData, Table\nfrom sqlalchemy.orm import registry\n\nmapper_registry = registry()\nBase = mapper_registry.generate_base()\n\nclass User(Base):\n    __tablename__ = 'users'\n    id = Column(Integer, primary_key=True)\n\nlog = Table('log', Base.metadata, Column('at', Integer))\n"
        let (models, root) = try Self.analyze(["m.py": source], env: "import m\ntarget_metadata = m.Base.metadata\n")
        defer { try? FileManager.default.removeItem(atPath: root) }
        let target = try #require(models.target.identities.first)
        let metadata = try #require(models.metadata(target))
        let bytes = Array(source.utf8)
        func text(_ location: ModelLocation?) -> String? {
            location.map { String(decoding: bytes[$0.range.start ..< $0.range.end], as: UTF8.self) }
        }
        #expect(text(metadata.tableLocations["users"]) == "User")
        #expect(text(metadata.columnLocations["users"]?["id"]) == "id")
        #expect(text(metadata.tableLocations["log"]) == "'log'")
        #expect(text(metadata.columnLocations["log"]?["at"]) == "'at'")
        #expect(models.collectingModule?.name == "m")
    }

    @Test func flaskSQLAlchemyModelsGetSnakeCaseTableNames() throws {
        let (models, root) = try Self.analyze([
            "app.py": """
                from flask_sqlalchemy import SQLAlchemy

                db = SQLAlchemy()


                class UserAccount(db.Model):
                    id = db.Column(db.Integer, primary_key=True)
                    email = db.Column(db.String(120), unique=True, nullable=False)


                tags = db.Table("tags", db.Column("id", db.Integer, primary_key=True))
                """,
        ], env: "from app import db\ntarget_metadata = db.metadata\n")
        defer { try? FileManager.default.removeItem(atPath: root) }
        let schema = try #require(models.targetSchema)
        #expect(schema.tables.keys.sorted() == ["tags", "user_account"])
        #expect(schema.table("user_account")?.column("email")?.nullable == false)
        #expect(schema.table("user_account")?.uniqueConstraints == [UniqueConstraintSchema(name: nil, columns: ["email"])])
    }

    @Test func targetMetadataForms() throws {
        let files = ["m.py": "from sqlalchemy import MetaData\na = MetaData()\nb = MetaData()\n"]
        let (list, root1) = try Self.analyze(files, env: "from m import a, b\ntarget_metadata = [a, b]\n")
        defer { try? FileManager.default.removeItem(atPath: root1) }
        #expect(list.target.identities.map(\.displayName) == ["a", "b"])
        let (unresolved, root2) = try Self.analyze(files, env: "from elsewhere import get\ntarget_metadata = get()\n")
        defer { try? FileManager.default.removeItem(atPath: root2) }
        if case .unresolved = unresolved.target {} else { Issue.record("expected unresolved, got \(unresolved.target)") }
        let (missing, root3) = try Self.analyze(files, env: "from alembic import context\n")
        defer { try? FileManager.default.removeItem(atPath: root3) }
        #expect(missing.target == .missing)
    }

    @Test func cyclesAndBrokenInputEnd() throws {
        let (models, root) = try Self.analyze([
            "a.py": "from b import *\nfrom sqlalchemy.orm import DeclarativeBase\nclass Base(DeclarativeBase): pass\nclass A(B, Base):\n    __tablename__ = 'a'\n",
            "b.py": "from a import *\nclass B(A):\n    x: Mapped[\nclass C(C): pass\n",
            "c.py": "X = Y\nY = X\nclass T(X):\n    __tablename__ = (\n",
        ], env: "from a import Base\nfrom c import X\ntarget_metadata = X.metadata\n")
        defer { try? FileManager.default.removeItem(atPath: root) }
        if case .unresolved = models.target {} else { Issue.record("expected unresolved, got \(models.target)") }
        #expect(models.chain.modules.count == 3)
    }
}
