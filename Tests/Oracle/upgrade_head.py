"""Oracle for operation rules: runs the real Alembic's `alembic upgrade head` on a fixture
project whose alembic.ini names a fresh SQLite database.

Usage: upgrade_head.py PROJECT_DIR

Prints JSON: {"ok": bool, "error": str|null}. Only fixture projects written by the tests are
run here, never a user's workspace.
"""
import json
import os
import sys

from alembic import command
from alembic.config import Config


def main():
    project = sys.argv[1]
    os.chdir(project)
    cfg = Config(os.path.join(project, "alembic.ini"))
    try:
        command.upgrade(cfg, "head")
        result = {"ok": True, "error": None}
    except Exception as exc:  # the point is to report any failure
        result = {"ok": False, "error": f"{type(exc).__name__}: {exc}".splitlines()[0][:500]}
    json.dump(result, sys.stdout)


main()
