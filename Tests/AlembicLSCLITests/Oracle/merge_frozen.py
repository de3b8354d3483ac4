"""Runs the `alembic` command line with `datetime.now()` frozen inside alembic.script.base.

Usage: merge_frozen.py EPOCH_MICROSECONDS ALEMBIC_ARGS...

Only `ScriptDirectory._generate_create_date` reads the clock; its own logic (timezone lookup,
upper-case retry, astimezone) still runs. Local time follows the TZ environment variable.
"""
import datetime
import sys
import types

import alembic.script.base as base
from alembic.config import main

micros = int(sys.argv[1])
fixed = datetime.datetime(1970, 1, 1, tzinfo=datetime.timezone.utc) + datetime.timedelta(microseconds=micros)


class Frozen(datetime.datetime):
    @classmethod
    def now(cls, tz=None):
        if tz is None:
            return fixed.astimezone().replace(tzinfo=None)
        return fixed.astimezone(tz)


base.datetime = types.SimpleNamespace(datetime=Frozen, timezone=datetime.timezone)
main(argv=sys.argv[2:], prog="alembic")
