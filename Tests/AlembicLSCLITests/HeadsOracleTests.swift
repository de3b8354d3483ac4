import Foundation
import Testing

/// `alembic-ls heads` / `history` against alembic's own commands on generated trees:
/// merges, several bases, branch labels, depends_on, load orders that differ from creation
/// order. Alembic imports the generated migration files; nothing from a workspace runs.
@Suite struct HeadsOracleTests {
    struct Generator {
        var state: UInt64
        mutating func next(_ bound: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(max(bound, 1)))
        }

        mutating func hex() -> String {
            (0 ..< 12).map { _ in String(next(16), radix: 16) }.joined()
        }
    }

    /// Writes one random tree; returns its directory.
    static func makeTree(seed: UInt64) throws -> String {
        var g = Generator(state: seed)
        let count = 3 + g.next(40)
        var ids: [String] = []
        var files: [String: String] = [
            "alembic.ini": "[alembic]\nscript_location = %(here)s/alembic\n",
            "alembic/env.py": "",
        ]
        var labelCount = 0
        for n in 0 ..< count {
            let id = g.hex()
            var down = "None"
            var labels = "None"
            var depends = "None"
            let roll = g.next(100)
            if n == 0 || roll < 6 {
                if n > 0 || g.next(3) == 0 { labelCount += 1; labels = "('label\(labelCount)',)" }
            } else if roll < 22 && ids.count >= 2 {
                let a = ids[g.next(ids.count)]
                var b = ids[g.next(ids.count)]
                if a == b { b = ids[(ids.firstIndex(of: a).map { $0 + 1 } ?? 0) % ids.count] }
                down = a == b ? "'\(a)'" : "('\(a)', '\(b)')"
            } else {
                // Mostly extend a recent revision, so there are long chains and a few heads.
                let pick = max(0, ids.count - 1 - g.next(min(ids.count, 4)))
                down = "'\(ids[pick])'"
            }
            if n > 2 && g.next(10) == 0 { depends = "'\(ids[g.next(ids.count - 1)])'" }
            if n > 0 && g.next(12) == 0 { labelCount += 1; labels = "'lbl\(labelCount)'" }
            let name = "\(g.hex().prefix(4))_\(id)_step_\(n).py"
            files["alembic/versions/\(name)"] = """
            \"\"\"step \(n) of tree \(seed)

            Revision ID: \(id)
            \"\"\"
            revision = '\(id)'
            down_revision = \(down)
            branch_labels = \(labels)
            depends_on = \(depends)


            def upgrade():
                pass

            """
            ids.append(id)
        }
        return try temporaryTree(files)
    }

    /// Alembic prints branch labels (and `Branches into:` children) by iterating a Python
    /// `set`, so their order changes from run to run; alembic-ls sorts them. Sort the items
    /// of every parenthesised group and of those two verbose lines on both sides.
    static func normalized(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
            for prefix in ["Branch names: ", "Branches into: "] where line.hasPrefix(prefix) {
                return prefix + line.dropFirst(prefix.count).components(separatedBy: ", ").sorted().joined(separator: ", ")
            }
            var out = ""
            var rest = Substring(line)
            while let open = rest.firstIndex(of: "("), let close = rest[open...].firstIndex(of: ")") {
                out += rest[..<open]
                let items = rest[rest.index(after: open) ..< close].components(separatedBy: ", ").sorted()
                out += "(" + items.joined(separator: ", ") + ")"
                rest = rest[rest.index(after: close)...]
            }
            return out + rest
        }.joined(separator: "\n")
    }

    @Test func headsAndHistoryMatchAlembicOnGeneratedTrees() throws {
        let python = try CLI.requirePython()
        let script = CLI.repoRoot.appendingPathComponent("Tests/AlembicLSCLITests/Oracle/alembic_commands.py").path
        let seeds: [UInt64] = Array(1 ... 40)
        let dirs = try seeds.map { try Self.makeTree(seed: $0) }
        let commands = [["heads"], ["history"], ["heads", "-v"]]
        let request = dirs.map { ["dir": $0, "ini": $0 + "/alembic.ini", "section": "alembic", "commands": commands] as [String: Any] }
        let oracle = try CLI.run(python, [script], stdin: try JSONSerialization.data(withJSONObject: request), timeout: 600)
        #expect(oracle.status == 0, "\(oracle.stderr)")
        let answers = try #require(try JSONSerialization.jsonObject(with: Data(oracle.stdout.utf8)) as? [[[String: String]]])
        var compared = 0
        var failures = 0
        for (dir, expected) in zip(dirs, answers) {
            for (command, want) in zip(commands, expected) {
                let ours = try CLI.alembicLS(command, cwd: dir)
                if let stdout = want["stdout"] {
                    let same = Self.normalized(ours.stdout) == Self.normalized(stdout)
                    #expect(ours.status == 0 && same, "\(dir) \(command): ours \(ours.stdout) \(ours.stderr) vs alembic \(stdout)")
                    if !same { failures += 1 }
                } else {
                    #expect(ours.status != 0, "\(dir) \(command): alembic failed (\(want["error"] ?? "")) but we printed \(ours.stdout)")
                }
                compared += 1
            }
        }
        print("heads/history oracle: \(compared - failures)/\(compared) outputs identical to alembic over \(dirs.count) generated trees")
        for dir in dirs { try? FileManager.default.removeItem(atPath: dir) }
    }
}
