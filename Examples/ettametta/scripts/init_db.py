"""Reset the database from the models.

WARNING: this bypasses Alembic entirely — it drops every table and recreates the schema from
Base.metadata, so the migrations in alembic/versions are never exercised and the
alembic_version table is never written.
"""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from src.api.utils.database import engine  # noqa: E402
from src.api.utils.models import Base  # noqa: E402


def init_db() -> None:
    Base.metadata.drop_all(bind=engine)
    Base.metadata.create_all(bind=engine)


if __name__ == "__main__":
    init_db()
    print("Database initialised from models (drop_all + create_all).")
