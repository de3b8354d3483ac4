/// A unified diff (`diff -u` / `git diff` format, three lines of context) between two texts,
/// for `check --fix --diff`.
enum UnifiedDiff {
    private enum Op {
        case keep(String), remove(String), add(String)
    }

    /// The diff of `old` to `new` with `---`/`+++` headers; empty when they are equal.
    /// `old` nil is a file that does not exist yet (`/dev/null`).
    static func render(old: [UInt8]?, new: [UInt8], oldName: String, newName: String, context: Int = 3) -> String {
        if old == new { return "" }
        let a = lines(old ?? [])
        let b = lines(new)
        let ops = diff(a, b)
        var out = "--- \(old == nil ? "/dev/null" : oldName)\n+++ \(newName)\n"
        // Positions (zero-based old line, new line) before each op.
        var positions: [(Int, Int)] = []
        var oldLine = 0
        var newLine = 0
        for op in ops {
            positions.append((oldLine, newLine))
            switch op {
            case .keep: oldLine += 1; newLine += 1
            case .remove: oldLine += 1
            case .add: newLine += 1
            }
        }
        let changed = ops.indices.filter { if case .keep = ops[$0] { return false } else { return true } }
        var hunks: [(Int, Int)] = []
        for i in changed {
            let start = max(0, i - context)
            let end = min(ops.count, i + context + 1)
            if let last = hunks.last, start <= last.1 { hunks[hunks.count - 1].1 = end } else { hunks.append((start, end)) }
        }
        for (start, end) in hunks {
            let slice = ops[start ..< end]
            let oldCount = slice.filter { if case .add = $0 { return false } else { return true } }.count
            let newCount = slice.filter { if case .remove = $0 { return false } else { return true } }.count
            let (oldStart, newStart) = positions[start]
            out += "@@ -\(range(oldStart, oldCount)) +\(range(newStart, newCount)) @@\n"
            for op in slice {
                switch op {
                case let .keep(line): out += " " + terminated(line)
                case let .remove(line): out += "-" + terminated(line)
                case let .add(line): out += "+" + terminated(line)
                }
            }
        }
        return out
    }

    /// `start,count` with diff's conventions (one-based; the line before when empty).
    private static func range(_ start: Int, _ count: Int) -> String {
        count == 0 ? "\(start),0" : count == 1 ? "\(start + 1)" : "\(start + 1),\(count)"
    }

    private static func terminated(_ line: String) -> String {
        line.hasSuffix("\n") || line.hasSuffix("\r") ? line : line + "\n\\ No newline at end of file\n"
    }

    /// Lines with their line breaks.
    private static func lines(_ bytes: [UInt8]) -> [String] {
        var out: [String] = []
        var start = 0
        for (i, byte) in bytes.enumerated() where byte == 0x0A {
            out.append(String(decoding: bytes[start ... i], as: UTF8.self))
            start = i + 1
        }
        if start < bytes.count { out.append(String(decoding: bytes[start...], as: UTF8.self)) }
        return out
    }

    /// The edit script: common prefix and suffix, and a longest common subsequence of the
    /// middle (a plain replacement when the middle is too large for the table).
    private static func diff(_ a: [String], _ b: [String]) -> [Op] {
        var prefix = 0
        while prefix < a.count, prefix < b.count, a[prefix] == b[prefix] { prefix += 1 }
        var suffix = 0
        while suffix < a.count - prefix, suffix < b.count - prefix, a[a.count - 1 - suffix] == b[b.count - 1 - suffix] { suffix += 1 }
        let x = Array(a[prefix ..< a.count - suffix])
        let y = Array(b[prefix ..< b.count - suffix])
        var middle: [Op] = []
        if x.count * y.count > 4_000_000 || x.isEmpty || y.isEmpty {
            middle = x.map(Op.remove) + y.map(Op.add)
        } else {
            // table[i][j]: LCS length of x[i...] and y[j...].
            var table = Array(repeating: Array(repeating: 0, count: y.count + 1), count: x.count + 1)
            for i in stride(from: x.count - 1, through: 0, by: -1) {
                for j in stride(from: y.count - 1, through: 0, by: -1) {
                    table[i][j] = x[i] == y[j] ? table[i + 1][j + 1] + 1 : max(table[i + 1][j], table[i][j + 1])
                }
            }
            var i = 0
            var j = 0
            while i < x.count || j < y.count {
                if i < x.count, j < y.count, x[i] == y[j] {
                    middle.append(.keep(x[i])); i += 1; j += 1
                } else if j < y.count, i == x.count || table[i][j + 1] > table[i + 1][j] {
                    middle.append(.add(y[j])); j += 1
                } else {
                    middle.append(.remove(x[i])); i += 1
                }
            }
        }
        return a[..<prefix].map(Op.keep) + middle + a[(a.count - suffix)...].map(Op.keep)
    }
}
