"""Oracle for MigrationFactsTests: import each of the test's own generated migration files
(never a user's) and print what alembic's Script reads from it, normalised as alembic does."""
import importlib.util
import json
import sys

from alembic.script.revision import tuple_rev_as_scalar
from alembic.util import to_tuple


def norm(value):
    value = tuple_rev_as_scalar(to_tuple(value))
    return list(value) if isinstance(value, tuple) else value


out = []
for path in json.load(sys.stdin):
    spec = importlib.util.spec_from_file_location("m", path)
    module = importlib.util.module_from_spec(spec)
    try:
        spec.loader.exec_module(module)
    except Exception as e:
        out.append({"error": type(e).__name__})
        continue
    out.append({
        "revision": getattr(module, "revision", "<absent>"),
        "down_revision": norm(module.down_revision) if hasattr(module, "down_revision") else "<absent>",
        "branch_labels": list(to_tuple(getattr(module, "branch_labels", None), default=())),
        "depends_on": norm(getattr(module, "depends_on", None)),
        "doc": (module.__doc__ or "").strip().split("\n\n")[0],
    })
json.dump(out, sys.stdout)
