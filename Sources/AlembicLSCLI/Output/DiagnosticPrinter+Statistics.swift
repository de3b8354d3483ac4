import AlembicModel
import Lint

extension DiagnosticPrinter {
    /// One row of `--statistics`.
    struct RuleCount {
        var code: String
        var name: String
        var count: Int
        var fixable: Int
    }

    /// Diagnostics counted per rule, most frequent first (then by code).
    static func ruleCounts(_ diagnostics: [Diagnostic], ruleName: (String) -> String) -> [RuleCount] {
        var counts: [String: RuleCount] = [:]
        for d in diagnostics {
            counts[d.code, default: RuleCount(code: d.code, name: ruleName(d.code), count: 0, fixable: 0)].count += 1
            if d.fix != nil { counts[d.code]?.fixable += 1 }
        }
        return counts.values.sorted { $0.count != $1.count ? $0.count > $1.count : $0.code < $1.code }
    }

    /// `--statistics` as text: `COUNT<TAB>CODE<TAB>[*] name` (`[*]` when every finding has a
    /// fix), as ruff prints it; or as a JSON array when `json` is set.
    func statistics(_ diagnostics: [Diagnostic], ruleName: (String) -> String, json: Bool) -> String {
        let rows = Self.ruleCounts(diagnostics, ruleName: ruleName)
        if json {
            return Self.encode(.array(rows.map { row in
                .object([
                    "code": .string(row.code), "name": .string(row.name),
                    "count": .number(Double(row.count)), "fixable": .bool(row.fixable == row.count),
                ])
            }))
        }
        let width = rows.map { String($0.count).count }.max() ?? 1
        return rows.map { row in
            let count = String(row.count)
            let mark = row.fixable == row.count ? "[*]" : "[ ]"
            return String(repeating: " ", count: width - count.count) + count + "\t\(row.code)\t\(mark) \(row.name)\n"
        }.joined()
    }
}
