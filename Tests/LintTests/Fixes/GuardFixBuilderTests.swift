import AlembicModel
import Lint
import PythonSyntax
import Testing
import TextCore

/// The text of guard fixes, on modules built in memory.
@Suite struct GuardFixBuilderTests {
    func module(_ upgrade: String, imports: String = "from alembic import op\nimport sqlalchemy as sa\n") -> String {
        "\(imports)\n\ndef upgrade():\n\(upgrade)\n"
    }

    /// The module after the guard of its `index`-th unguarded operation.
    func guarded(_ source: String, index: Int = 0, variant: GuardFixBuilder.Variant = .inspector) throws -> String? {
        let bytes = Array(source.utf8)
        let operations = OperationExtractor.extract(parseModule(bytes))
        let unguarded = operations.filter { !$0.isGuarded && !$0.targets.isEmpty }
        let builder = GuardFixBuilder(path: "m.py", bytes: bytes, operations: operations)
        let operation = try #require(unguarded.dropFirst(index).first)
        guard let fix = builder.fix(for: operation, variant: variant) else { return nil }
        let edits = try #require(fix.edits.first).edits
        let result = try #require(TextEdit.apply(edits, to: bytes))
        return String(decoding: result, as: UTF8.self)
    }

    @Test func reusesAnInspectorInScope() throws {
        let out = try guarded(module("    insp = sa.inspect(op.get_bind())\n    op.add_column('users', sa.Column('x', sa.Integer), schema='app')"))
        #expect(out == module("    insp = sa.inspect(op.get_bind())\n    if 'x' not in [c['name'] for c in insp.get_columns('users', schema='app')]:\n        op.add_column('users', sa.Column('x', sa.Integer), schema='app')"))
    }

    @Test func buildsOnAnExistingBindAfterTheDocstring() throws {
        let out = try guarded(module("    \"\"\"Doc.\"\"\"\n    conn = op.get_bind()\n    op.drop_index(\"ix_a\", table_name=\"t\")"))
        #expect(out == module("    \"\"\"Doc.\"\"\"\n    conn = op.get_bind()\n    inspector = sa.inspect(conn)\n    if \"ix_a\" in [ix[\"name\"] for ix in inspector.get_indexes(\"t\")]:\n        op.drop_index(\"ix_a\", table_name=\"t\")"))
        let fresh = try guarded(module("    \"\"\"Doc.\"\"\"\n    op.drop_table('t')"))
        #expect(fresh == module("    \"\"\"Doc.\"\"\"\n    bind = op.get_bind()\n    inspector = sa.inspect(bind)\n    if inspector.has_table('t'):\n        op.drop_table('t')"))
    }

    @Test func followsTheModulesImportStyle() throws {
        let aliased = try guarded(module("    op.drop_table('t')", imports: "from alembic import op\nfrom sqlalchemy import inspect as sa_inspect\n"))
        #expect(aliased?.contains("    inspector = sa_inspect(bind)\n") == true)
        let missing = try guarded(module("    op.drop_table('t')", imports: "import inspect\nfrom alembic import op\n"))
        #expect(missing?.hasPrefix("import inspect\nfrom alembic import op\nfrom sqlalchemy import inspect as sa_inspect\n") == true)
        let offline = try guarded(module("    op.drop_table('t')", imports: "from alembic import op\n"), variant: .offlineSafe)
        #expect(offline == module("    if context.is_offline_mode() or inspect(op.get_bind()).has_table('t'):\n        op.drop_table('t')",
                                  imports: "from alembic import op\nfrom alembic import context\nfrom sqlalchemy import inspect\n"))
    }

    @Test func conditionsPerKind() throws {
        let cases: [(String, String)] = [
            ("op.rename_table('a', 'b')", "inspector.has_table('a') and not inspector.has_table('b')"),
            ("op.alter_column('t', 'a', new_column_name='b')",
             "'a' in [c['name'] for c in inspector.get_columns('t')] and 'b' not in [c['name'] for c in inspector.get_columns('t')]"),
            ("op.create_foreign_key('fk', 't', 'u', ['u_id'], ['id'])", "'fk' not in [fk['name'] for fk in inspector.get_foreign_keys('t')]"),
            ("op.create_check_constraint('ck', 't', 'a > 0')", "'ck' not in [ck['name'] for ck in inspector.get_check_constraints('t')]"),
            ("op.create_unique_constraint('uq', 't', ['a'])", "'uq' not in [uq['name'] for uq in inspector.get_unique_constraints('t')]"),
            ("op.create_primary_key('pk', 't', ['id'])", "not inspector.get_pk_constraint('t')['constrained_columns']"),
            ("op.drop_constraint('fk', 't', type_='foreignkey')", "'fk' in [fk['name'] for fk in inspector.get_foreign_keys('t')]"),
            ("op.drop_constraint('pk', 't', type_='primary')", "inspector.get_pk_constraint('t')['name'] == 'pk'"),
            ("op.drop_constraint('c', 't')",
             "'c' in [c['name'] for c in inspector.get_foreign_keys('t') + inspector.get_unique_constraints('t') + inspector.get_check_constraints('t')]"),
        ]
        for (call, condition) in cases {
            let out = try guarded(module("    \(call)"))
            #expect(out?.contains("    if \(condition):\n        \(call)\n") == true, "\(call)")
        }
    }

    @Test func leavesStatementsItCannotWrapAlone() throws {
        // Another statement on the line, an assignment (a later use would break), no table.
        #expect(try guarded(module("    x = 1; op.drop_table('t')")) == nil)
        #expect(try guarded(module("    t = op.create_table('t', sa.Column('id', sa.Integer))")) == nil)
        #expect(try guarded(module("    op.drop_index('ix')")) == nil)
        #expect(try guarded(module("    op.create_index(None, 't', ['a'])")) == nil)
    }

    @Test func nativeFlagIsAddedOrCorrected() throws {
        let source = module("    op.create_index('ix', 't', ['a'],)\n    op.drop_table('t', if_exists=False)")
        let bytes = Array(source.utf8)
        let operations = OperationExtractor.extract(parseModule(bytes))
        let builder = GuardFixBuilder(path: "m.py", bytes: bytes, operations: operations)
        let add = try #require(builder.nativeFlagFix(for: operations[0]))
        #expect(add.edits.first?.edits == [.insert(", if_not_exists=True", at: Array("from alembic import op\nimport sqlalchemy as sa\n\n\ndef upgrade():\n    op.create_index('ix', 't', ['a']".utf8).count)])
        let replace = try #require(builder.nativeFlagFix(for: operations[1]))
        #expect(replace.edits.first?.edits.first?.newText == "if_exists=True")
    }
}
