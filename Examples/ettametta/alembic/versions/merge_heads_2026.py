"""merge heads

Revision ID: merge_heads_2026
Revises: 001_create_user_table, add_user_id_monitored_niches, b2c3d4e5f6g7
Create Date: 2026-01-06 10:00:00.000000

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = 'merge_heads_2026'
down_revision: Union[str, Sequence[str], None] = (
    '001_create_user_table',
    'add_user_id_monitored_niches',
    'b2c3d4e5f6g7',
)
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    """Upgrade schema."""
    pass


def downgrade() -> None:
    """Downgrade schema."""
    pass
