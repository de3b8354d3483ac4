"""Runs a test fixture migration's upgrade() against Alembic's real `op` API in offline
(as_sql) mode on the PostgreSQL dialect and prints, as one JSON list, what Alembic sees for
each operation it invokes: kind, table, schema, column, object name, new name, referent table
and the implicit indexes/constraints.

Usage: python operations_oracle.py FIXTURE.py   (our own fixture, never a user's file)
"""

import importlib.util
import io
import json
import sys

from alembic.migration import MigrationContext
from alembic.operations import Operations, ops
from alembic.operations.base import AbstractOperations
import sqlalchemy as sa

recorded = []


def name(value):
    return None if value is None else str(value)


def implicit_of_table(items):
    """The indexes and constraints among create_table's positional items (before Alembic
    builds its Table, which may be done only once per item)."""
    out = []
    for item in items:
        if isinstance(item, sa.Column):
            out += implicit_of_column(item)
        elif isinstance(item, sa.Index):
            out.append("uniqueIndex" if item.unique else "index")
        elif isinstance(item, sa.UniqueConstraint):
            out.append("uniqueConstraint")
        elif isinstance(item, sa.ForeignKeyConstraint):
            out.append("foreignKey")
        elif isinstance(item, sa.CheckConstraint):
            out.append("checkConstraint")
    return sorted(out)


def implicit_of_column(column):
    out = []
    if column.index:
        out.append("uniqueIndex" if column.unique else "index")
    elif column.unique:
        out.append("uniqueConstraint")
    out += ["foreignKey"] * len(column.foreign_keys)
    return sorted(out)


def describe(op):
    r = {"kind": None, "table": None, "schema": name(getattr(op, "schema", None)), "column": None,
         "name": None, "new_name": None, "referent": None, "implicit": []}
    if isinstance(op, ops.CreateTableOp):
        r.update(kind="create_table", table=op.table_name, implicit=implicit_of_table(op.columns))
    elif isinstance(op, ops.DropTableOp):
        r.update(kind="drop_table", table=op.table_name)
    elif isinstance(op, ops.RenameTableOp):
        r.update(kind="rename_table", table=op.table_name, new_name=op.new_table_name)
    elif isinstance(op, ops.AddColumnOp):
        r.update(kind="add_column", table=op.table_name, column=op.column.name, implicit=implicit_of_column(op.column))
    elif isinstance(op, ops.DropColumnOp):
        r.update(kind="drop_column", table=op.table_name, column=op.column_name)
    elif isinstance(op, ops.AlterColumnOp):
        r.update(kind="alter_column", table=op.table_name, column=op.column_name, new_name=op.modify_name)
    elif isinstance(op, ops.CreateIndexOp):
        r.update(kind="create_index", table=op.table_name, name=name(op.index_name))
    elif isinstance(op, ops.DropIndexOp):
        r.update(kind="drop_index", table=op.table_name, name=name(op.index_name))
    elif isinstance(op, ops.CreateUniqueConstraintOp):
        r.update(kind="create_unique_constraint", table=op.table_name, name=name(op.constraint_name))
    elif isinstance(op, ops.CreateForeignKeyOp):
        r.update(kind="create_foreign_key", table=op.source_table, name=name(op.constraint_name),
                 referent=op.referent_table, schema=name(op.kw.get("source_schema")))
    elif isinstance(op, ops.CreateCheckConstraintOp):
        r.update(kind="create_check_constraint", table=op.table_name, name=name(op.constraint_name))
    elif isinstance(op, ops.CreatePrimaryKeyOp):
        r.update(kind="create_primary_key", table=op.table_name, name=name(op.constraint_name))
    elif isinstance(op, ops.DropConstraintOp):
        r.update(kind="drop_constraint", table=op.table_name, name=name(op.constraint_name))
    elif isinstance(op, ops.CreateTableCommentOp):
        r.update(kind="create_table_comment", table=op.table_name)
    elif isinstance(op, ops.DropTableCommentOp):
        r.update(kind="drop_table_comment", table=op.table_name)
    elif isinstance(op, ops.BulkInsertOp):
        r.update(kind="bulk_insert", table=op.table.name)
    elif isinstance(op, ops.ExecuteSQLOp):
        r.update(kind="execute")
    else:
        r.update(kind=type(op).__name__)
    return r


original_invoke = AbstractOperations.invoke


def recording_invoke(self, operation):
    recorded.append(describe(operation))
    return original_invoke(self, operation)


AbstractOperations.invoke = recording_invoke


def main(path):
    spec = importlib.util.spec_from_file_location("fixture_migration", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    context = MigrationContext.configure(
        dialect_name="postgresql", opts={"as_sql": True, "output_buffer": io.StringIO()})
    with Operations.context(context):
        module.upgrade()
    json.dump(recorded, sys.stdout)


if __name__ == "__main__":
    main(sys.argv[1])
