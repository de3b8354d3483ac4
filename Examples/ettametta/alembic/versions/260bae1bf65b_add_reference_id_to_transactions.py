"""add reference_id to credit_transactions

Revision ID: 260bae1bf65b
Revises: efb25ef5b164
Create Date: 2026-01-27 10:05:19.338617

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = '260bae1bf65b'
down_revision: Union[str, Sequence[str], None] = 'efb25ef5b164'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    """Upgrade schema."""
    op.add_column('credit_transactions', sa.Column('reference_id', sa.String(length=64), nullable=True))
    op.create_index(
        op.f('ix_credit_transactions_reference_id'), 'credit_transactions', ['reference_id'], unique=False
    )


def downgrade() -> None:
    """Downgrade schema."""
    op.drop_index(op.f('ix_credit_transactions_reference_id'), table_name='credit_transactions')
    op.drop_column('credit_transactions', 'reference_id')
