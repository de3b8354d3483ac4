import AlembicModel
import Foundation
import Testing

/// The replayed schema against the real thing: `alembic upgrade` on a fresh SQLite database,
/// reflected with SQLAlchemy's inspector.
@Suite struct SchemaTimelineOracleTests {
    typealias S = SchemaTestSupport

    /// Two branches from a base, merged, then more changes: every kind of operation the
    /// replay follows, in and out of batch mode.
    static let branchy: [String: String] = [
        "r1.py": S.migration("r1", "None", upgrade: """
        op.create_table(
            'users',
            sa.Column('id', sa.Integer(), nullable=False),
            sa.Column('email', sa.String(length=120), nullable=False),
            sa.Column('name', sa.String(length=50), nullable=True),
            sa.Column('created_at', sa.DateTime(), server_default=sa.text('CURRENT_TIMESTAMP'), nullable=True),
            sa.Column('active', sa.Boolean(), nullable=False, server_default=sa.text('1')),
            sa.PrimaryKeyConstraint('id'),
            sa.UniqueConstraint('email', name='uq_users_email'),
        )
        op.create_index(op.f('ix_users_name'), 'users', ['name'], unique=False)
        """),
        "r2.py": S.migration("r2", "'r1'", upgrade: """
        op.create_table(
            'posts',
            sa.Column('id', sa.Integer(), primary_key=True),
            sa.Column('user_id', sa.Integer(), sa.ForeignKey('users.id'), nullable=False),
            sa.Column('title', sa.String(200), nullable=False, index=True),
            sa.Column('slug', sa.String(80), unique=True),
            sa.Column('body', sa.Text()),
            sa.Column('score', sa.Numeric(10, 2)),
            sa.Index('ix_posts_user_title', 'user_id', 'title'),
        )
        """),
        "r3.py": S.migration("r3", "'r1'", upgrade: """
        op.add_column('users', sa.Column('bio', sa.Text(), nullable=True))
        op.create_table(
            'tags',
            sa.Column('id', sa.Integer(), nullable=False),
            sa.Column('label', sa.String(30), nullable=False),
            sa.PrimaryKeyConstraint('id'),
            sa.UniqueConstraint('label'),
        )
        """),
        "r4.py": S.migration("r4", "('r2', 'r3')", upgrade: """
        with op.batch_alter_table('users') as batch_op:
            batch_op.alter_column('name', new_column_name='display_name', existing_type=sa.String(50), nullable=False)
            batch_op.drop_column('created_at')
        op.execute("UPDATE users SET bio = ''")
        """),
        "r5.py": S.migration("r5", "'r4'", upgrade: """
        op.create_table(
            'post_tags',
            sa.Column('post_id', sa.Integer(), nullable=False),
            sa.Column('tag_id', sa.Integer(), nullable=False),
            sa.ForeignKeyConstraint(['post_id'], ['posts.id'], name='fk_post_tags_post'),
            sa.ForeignKeyConstraint(['tag_id'], ['tags.id']),
            sa.PrimaryKeyConstraint('post_id', 'tag_id'),
        )
        with op.batch_alter_table('posts', schema=None) as batch_op:
            batch_op.add_column(sa.Column('editor_id', sa.Integer(), nullable=True))
            batch_op.create_foreign_key('fk_posts_editor', 'users', ['editor_id'], ['id'])
            batch_op.create_unique_constraint('uq_posts_title', ['title'])
            batch_op.drop_index('ix_posts_user_title')
        """),
        "r6.py": S.migration("r6", "'r5'", upgrade: """
        op.add_column('tags', sa.Column('weight', sa.Numeric(10, 2), nullable=True))
        op.create_index('ix_tags_weight', 'tags', ['weight'], unique=True)
        op.rename_table('tags', 'labels')
        op.drop_column('users', 'bio')
        """),
    ]

    @Test func branchyProjectMatchesAlembicAtEveryRevision() throws {
        let root = try S.project(Self.branchy)
        defer { try? FileManager.default.removeItem(atPath: root) }
        let (timeline, _, _) = S.timeline(root)
        let targets = ["r1", "r2", "r3", "r4", "r5", "heads"]
        let reflected = try S.upgradeAndReflect(root, targets: targets)
        for target in targets {
            let oracle = try #require(reflected[target], "no oracle answer for \(target)")
            #expect(oracle.error == nil, "alembic upgrade \(target) failed: \(oracle.error ?? "")")
            let ours = try #require(target == "heads" ? timeline.schema(atHead: nil) : timeline.schema(after: target))
            let replayed = S.normalize(ours)
            #expect(replayed == oracle.schema, "at \(target): only ours \(replayed.filter { !oracle.schema.contains($0) }); only alembic's \(oracle.schema.filter { !replayed.contains($0) })")
            #expect(!ours.hasUncertainty, "at \(target)")
        }
        #expect(timeline.problems.isEmpty, "\(timeline.problems)")
    }

    /// The repository's example project, copied to a temporary directory with an env.py that
    /// runs on SQLite (its own reads the application's settings).
    @Test func exampleProjectMatchesAlembicAtHead() throws {
        let example = S.repositoryRoot + "/Examples/ettametta"
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("alembic-ls-ettametta-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: root) }
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: example + "/alembic", toPath: root + "/alembic")
        try FileManager.default.copyItem(atPath: example + "/alembic.ini", toPath: root + "/alembic.ini")
        try FileManager.default.removeItem(atPath: root + "/alembic/env.py")
        try S.envPy.write(toFile: root + "/alembic/env.py", atomically: true, encoding: .utf8)
        let (timeline, _, _) = S.timeline(root)
        let reflected = try S.upgradeAndReflect(root, targets: ["heads"])
        let oracle = try #require(reflected["heads"])
        #expect(oracle.error == nil, "alembic upgrade heads failed: \(oracle.error ?? "")")
        let ours = try #require(timeline.schema(atHead: nil))
        let replayed = S.normalize(ours)
        #expect(replayed.count > 40)
        #expect(replayed == oracle.schema, "only ours \(replayed.filter { !oracle.schema.contains($0) }); only alembic's \(oracle.schema.filter { !replayed.contains($0) })")
    }
}
