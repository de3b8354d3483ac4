"""add output_path to video_jobs and credit transaction user index

Revision ID: e7b99c2d1f4a
Revises: 83a4ab83e579
Create Date: 2026-02-24 16:18:59.027731

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa
from sqlalchemy import inspect as sa_inspect


# revision identifiers, used by Alembic.
revision: str = 'e7b99c2d1f4a'
down_revision: Union[str, Sequence[str], None] = '83a4ab83e579'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    """Upgrade schema."""
    bind = op.get_bind()
    inspector = sa_inspect(bind)

    columns = [c['name'] for c in inspector.get_columns('video_jobs')]
    if 'output_path' not in columns:
        op.add_column('video_jobs', sa.Column('output_path', sa.Text(), nullable=True))

    indexes = [i['name'] for i in inspector.get_indexes('credit_transactions')]
    if 'ix_credit_transactions_user_id' not in indexes:
        op.create_index(
            'ix_credit_transactions_user_id', 'credit_transactions', ['user_id'], unique=False
        )

    if 'user_credits' in inspector.get_table_names():
        # Every user gets a credit row; users created before credits existed had none.
        op.execute(
            sa.text(
                "INSERT INTO user_credits (user_id, balance, lifetime_earned) "
                "SELECT u.id, 0, 0 FROM users u "
                "WHERE NOT EXISTS (SELECT 1 FROM user_credits c WHERE c.user_id = u.id)"
            )
        )


def downgrade() -> None:
    """Downgrade schema."""
    op.drop_index('ix_credit_transactions_user_id', table_name='credit_transactions')
