"""create user table

Adds the profile and role columns the user table was missing.

Revision ID: 001_create_user_table
Revises: a4b1aaadd072
Create Date: 2025-02-03 14:27:10.118402

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = '001_create_user_table'
down_revision: Union[str, Sequence[str], None] = 'a4b1aaadd072'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    """Upgrade schema."""
    op.add_column('users', sa.Column('username', sa.String(length=100), nullable=True))
    op.add_column(
        'users',
        sa.Column(
            'role',
            sa.Enum('user', 'admin', name='userrole'),
            nullable=False,
            server_default='user',
        ),
    )
    op.create_index('ix_users_username', 'users', ['username'], unique=True)


def downgrade() -> None:
    """Downgrade schema."""
    pass
