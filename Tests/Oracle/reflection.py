"""The schema of a database as SQLAlchemy's inspector reflects it, as plain JSON values.

Shared by the oracle scripts in this folder (they run as scripts, so this folder is on
sys.path). The alembic version table is left out.
"""
import sqlalchemy as sa


def reflect(url, checks=False):
    engine = sa.create_engine(url)
    try:
        insp = sa.inspect(engine)
        tables = {}
        for name in sorted(insp.get_table_names()):
            if name == "alembic_version":
                continue
            table = {
                "columns": [
                    {"name": c["name"], "type": str(c["type"]), "nullable": bool(c["nullable"])}
                    for c in insp.get_columns(name)
                ],
                "pk": sorted(insp.get_pk_constraint(name).get("constrained_columns") or []),
                "indexes": sorted(
                    [ix["name"], [c or "" for c in ix["column_names"]], bool(ix["unique"])] for ix in insp.get_indexes(name)
                ),
                "uniques": sorted([u["name"] or "", sorted(u["column_names"])] for u in insp.get_unique_constraints(name)),
                "fks": sorted(
                    [fk["name"] or "", fk["constrained_columns"], fk["referred_table"], fk["referred_columns"]]
                    for fk in insp.get_foreign_keys(name)
                ),
            }
            if checks:
                table["checks"] = sorted([ck["name"] or "", ck["sqltext"]] for ck in insp.get_check_constraints(name))
            tables[name] = table
        return tables
    finally:
        engine.dispose()
