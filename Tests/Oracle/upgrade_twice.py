"""Oracle for the introspection-guard fixes: runs the real Alembic on a SQLite project.

Usage: upgrade_twice.py PROJECT_DIR STAMP_REVISION

1. `alembic upgrade head` on a fresh SQLite database (the project's alembic.ini names it);
   the schema after it is reflected with SQLAlchemy's inspector;
2. `alembic stamp STAMP_REVISION` (back one revision: the database already has the changes);
3. `alembic upgrade head` again.

Prints JSON: {"first": {"ok": bool, "error": str|null, "schema": {...}},
              "second": {"ok": bool, "error": str|null, "schema": {...}}}
Only fixture projects written by the tests are run here, never a user's workspace.
"""
import json
import os
import sys

from alembic import command
from alembic.config import Config

from reflection import reflect


def attempt(action, url):
    try:
        action()
        return {"ok": True, "error": None, "schema": reflect(url, checks=True)}
    except Exception as exc:  # the point is to report any failure
        return {"ok": False, "error": f"{type(exc).__name__}: {exc}".splitlines()[0][:500], "schema": reflect(url, checks=True)}


def main():
    project, stamp = sys.argv[1], sys.argv[2]
    os.chdir(project)
    cfg = Config(os.path.join(project, "alembic.ini"))
    url = cfg.get_main_option("sqlalchemy.url")
    first = attempt(lambda: command.upgrade(cfg, "head"), url)
    second = {"ok": False, "error": "first upgrade failed", "schema": first["schema"]}
    if first["ok"]:
        command.stamp(cfg, stamp)
        second = attempt(lambda: command.upgrade(cfg, "head"), url)
    json.dump({"first": first, "second": second}, sys.stdout)


main()
