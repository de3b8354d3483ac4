import Lint
import TestSupport
import Testing

@Suite struct DowngradeNotInverseTests {
    @Test func objectsNotUndoneAreReported() throws {
        let fixture = try Fixture.project([
            "a.py": migration("a", upgrade: """
                1️⃣op.create_table('Tags', sa.Column('id', sa.Integer))
                op.add_column('posts', sa.Column('tag_id', sa.Integer))
                op.create_index('ix_posts_slug', 'posts', ['slug'])
                op.create_foreign_key('fk_posts_author', 'posts', 'users', ['author_id'], ['id'])
                op.drop_column('users', 'legacy')
                op.drop_index('ix_users_old', table_name='users')
                op.drop_table('archive')
                """, downgrade: """
                op.drop_column('posts', 'tag_id')
                """),
        ])
        defer { fixture.remove() }
        let found = fixture.lint("ALM204")
        #expect(found.map(\.message) == [
            "`create_table` creates table Tags, but `downgrade()` does not drop it",
            "`create_index` creates index ix_posts_slug on posts, but `downgrade()` does not drop it",
            "`create_foreign_key` creates constraint fk_posts_author on posts, but `downgrade()` does not drop it",
            "`drop_column` drops column users.legacy, but `downgrade()` does not create it again",
            "`drop_index` drops index ix_users_old on users, but `downgrade()` does not create it again",
            "`drop_table` drops table archive, but `downgrade()` does not create it again",
        ])
        #expect(found.first?.location.range.start == fixture.location("1️⃣")?.offset)
        #expect(found.allSatisfy { $0.severity == .warning && $0.related.count == 1 })
    }

    @Test func inverseDowngradesAreClean() throws {
        let fixture = try Fixture.project([
            "a.py": migration("a", upgrade: """
                op.create_table('tags', sa.Column('id', sa.Integer), sa.Column('name', sa.String(), index=True))
                op.create_index('ix_tags_name2', 'tags', ['name'])
                op.add_column('posts', sa.Column('tag_id', sa.Integer))
                op.create_index(op.f('ix_posts_slug'), 'posts', ['slug'])
                op.create_unique_constraint('uq_posts_code', 'posts', ['code'])
                op.create_table('tmp', sa.Column('id', sa.Integer))
                op.drop_table('tmp')
                op.drop_column('users', 'legacy')
                op.drop_constraint('fk_old', 'orders', type_='foreignkey')
                op.drop_index('ix_orders_x', 'orders')
                op.drop_table('archive')
                with op.batch_alter_table('accounts') as batch_op:
                    batch_op.add_column(sa.Column('flag', sa.Boolean()))
                op.rename_table('people', 'persons')
                op.add_column('persons', sa.Column('x', sa.Integer))
                """, downgrade: """
                op.create_table('archive', sa.Column('id', sa.Integer))
                op.create_foreign_key('fk_old', 'orders', 'users', ['user_id'], ['id'])
                op.add_column('orders', sa.Column('x', sa.Integer, index=True))
                op.add_column('users', sa.Column('legacy', sa.String()))
                op.drop_column('posts', 'code')
                op.drop_index(op.f('ix_posts_slug'), table_name='posts')
                op.drop_column('posts', 'tag_id')
                op.drop_table('TAGS')
                with op.batch_alter_table('accounts') as batch_op:
                    batch_op.drop_column('flag')
                op.rename_table('persons', 'people')
                """),
        ])
        defer { fixture.remove() }
        #expect(fixture.lint("ALM204").isEmpty)
    }

    @Test func opaqueOrEmptyDowngradesAreNotJudged() throws {
        let fixture = try Fixture.project([
            "a.py": migration("a", upgrade: "op.create_table('t', sa.Column('id', sa.Integer))",
                              downgrade: "op.execute('DROP TABLE t')\nop.drop_index('ix', 'x')"),
            "b.py": migration("b", upgrade: "op.create_table('t', sa.Column('id', sa.Integer))",
                              downgrade: "op.drop_table(table_name)"),
            "c.py": migration("c", upgrade: "op.create_table('t', sa.Column('id', sa.Integer))", downgrade: "pass"),
            "d.py": migration("d", upgrade: "op.create_table(name, sa.Column('id', sa.Integer))\nop.add_column('u', sa.Column(col, sa.Integer))",
                              downgrade: "op.drop_index('ix', 'x')"),
        ])
        defer { fixture.remove() }
        #expect(fixture.lint("ALM204").isEmpty)
    }
}
