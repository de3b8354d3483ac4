import AlembicModel
import Foundation
import Lint
import TestSupport
import Testing

/// ALM301, ALM302, ALM303 and ALM305 on small projects with models.
@Suite struct ModelRulesTests {
    static let database = """
        from sqlalchemy.orm import DeclarativeBase


        class Base(DeclarativeBase):
            pass
        """
    static let envPy = """
        from alembic import context
        from app.models import Base

        target_metadata = Base.metadata
        """

    static func files(_ extra: [String: String]) -> [String: String] {
        var files = [
            "alembic/env.py": envPy,
            "app/__init__.py": "",
            "app/db.py": database,
            "app/models.py": "from app.db import Base\nfrom app.users import User\n",
            "app/users.py": """
                from sqlalchemy.orm import Mapped, mapped_column
                from app.db import Base


                class User(Base):
                    __tablename__ = "users"
                    id: Mapped[int] = mapped_column(primary_key=True)
                """,
        ]
        for (path, text) in extra { files[path] = text }
        return files
    }

    @Test func modelInAModuleNobodyImportsIsReportedWithAnImportFix() throws {
        let fixture = try Fixture.project([:], extra: Self.files([
            "app/orders.py": """
                from sqlalchemy.orm import Mapped, mapped_column
                from .db import Base


                class 1️⃣Order(Base):
                    __tablename__ = "orders"
                    id: Mapped[int] = mapped_column(primary_key=True)
                """,
            "tests/test_models.py": """
                from app.db import Base


                class Scratch(Base):
                    __tablename__ = "scratch"
                """,
        ]))
        defer { fixture.remove() }
        let found = fixture.lint("ALM301")
        #expect(found.map(\.message) == [
            "`Order` (table `orders`) is mapped on `Base.metadata`, but env.py never imports `app.orders`: autogenerate does not see it",
        ])
        #expect(found.first?.location.path == fixture.path("app/orders.py"))
        #expect(found.first?.location.range.start == fixture.location("1️⃣")?.offset)
        let fix = try #require(found.first?.fix)
        #expect(fix.applicability == .unsafe)
        #expect(fix.edits.first?.path == fixture.path("app/models.py"))
        #expect(fix.edits.first?.edits.first?.newText == "from app.orders import Order\n")
        let models = "from app.db import Base\nfrom app.users import User\n"
        #expect(fix.edits.first?.edits.first?.range.start == models.utf8.count)
    }

    @Test func modelsReachedThroughReExportsAndStarImportsAreNotReported() throws {
        let fixture = try Fixture.project([:], extra: Self.files([
            "app/models.py": "from app.db import Base\nfrom app.users import *\nfrom app.shop import Order\n",
            "app/shop/__init__.py": "from .orders import Order\n",
            "app/shop/orders.py": """
                from sqlalchemy import Column, Integer
                from app.db import Base


                class Order(Base):
                    __tablename__ = "orders"
                    id = Column(Integer, primary_key=True)
                """,
        ]))
        defer { fixture.remove() }
        #expect(fixture.lint("ALM301").isEmpty)
        #expect(fixture.lint("ALM303").isEmpty)
    }

    @Test func prependSysPathAndSrcLayoutsResolve() throws {
        var files: [String: String] = [:]
        for (path, text) in Self.files([:]) { files[path.hasPrefix("app/") ? "src/" + path : path] = text }
        files["alembic.ini"] = "[alembic]\nscript_location = %(here)s/alembic\nprepend_sys_path = src\n"
        files["src/app/legacy.py"] = "from app.db import Base\nfrom sqlalchemy import Column, Integer\n\nclass Legacy(Base):\n    __tablename__ = 'legacy'\n    id = Column(Integer, primary_key=True)\n"
        let fixture = try Fixture(files)
        defer { fixture.remove() }
        let project = fixture.analyze()
        let models = try #require(project.environments.first?.models)
        #expect(models.target.identities.count == 1)
        #expect(models.chain.contains(fixture.path("src/app/users.py")))
        #expect(models.collectingModule?.name == "app.models")
        #expect(fixture.lint("ALM301").map(\.location.path) == [fixture.path("src/app/legacy.py")])
    }

    @Test func targetMetadataNoneIsReportedWhenTheProjectHasModels() throws {
        let fixture = try Fixture.project([:], extra: Self.files([
            "alembic/env.py": "from alembic import context\n\ntarget_metadata = 1️⃣None\n",
        ]))
        defer { fixture.remove() }
        let found = fixture.lint("ALM302")
        #expect(found.map(\.message) == [
            "env.py sets `target_metadata = None` while the project declares models on `Base.metadata`: autogenerate compares nothing",
        ])
        #expect(found.first?.location.range.start == fixture.location("1️⃣")?.offset)
    }

    @Test func missingTargetMetadataIsReportedAndConfigureArgumentCounts() throws {
        let missing = try Fixture.project([:], extra: Self.files(["alembic/env.py": "from alembic import context\n"]))
        defer { missing.remove() }
        #expect(missing.lint("ALM302").map(\.message) == [
            "env.py never sets `target_metadata` while the project declares models on `Base.metadata`: autogenerate compares nothing",
        ])
        let passed = try Fixture.project([:], extra: Self.files([
            "alembic/env.py": "from alembic import context\nfrom app.db import Base\n\ndef run():\n    context.configure(target_metadata=Base.metadata)\n",
        ]))
        defer { passed.remove() }
        #expect(passed.lint("ALM302").isEmpty)
        #expect(passed.lint("ALM301").isEmpty == false)
    }

    @Test func noModelsNoTargetMetadataFinding() throws {
        let fixture = try Fixture.project([:], extra: ["alembic/env.py": "from alembic import context\ntarget_metadata = None\n"])
        defer { fixture.remove() }
        #expect(fixture.lint("ALM302").isEmpty)
    }

    @Test func modelOnAnotherBaseIsReported() throws {
        let fixture = try Fixture.project([:], extra: Self.files([
            "app/models.py": "from app.db import Base\nfrom app.users import User\nfrom app.audit import AuditEntry\n",
            "app/audit.py": """
                from sqlalchemy import Column, Integer
                from sqlalchemy.orm import declarative_base

                Base = declarative_base()


                class 1️⃣AuditEntry(Base):
                    __tablename__ = "audit"
                    id = Column(Integer, primary_key=True)
                """,
            "app/tables.py": """
                from sqlalchemy import Column, Integer, MetaData, Table

                other = MetaData()
                events = Table(2️⃣"events", other, Column("id", Integer, primary_key=True))
                """,
        ]))
        defer { fixture.remove() }
        let found = fixture.lint("ALM303")
        #expect(found.map(\.message) == [
            "Table `audit` is declared on `Base.metadata` of app/audit.py, not on env.py's `Base.metadata` of app/db.py: autogenerate never sees it",
            "Table `events` is declared on `other` of app/tables.py, not on env.py's `Base.metadata` of app/db.py: autogenerate never sees it",
        ])
        #expect(found.map(\.location.range.start) == [fixture.location("1️⃣")?.offset, fixture.location("2️⃣")?.offset].compactMap { $0 })
        #expect(fixture.lint("ALM301").isEmpty)
    }

    @Test func createAllInScriptsAndCIIsReportedButNotInTests() throws {
        let fixture = try Fixture.project([:], extra: Self.files([
            "scripts/reset.py": "from app.db import Base\nfrom sqlalchemy import create_engine\n\nBase.metadata.1️⃣create_all(create_engine('sqlite://'))\nengine.dispose()\n",
            "scripts/other.py": "cache.create_all()\n",
            "tests/conftest.py": "from app.db import Base\nBase.metadata.create_all(None)\n",
            ".github/workflows/ci.yml": "jobs:\n  t:\n    steps:\n      # db.create_all() in a comment\n      - run: python -c 'import app; app.db.metadata.2️⃣drop_all(e)'\n",
            "Makefile": "db:\n\tpython -c 'from app import db; db.create_all()'\n",
        ]))
        defer { fixture.remove() }
        let found = fixture.lint("ALM305")
        #expect(found.map(\.location.path) == [fixture.path(".github/workflows/ci.yml"), fixture.path("Makefile"), fixture.path("scripts/reset.py")])
        #expect(found.first?.location.range.start == fixture.location("2️⃣")?.offset)
        #expect(found.last?.location.range.start == fixture.location("1️⃣")?.offset)
        #expect(found.last?.message == "`Base.metadata.create_all()` builds the schema from the models, bypassing Alembic: the migrations never run and `alembic_version` is never written")
    }

    @Test func projectsWithoutModelIndexingReportNothing() throws {
        let fixture = try Fixture.project([:], extra: Self.files(["scripts/reset.py": "from app.db import Base\nBase.metadata.create_all(e)\n"]))
        defer { fixture.remove() }
        let project = ProjectLoader.load(roots: [fixture.root], cwd: fixture.root, indexModels: false)
        var settings = LintSettings()
        settings.select = [RuleSelector("ALM3")]
        #expect(LintEngine.run(project, settings: settings, projectRoot: fixture.root).isEmpty)
    }
}
