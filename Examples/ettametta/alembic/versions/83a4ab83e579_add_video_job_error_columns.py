"""add error_message and finished_at to video_jobs

Some environments already got these columns by hand, so the migration checks first.

Revision ID: 83a4ab83e579
Revises: d410fb0d40a9
Create Date: 2026-02-16 11:40:26.513880

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa
from sqlalchemy import inspect as sa_inspect


# revision identifiers, used by Alembic.
revision: str = '83a4ab83e579'
down_revision: Union[str, Sequence[str], None] = 'd410fb0d40a9'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    """Upgrade schema."""
    bind = op.get_bind()
    inspector = sa_inspect(bind)
    columns = [c['name'] for c in inspector.get_columns('video_jobs')]

    if 'error_message' not in columns:
        op.add_column('video_jobs', sa.Column('error_message', sa.Text(), nullable=True))
    if 'finished_at' not in columns:
        op.add_column('video_jobs', sa.Column('finished_at', sa.DateTime(timezone=True), nullable=True))


def downgrade() -> None:
    """Downgrade schema."""
    pass
