import AlembicModel
import PythonSyntax
import Testing
import TextCore

/// The operations of a migration whose `upgrade()` body is `body` (indented by the helper).
func upgradeOperations(_ body: String, prelude: String = "", function: String = "upgrade") -> [MigrationOperation] {
    let indented = body.split(separator: "\n", omittingEmptySubsequences: false).map { $0.isEmpty ? "" : "    " + $0 }
        .joined(separator: "\n")
    let source = "from alembic import op\nimport sqlalchemy as sa\n\(prelude)\ndef \(function)():\n\(indented)\n"
    return OperationExtractor.extract(parseModule(Array(source.utf8)))
}

/// The text of `name` in `source`.
func text(_ source: String, _ range: ByteRange) -> String {
    let bytes = Array(source.utf8)
    return String(decoding: bytes[range.start ..< range.end], as: UTF8.self)
}

@Suite struct OperationExtractorTests {
    @Test func createTablePositionalWithColumnsAndImplicitObjects() throws {
        let ops = upgradeOperations("""
        op.create_table(
            'users',
            sa.Column('id', sa.Integer, primary_key=True),
            sa.Column('email', sa.String(100), index=True, unique=True),
            sa.Column('handle', sa.String(10), unique=True),
            sa.Column('org_id', sa.Integer, sa.ForeignKey('orgs.id', name='fk_org')),
            sa.Column(sa.String(5), name='code'),
            sa.Index('ix_users_handle', 'handle'),
            sa.UniqueConstraint('code', name='uq_code'),
            sa.ForeignKeyConstraint(['org_id'], ['orgs.id'], name='fk2'),
            sa.PrimaryKeyConstraint('id', name='pk_users'),
            schema='app',
        )
        """)
        let op = try #require(ops.first)
        #expect(ops.count == 1)
        #expect(op.kind == .createTable)
        #expect(op.function == "upgrade")
        #expect(op.table?.value == "users")
        #expect(op.schema?.value == "app")
        #expect(op.columns.compactMap(\.value) == ["id", "email", "handle", "org_id", "code"])
        let implicit = op.implicitObjects.map { "\($0.kind):\($0.name?.value ?? "-"):\($0.columns.joined(separator: ",")):\($0.referent ?? "-")" }
        #expect(implicit == [
            "uniqueIndex:-:email:-", "uniqueConstraint:-:handle:-", "foreignKey:fk_org:org_id:orgs.id",
            "index:ix_users_handle:handle:-", "uniqueConstraint:uq_code:code:-", "foreignKey:fk2:org_id:orgs",
            "primaryKey:pk_users:id:-",
        ])
    }

    @Test func createTableKeywordAndNativeFlag() throws {
        let source = "op.create_table(table_name='t', if_not_exists=True)"
        let op = try #require(upgradeOperations(source).first)
        #expect(op.table?.value == "t")
        #expect(op.nativeFlag?.name == .ifNotExists)
        #expect(op.nativeFlag?.value == true)
    }

    @Test func rangesPointAtTheCallTheCalleeAndTheNames() throws {
        let body = "op.add_column('users', sa.Column('locale', sa.String()))"
        let source = "from alembic import op\nimport sqlalchemy as sa\n\ndef upgrade():\n    \(body)\n"
        let op = try #require(OperationExtractor.extract(parseModule(Array(source.utf8))).first)
        #expect(text(source, op.statementRange) == body)
        #expect(text(source, op.callRange) == body)
        #expect(text(source, op.calleeRange) == "op.add_column")
        #expect(text(source, try #require(op.table).range) == "'users'")
        #expect(text(source, try #require(op.column).range) == "'locale'")
    }

    @Test func addColumnWithImplicitIndexAndForeignKey() throws {
        let op = try #require(upgradeOperations(
            "op.add_column('users', sa.Column('org_id', sa.Integer, sa.ForeignKey('orgs.id'), index=True), schema='s')").first)
        #expect(op.kind == .addColumn)
        #expect(op.table?.value == "users")
        #expect(op.column?.value == "org_id")
        #expect(op.schema?.value == "s")
        #expect(op.implicitObjects.map(\.kind) == [.foreignKey, .index])
    }

    @Test func dropAndRenameForms() {
        let ops = upgradeOperations("""
        op.drop_table('a', 'sch')
        op.drop_table(table_name='b', if_exists=True)
        op.rename_table('old', 'new', schema='s')
        op.drop_column('users', 'locale')
        op.drop_column(table_name='users', column_name='x', if_exists=True)
        op.alter_column('users', 'name', new_column_name='full_name')
        op.alter_column('users', 'name', name='legacy_new')
        op.alter_column('users', 'name', nullable=False)
        """)
        #expect(ops.map(\.kind) == [.dropTable, .dropTable, .renameTable, .dropColumn, .dropColumn, .alterColumn, .alterColumn, .alterColumn])
        #expect(ops[0].schema?.value == "sch")
        #expect(ops[1].table?.value == "b")
        #expect(ops[1].nativeFlag?.name == .ifExists)
        #expect(ops[2].table?.value == "old" && ops[2].newName?.value == "new")
        #expect(ops[3].column?.value == "locale")
        #expect(ops[4].column?.value == "x")
        #expect(ops[5].newName?.value == "full_name")
        #expect(ops[6].newName?.value == "legacy_new")
        #expect(ops[7].newName == nil)
    }

    @Test func indexFormsPositionalKeywordLegacyAndOpF() {
        let ops = upgradeOperations("""
        op.create_index('ix_a', 'users', ['a'])
        op.create_index(index_name='ix_b', table_name='users', columns=['b'], unique=True)
        op.create_index(name='ix_c', table_name='users', columns=['c'])
        op.create_index(op.f('ix_users_d'), 'users', ['d'], if_not_exists=True)
        op.drop_index('ix_a', 'users')
        op.drop_index('ix_b', tablename='users')
        op.drop_index(op.f('ix_users_d'), table_name='users', if_exists=True)
        op.drop_index(name='ix_c')
        """)
        #expect(ops.map { $0.objectName?.value ?? "-" } == ["ix_a", "ix_b", "ix_c", "ix_users_d", "ix_a", "ix_b", "ix_users_d", "ix_c"])
        #expect(ops.map { $0.table?.value ?? "-" } == ["users", "users", "users", "users", "users", "users", "users", "-"])
        #expect(ops[1].isUnique && !ops[0].isUnique)
        #expect(ops[0].columns.compactMap(\.value) == ["a"])
        #expect(ops[3].objectName?.isConventionExempt == true)
        #expect(ops[3].nativeFlag?.name == .ifNotExists)
    }

    @Test func constraintFormsIncludingLegacyKeywords() {
        let ops = upgradeOperations("""
        op.create_unique_constraint('uq_a', 'users', ['a'])
        op.create_unique_constraint(name='uq_b', source='users', local_cols=['b'])
        op.create_foreign_key('fk_a', 'orders', 'users', ['user_id'], ['id'])
        op.create_foreign_key(name='fk_b', source='orders', referent='users', local_cols=['u'], remote_cols=['id'])
        op.create_foreign_key(None, source_table='orders', referent_table='users', local_cols=['x'], remote_cols=['id'])
        op.create_check_constraint('ck_a', 'users', 'a > 0')
        op.create_check_constraint(name='ck_b', source='users', condition='b > 0')
        op.create_primary_key('pk_users', 'users', ['id'])
        op.create_primary_key(name='pk_b', table_name='b', cols=['id'])
        op.drop_constraint('fk_a', 'orders', type_='foreignkey')
        op.drop_constraint('uq_a', 'users', 'unique')
        op.drop_constraint(name='ck_a', table_name='users', type='check', if_exists=True)
        op.create_exclude_constraint('ex_a', 'rooms', ('period', '&&'))
        """)
        #expect(ops.map(\.kind) == [
            .createUniqueConstraint, .createUniqueConstraint, .createForeignKey, .createForeignKey, .createForeignKey,
            .createCheckConstraint, .createCheckConstraint, .createPrimaryKey, .createPrimaryKey, .dropConstraint,
            .dropConstraint, .dropConstraint, .createExcludeConstraint,
        ])
        #expect(ops.map { $0.table?.value ?? "-" } == [
            "users", "users", "orders", "orders", "orders", "users", "users", "users", "b", "orders", "users", "users", "rooms",
        ])
        #expect(ops.map { $0.objectName?.value ?? "-" } == [
            "uq_a", "uq_b", "fk_a", "fk_b", "-", "ck_a", "ck_b", "pk_users", "pk_b", "fk_a", "uq_a", "ck_a", "ex_a",
        ])
        #expect(ops[1].columns.compactMap(\.value) == ["b"])
        #expect(ops[3].referentTable?.value == "users")
        #expect(ops[8].columns.compactMap(\.value) == ["id"])
        #expect(ops.map { $0.constraintType ?? "-" }[9 ... 11] == ["foreignkey", "unique", "check"])
        #expect(ops[11].nativeFlag?.name == .ifExists)
    }

    @Test func commentsBulkInsertAndOpaqueExecute() {
        let ops = upgradeOperations("""
        op.create_table_comment('users', 'People')
        op.drop_table_comment('users')
        accounts = sa.table('accounts', sa.column('id', sa.Integer))
        op.bulk_insert(accounts, [{'id': 1}])
        op.execute("UPDATE users SET locale = 'en'")
        op.execute(sa.text('DELETE FROM x'))
        op.execute(build_sql())
        op.get_bind().execute('SELECT 1')
        op.some_custom_operation('t')
        """)
        #expect(ops.map(\.kind) == [.createTableComment, .dropTableComment, .bulkInsert, .execute, .execute, .execute, .other("some_custom_operation")])
        #expect(ops[0].table?.value == "users")
        #expect(ops[2].table?.value == "accounts")
        #expect(ops[3].sql == "UPDATE users SET locale = 'en'")
        #expect(ops[4].sql == "DELETE FROM x")
        #expect(ops[5].sql == nil)
    }

    @Test func bulkInsertIntoTheTableCreatedAbove() {
        let ops = upgradeOperations("""
        t = op.create_table('accounts', sa.Column('id', sa.Integer))
        op.bulk_insert(t, [])
        op.bulk_insert(op.create_table('b', sa.Column('id', sa.Integer)), [])
        """)
        #expect(ops.map(\.kind) == [.createTable, .bulkInsert, .bulkInsert, .createTable])
        #expect(ops.map { $0.table?.value ?? "-" } == ["accounts", "accounts", "b", "b"])
    }

    @Test func batchAlterTableGivesItsTableToBatchOperations() throws {
        let body = """
        with op.batch_alter_table('users', schema='app') as batch_op:
            batch_op.add_column(sa.Column('locale', sa.String(), nullable=True))
            batch_op.alter_column('name', new_column_name='full_name')
            batch_op.create_index('ix_users_locale', ['locale'])
            batch_op.create_foreign_key('fk_org', 'orgs', ['org_id'], ['id'])
            batch_op.drop_constraint('uq_x', type_='unique')
            batch_op.drop_column('legacy')
        op.drop_column('other', 'c')
        """
        let ops = upgradeOperations(body)
        #expect(ops.map(\.kind) == [.batchAlterTable, .addColumn, .alterColumn, .createIndex, .createForeignKey, .dropConstraint, .dropColumn, .dropColumn])
        #expect(ops.map { $0.table?.value ?? "-" } == ["users", "users", "users", "users", "users", "users", "users", "other"])
        #expect(ops.dropFirst().dropLast().allSatisfy { $0.schema?.value == "app" && $0.batch?.variable == "batch_op" })
        #expect(ops.last?.batch == nil)
        #expect(ops[1].column?.value == "locale")
        #expect(ops[2].column?.value == "name" && ops[2].newName?.value == "full_name")
        #expect(ops[3].objectName?.value == "ix_users_locale" && ops[3].columns.compactMap(\.value) == ["locale"])
        #expect(ops[4].referentTable?.value == "orgs")
        #expect(ops[5].constraintType == "unique")
        #expect(ops[6].column?.value == "legacy")
        let batch = try #require(ops[0].batch)
        #expect(batch.statementRange == ops[0].statementRange)
        #expect(ops[1].batch?.statementRange == batch.statementRange)
    }

    @Test func namesThroughModuleConstantsAndLocalVariables() {
        let ops = upgradeOperations("""
        column = 'locale'
        op.add_column(TABLE, sa.Column(column, sa.String()))
        op.drop_column(name_from_elsewhere(), 'x')
        """, prelude: "TABLE = 'users'\n")
        #expect(ops[0].table?.value == "users")
        #expect(ops[0].column?.value == "locale")
        #expect(ops[1].table != nil && ops[1].table?.value == nil)
    }

    @Test func multiDatabaseFunctions() {
        let source = """
        from alembic import op
        def upgrade(engine_name):
            globals()[f"upgrade_{engine_name}"]()
        def upgrade_engine1():
            op.create_table('a')
        def downgrade_engine1():
            op.drop_table('a')
        def helper():
            op.create_table('not_an_operation_of_the_migration')
        """
        let ops = OperationExtractor.extract(parseModule(Array(source.utf8)))
        #expect(ops.map(\.function) == ["upgrade_engine1", "downgrade_engine1"])
        #expect(ops.map(\.isUpgrade) == [true, false])
    }

    @Test func migrationFileCarriesItsOperations() {
        let source = "revision = 'a'\ndown_revision = None\nfrom alembic import op\ndef upgrade():\n    op.drop_table('t')\n"
        let file = MigrationFactsExtractor.extract(path: "a.py", parsed: parseModule(Array(source.utf8)))
        #expect(file.operations.map(\.kind) == [.dropTable])
    }

    @Test func noOperationsOutsideMigrationFunctionsAndNoCrashOnBrokenCode() {
        for source in ["op.create_table('x')\n", "def upgrade(:\n    op.create_table(\n", "def upgrade():\n    op.create_table(*args, **kw)\n",
                       "def upgrade():\n    op.add_column()\n    op.create_index(None)\n    with op.batch_alter_table() as b:\n        b.drop_column()\n"] {
            _ = OperationExtractor.extract(parseModule(Array(source.utf8)))
        }
        #expect(OperationExtractor.extract(parseModule(Array("op.create_table('x')\n".utf8))).isEmpty)
    }
}
