"""Imports a fixture's model modules and prints what Base.metadata holds, as JSON.

Usage: models_oracle.py ROOT MODULE[,MODULE…] MODULE:ATTR.PATH
Only our own fixture files are imported.
"""
import importlib
import json
import sys

root, modules, target = sys.argv[1], sys.argv[2].split(","), sys.argv[3]
sys.path.insert(0, root)
for name in modules:
    importlib.import_module(name)
module_name, path = target.split(":")
value = importlib.import_module(module_name)
for part in path.split("."):
    value = getattr(value, part)


def name(obj):
    return None if obj.name is None else str(obj.name)


out = {}
for table in value.tables.values():
    pk = table.primary_key
    uniques = [c for c in table.constraints if type(c).__name__ == "UniqueConstraint"]
    out[table.fullname] = {
        "columns": [[c.name, bool(c.nullable)] for c in table.columns],
        "primaryKey": [name(pk), [c.name for c in pk.columns]] if len(pk.columns) else None,
        "indexes": sorted([[name(i) or "", [c.name for c in i.columns], bool(i.unique)] for i in table.indexes]),
        "uniques": sorted([[name(u) or "", [c.name for c in u.columns]] for u in uniques]),
        "foreignKeys": sorted(
            [
                [name(fk) or "", list(fk.column_keys), fk.elements[0].column.table.name, fk.elements[0].column.table.schema,
                 [e.column.name for e in fk.elements]]
                for fk in table.foreign_key_constraints
            ]
        ),
    }
print(json.dumps(out, sort_keys=True))
