"""Operation forms for the extractor oracle: every call Alembic 1.20 accepts, positional and
keyword, op.f(), module constants, batch contexts, implicit indexes and constraints."""
from alembic import op
import sqlalchemy as sa

TABLE = "users"
INDEX = "ix_users_code"


def upgrade():
    op.create_table(
        "users",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("email", sa.String(100), index=True, unique=True),
        sa.Column("handle", sa.String(10), unique=True),
        sa.Column("org_id", sa.Integer, sa.ForeignKey("orgs.id", name="fk_org")),
        sa.Column(sa.String(5), name="code"),
        sa.Index("ix_users_handle", "handle"),
        sa.UniqueConstraint("code", name="uq_code"),
        sa.ForeignKeyConstraint(["org_id"], ["orgs.id"], name="fk2"),
        sa.CheckConstraint("id > 0", name="ck_id"),
        schema="app",
    )
    op.create_table(table_name="plain", if_not_exists=True)
    op.drop_table("a")
    op.drop_table(table_name="b", schema="s", if_exists=True)
    op.rename_table("old", "new", schema="s")
    op.rename_table(old_table_name="o2", new_table_name="n2")
    op.add_column("users", sa.Column("locale", sa.String(8)))
    op.add_column(TABLE, sa.Column("org2", sa.Integer, sa.ForeignKey("orgs.id"), index=True), schema="app")
    op.add_column(table_name="users", column=sa.Column("u", sa.Integer, unique=True), if_not_exists=True)
    op.drop_column("users", "locale")
    op.drop_column(table_name="users", column_name="x", schema="app")
    op.alter_column("users", "name", new_column_name="full_name")
    op.alter_column(table_name="users", column_name="email", nullable=False, existing_type=sa.String())
    op.create_index("ix_a", "users", ["a"])
    op.create_index(index_name="ix_b", table_name="users", columns=["b"], unique=True)
    op.create_index(op.f("ix_users_d"), "users", ["d"], if_not_exists=True)
    op.create_index(INDEX, TABLE, ["code"], schema="app")
    op.drop_index("ix_a", "users")
    op.drop_index(op.f("ix_users_d"), table_name="users", if_exists=True)
    op.drop_index(index_name="ix_b")
    op.create_unique_constraint("uq_a", "users", ["a"])
    op.create_unique_constraint(constraint_name="uq_b", table_name="users", columns=["b"], schema="app")
    op.create_unique_constraint(None, "users", ["c"])
    op.create_foreign_key("fk_a", "orders", "users", ["user_id"], ["id"])
    op.create_foreign_key(
        constraint_name="fk_b", source_table="orders", referent_table="users", local_cols=["u"],
        remote_cols=["id"], source_schema="app", ondelete="CASCADE")
    op.create_check_constraint("ck_a", "users", "a > 0")
    op.create_check_constraint(constraint_name="ck_b", table_name="users", condition=sa.text("b > 0"))
    op.create_primary_key("pk_users", "users", ["id"])
    op.create_primary_key(constraint_name="pk_b", table_name="b", columns=["id"], schema="s")
    op.drop_constraint("fk_a", "orders", type_="foreignkey")
    op.drop_constraint("uq_a", "users", "unique")
    op.drop_constraint(constraint_name="ck_a", table_name="users", type_="check", if_exists=True)
    op.create_table_comment("users", "People")
    op.create_table_comment(table_name="users", comment="x", schema="app")
    op.drop_table_comment("users")
    op.bulk_insert(sa.table("accounts", sa.column("id", sa.Integer)), [{"id": 1}])
    accounts = sa.table("accounts2", sa.column("id", sa.Integer))
    op.bulk_insert(accounts, [{"id": 2}])
    op.execute("UPDATE users SET locale = 'en'")
    op.execute(sa.text("DELETE FROM x"))
    with op.batch_alter_table("items", schema="app") as batch_op:
        batch_op.add_column(sa.Column("locale", sa.String(), index=True))
        batch_op.alter_column("name", new_column_name="title")
        batch_op.drop_column("legacy")
        batch_op.create_index("ix_items_locale", ["locale"])
        batch_op.drop_index("ix_old")
        batch_op.create_unique_constraint("uq_items", ["title"])
        batch_op.create_foreign_key("fk_items", "orgs", ["org_id"], ["id"])
        batch_op.create_check_constraint("ck_items", "1 = 1")
        batch_op.create_primary_key("pk_items", ["id"])
        batch_op.drop_constraint("uq_old", type_="unique")
        batch_op.create_table_comment("Items")
        batch_op.drop_table_comment()
    with op.batch_alter_table(table_name="other") as b:
        b.drop_column(column_name="c")


def downgrade():
    pass
