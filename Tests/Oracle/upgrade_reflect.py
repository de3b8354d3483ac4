"""Oracle for the schema timeline: runs the real Alembic on a SQLite copy of a project.

Usage: upgrade_reflect.py PROJECT_DIR TARGET [TARGET ...]

For each TARGET (a revision id, or `heads`), `alembic upgrade TARGET` runs on a fresh SQLite
database (the URL is set on the Config; the project's env.py must use it) and the schema is
reflected with SQLAlchemy's inspector.

Prints JSON: {TARGET: {"ok": bool, "error": str|null, "schema": {table: {...}}}}.
Only fixture projects written by the tests (or a temporary copy of the repository's example)
are run here, never a user's workspace.
"""
import json
import os
import sys
import tempfile

from alembic import command
from alembic.config import Config

from reflection import reflect


def main():
    project, targets = sys.argv[1], sys.argv[2:]
    os.chdir(project)
    out = {}
    with tempfile.TemporaryDirectory() as scratch:
        for i, target in enumerate(targets):
            url = "sqlite:///" + os.path.join(scratch, f"db{i}.sqlite")
            cfg = Config(os.path.join(project, "alembic.ini"))
            cfg.set_main_option("sqlalchemy.url", url)
            try:
                command.upgrade(cfg, target)
                out[target] = {"ok": True, "error": None, "schema": reflect(url)}
            except Exception as exc:  # the point is to report any failure
                message = f"{type(exc).__name__}: {exc}".splitlines()[0][:500]
                out[target] = {"ok": False, "error": message, "schema": reflect(url)}
    json.dump(out, sys.stdout)


main()
