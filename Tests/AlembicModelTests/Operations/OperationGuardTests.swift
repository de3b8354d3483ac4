import AlembicModel
import PythonSyntax
import Testing
import TextCore

/// "kind table names polarity" of each guard, innermost last.
private func describe(_ operation: MigrationOperation?) -> [String] {
    (operation?.guards ?? []).map { g in
        let polarity = switch g.polarity {
        case .whenExists: "exists"
        case .whenAbsent: "absent"
        case .unknown: "unknown"
        }
        return "\(g.kind) \(g.table ?? "-") \(g.names.joined(separator: ",")) \(polarity)"
    }
}

@Suite struct OperationGuardTests {
    @Test func directInspectorCalls() {
        let ops = upgradeOperations("""
        insp = sa.inspect(op.get_bind())
        if not insp.has_table('users'):
            op.create_table('users')
        if insp.has_index('users', 'ix_a'):
            op.drop_index('ix_a', 'users')
        if sa.inspect(op.get_bind()).has_table(table_name='t'):
            op.drop_table('t')
        """)
        #expect(describe(ops[0]) == ["tableExists users  absent"])
        #expect(describe(ops[1]) == ["indexExists users ix_a exists"])
        #expect(describe(ops[2]) == ["tableExists t  exists"])
    }

    @Test func membershipInInspectorResults() {
        let ops = upgradeOperations("""
        inspector = Inspector.from_engine(op.get_bind())
        if 'users' not in inspector.get_table_names():
            op.create_table('users')
        if 'ix_a' in {ix['name'] for ix in inspector.get_indexes('users')}:
            op.drop_index('ix_a', 'users')
        if any(c['name'] == 'locale' for c in inspector.get_columns('users')):
            op.drop_column('users', 'locale')
        if 'uq' in [u.get('name') for u in inspector.get_unique_constraints(table_name='users')]:
            op.drop_constraint('uq', 'users')
        """)
        #expect(describe(ops[0]) == ["tableExists users  absent"])
        #expect(describe(ops[1]) == ["indexExists users ix_a exists"])
        #expect(describe(ops[2]) == ["columnExists users locale exists"])
        #expect(describe(ops[3]) == ["constraintExists users uq exists"])
    }

    @Test func throughLocalVariables() {
        let ops = upgradeOperations("""
        bind = op.get_bind()
        insp = sa.inspect(bind)
        columns = [c['name'] for c in insp.get_columns('users')]
        tables = set(insp.get_table_names())
        has_orders = insp.has_table('orders')
        if 'locale' not in columns:
            op.add_column('users', sa.Column('locale', sa.String()))
        if 'audit' in tables:
            op.drop_table('audit')
        if not has_orders:
            op.create_table('orders')
        """)
        #expect(describe(ops[0]) == ["columnExists users locale absent"])
        #expect(describe(ops[1]) == ["tableExists audit  exists"])
        #expect(describe(ops[2]) == ["tableExists orders  absent"])
    }

    @Test func throughModuleHelperFunctions() {
        let prelude = """
        def column_exists(table, column):
            insp = sa.inspect(op.get_bind())
            return column in [c['name'] for c in insp.get_columns(table)]

        def table_exists(name, schema=None):
            return sa.inspect(op.get_bind()).has_table(name, schema=schema)

        """
        let ops = upgradeOperations("""
        if not column_exists('users', 'locale'):
            op.add_column('users', sa.Column('locale', sa.String()))
        if table_exists(name='legacy'):
            op.drop_table('legacy')
        """, prelude: prelude)
        #expect(describe(ops[0]) == ["columnExists users locale absent"])
        #expect(describe(ops[1]) == ["tableExists legacy  exists"])
    }

    @Test func earlyReturnGuardsTheRestOfTheFunction() {
        let ops = upgradeOperations("""
        insp = sa.inspect(op.get_bind())
        if insp.has_table('users'):
            return
        op.create_table('users')
        """)
        #expect(describe(ops[0]) == ["tableExists users  absent"])
    }

    @Test func elseAndElifBranchesInvertThePolarity() {
        let ops = upgradeOperations("""
        insp = sa.inspect(op.get_bind())
        if insp.has_table('users'):
            op.drop_table('users')
        elif insp.has_table('people'):
            op.rename_table('people', 'users')
        else:
            op.create_table('users')
        """)
        #expect(describe(ops[0]) == ["tableExists users  exists"])
        #expect(describe(ops[1]) == ["tableExists users  absent", "tableExists people  exists"])
        #expect(describe(ops[2]) == ["tableExists users  absent", "tableExists people  absent"])
    }

    @Test func conjunctionsGiveEveryTest() {
        let ops = upgradeOperations("""
        insp = sa.inspect(op.get_bind())
        if insp.has_table('users') and 'locale' not in [c['name'] for c in insp.get_columns('users')]:
            op.add_column('users', sa.Column('locale', sa.String()))
        if not (insp.has_table('a') or insp.has_table('b')):
            op.create_table('a')
        """)
        #expect(describe(ops[0]) == ["tableExists users  exists", "columnExists users locale absent"])
        #expect(describe(ops[1]) == ["tableExists a  absent", "tableExists b  absent"])
    }

    @Test func unknownIntrospectionCountsAsGuardedWithoutGuessing() {
        let ops = upgradeOperations("""
        insp = sa.inspect(op.get_bind())
        if len(insp.get_columns('users')) > 3:
            op.drop_column('users', 'x')
        if insp.has_table('a') or insp.has_table('b'):
            op.drop_table('a')
        if some_flag:
            op.drop_table('c')
        """)
        #expect(describe(ops[0]) == ["unknownIntrospection -  unknown"])
        #expect(describe(ops[1]) == ["unknownIntrospection -  unknown"])
        #expect(ops[0].isGuarded && ops[1].isGuarded)
        #expect(!ops[2].isGuarded)
    }

    @Test func offlineModeBranches() {
        let ops = upgradeOperations("""
        if context.is_offline_mode():
            op.execute('CREATE TABLE IF NOT EXISTS t (id int)')
        else:
            insp = sa.inspect(op.get_bind())
            if not insp.has_table('t'):
                op.create_table('t')
        op.drop_table('x')
        """)
        #expect(ops[0].offlineBranch?.runsOffline == true)
        #expect(ops[1].offlineBranch?.runsOffline == false)
        #expect(describe(ops[1]) == ["tableExists t  absent"])
        #expect(ops[2].offlineBranch == nil)
    }

    @Test func guardRangeIsTheTestInTheCondition() {
        let source = """
        from alembic import op
        import sqlalchemy as sa
        def upgrade():
            columns = [c['name'] for c in sa.inspect(op.get_bind()).get_columns('users')]
            if 'locale' not in columns:
                op.add_column('users', sa.Column('locale', sa.String()))
        """
        let ops = OperationExtractor.extract(parseModule(Array(source.utf8)))
        #expect(ops.first.map { text(source, $0.guards[0].range) } == "'locale' not in columns")
    }

    @Test func batchOperationsInheritTheGuardsAroundTheirContext() {
        let ops = upgradeOperations("""
        insp = sa.inspect(op.get_bind())
        if 'locale' not in [c['name'] for c in insp.get_columns('users')]:
            with op.batch_alter_table('users') as batch_op:
                batch_op.add_column(sa.Column('locale', sa.String()))
        """)
        #expect(describe(ops[1]) == ["columnExists users locale absent"])
    }

    @Test func selfReferentialVariablesAndHelpersTerminate() {
        let ops = upgradeOperations("""
        x = x
        if x:
            op.drop_table('a')
        if loop(1):
            op.drop_table('b')
        """, prelude: "def loop(n):\n    return loop(n)\n")
        #expect(ops.count == 2)
    }
}
