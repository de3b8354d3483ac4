import Foundation

/// Writes a synthetic Alembic project with `count` revisions: a main line that forks into
/// two branches every `period` revisions and merges them back a few revisions later, so the
/// graph has branch points and merge points throughout and exactly one head.
enum TreeGenerator {
    static func id(_ n: Int) -> String {
        // 12 hex digits like alembic's `uuid4().hex[-12:]`, deterministic.
        var x = UInt64(truncatingIfNeeded: n) &* 0x9E37_79B9_7F4A_7C15 &+ 0x1234_5678
        x ^= x >> 29
        return String(String(x, radix: 16).suffix(12)).leftPadded(to: 12)
    }

    /// Revision `n`'s `upgrade()` and `downgrade()` statements, one per element.
    typealias Operations = @Sendable (Int) -> (upgrade: [String], downgrade: [String])

    /// One column and one index per revision, on 97 tables no revision creates.
    static let standardOperations: Operations = { n in
        (
            [
                "op.add_column('table_\(n % 97)', sa.Column('col_\(n)', sa.String(length=50), nullable=True))",
                "op.create_index('ix_table_\(n % 97)_col_\(n)', 'table_\(n % 97)', ['col_\(n)'], unique=False)",
            ],
            [
                "op.drop_index('ix_table_\(n % 97)_col_\(n)', table_name='table_\(n % 97)')",
                "op.drop_column('table_\(n % 97)', 'col_\(n)')",
            ]
        )
    }

    static func write(count: Int, to root: URL, period: Int = 50, operations: Operations = standardOperations) throws {
        let fm = FileManager.default
        let versions = root.appendingPathComponent("alembic/versions")
        try fm.createDirectory(at: versions, withIntermediateDirectories: true)
        try """
        [alembic]
        script_location = %(here)s/alembic
        sqlalchemy.url = sqlite:///bench.db

        """.write(to: root.appendingPathComponent("alembic.ini"), atomically: true, encoding: .utf8)
        try "# env.py is never executed by alembic-ls or by `alembic heads`\n"
            .write(to: root.appendingPathComponent("alembic/env.py"), atomically: true, encoding: .utf8)
        try "\"\"\"${message}\"\"\"\n".write(
            to: root.appendingPathComponent("alembic/script.py.mako"), atomically: true, encoding: .utf8)

        var head = ""          // tip of the main line
        var branchTip = ""     // tip of the side branch while one is open
        var n = 0
        while n < count {
            let rev = id(n)
            var parents: [String]
            if n == 0 {
                parents = []
            } else if n % period == 1 && n + 3 < count {
                // fork: this revision and the next both descend from `head`
                parents = [head]
                branchTip = rev
                let side = id(n + 1)
                try writeFile(versions, n: n, rev: rev, parents: parents, operations: operations)
                try writeFile(versions, n: n + 1, rev: side, parents: [head], operations: operations)
                head = side
                n += 2
                continue
            } else if n % period == 4 && !branchTip.isEmpty {
                parents = [head, branchTip]
                branchTip = ""
            } else {
                parents = [head]
            }
            try writeFile(versions, n: n, rev: rev, parents: parents, operations: operations)
            head = rev
            n += 1
        }
    }

    private static func writeFile(_ dir: URL, n: Int, rev: String, parents: [String], operations: Operations) throws {
        let (upgrade, downgrade) = operations(n)
        let down: String
        switch parents.count {
        case 0: down = "None"
        case 1: down = "'\(parents[0])'"
        default: down = "(" + parents.map { "'\($0)'" }.joined(separator: ", ") + ")"
        }
        let text = """
        \"\"\"step \(n)

        Revision ID: \(rev)
        Revises: \(parents.joined(separator: ", "))
        Create Date: 2026-01-01 00:00:00.000000

        \"\"\"
        from typing import Sequence, Union

        from alembic import op
        import sqlalchemy as sa


        # revision identifiers, used by Alembic.
        revision: str = '\(rev)'
        down_revision: Union[str, Sequence[str], None] = \(down)
        branch_labels: Union[str, Sequence[str], None] = None
        depends_on: Union[str, Sequence[str], None] = None


        def upgrade() -> None:
        \(upgrade.map { "    " + $0 }.joined(separator: "\n"))


        def downgrade() -> None:
        \(downgrade.map { "    " + $0 }.joined(separator: "\n"))

        """
        let name = String(format: "%05d_%@_step_%d.py", n, rev, n)
        try text.write(to: dir.appendingPathComponent(name), atomically: false, encoding: .utf8)
    }
}

extension String {
    func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
