import PythonSyntax
import TextCore

extension ParsedModule {
    /// Comments as (zero-based line, text), for `# noqa` handling.
    func commentLines() -> [(line: Int, text: String)] {
        guard !comments.isEmpty else { return [] }
        let index = LineIndex(tree.source)
        return comments.map { range in
            let lo = min(range.start, tree.source.count)
            let hi = min(max(range.end, lo), tree.source.count)
            return (index.line(of: range.start), String(decoding: tree.source[lo ..< hi], as: UTF8.self))
        }
    }
}
