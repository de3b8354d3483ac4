"""add credits_charged to video_jobs

Revision ID: d410fb0d40a9
Revises: g1b2c3d4e5f7
Create Date: 2026-02-09 14:57:33.840275

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = 'd410fb0d40a9'
down_revision: Union[str, Sequence[str], None] = 'g1b2c3d4e5f7'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    """Upgrade schema."""
    op.add_column(
        'video_jobs',
        sa.Column('credits_charged', sa.Integer(), nullable=False, server_default='0'),
    )
    op.create_index(op.f('ix_video_jobs_status'), 'video_jobs', ['status'], unique=False)


def downgrade() -> None:
    """Downgrade schema."""
    op.drop_index(op.f('ix_video_jobs_status'), table_name='video_jobs')
    op.drop_column('video_jobs', 'credits_charged')
