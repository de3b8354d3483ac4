"""add user_id to monitored_niches

Revision ID: add_user_id_monitored_niches
Revises: a4b1aaadd072
Create Date: 2025-02-05 11:02:37.552871

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = 'add_user_id_monitored_niches'
down_revision: Union[str, Sequence[str], None] = 'a4b1aaadd072'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    """Upgrade schema."""
    with op.batch_alter_table('monitored_niches') as batch_op:
        batch_op.add_column(sa.Column('user_id', sa.Integer(), nullable=True))
        batch_op.create_foreign_key(
            'fk_monitored_niches_user_id_users', 'users', ['user_id'], ['id']
        )
        batch_op.create_index('ix_monitored_niches_user_id', ['user_id'], unique=False)


def downgrade() -> None:
    """Downgrade schema."""
    with op.batch_alter_table('monitored_niches') as batch_op:
        batch_op.drop_index('ix_monitored_niches_user_id')
        batch_op.drop_constraint('fk_monitored_niches_user_id_users', type_='foreignkey')
        batch_op.drop_column('user_id')
