"""add subscription tier

Revision ID: c8d2e4f5g6h7
Revises: merge_heads_2026
Create Date: 2026-01-08 13:21:56.004417

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = 'c8d2e4f5g6h7'
down_revision: Union[str, Sequence[str], None] = 'merge_heads_2026'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    """Upgrade schema."""
    op.add_column(
        'users',
        sa.Column(
            'subscription_tier',
            sa.Enum('free', 'creator', 'studio', name='subscriptiontier'),
            nullable=False,
            server_default='free',
        ),
    )
    op.add_column('users', sa.Column('stripe_customer_id', sa.String(length=255), nullable=True))
    op.create_index(op.f('ix_users_stripe_customer_id'), 'users', ['stripe_customer_id'], unique=False)


def downgrade() -> None:
    """Downgrade schema."""
    pass
