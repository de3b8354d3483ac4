import AlembicModel
import Foundation
import IDE
import Lint

extension Check {
    /// What `--add-noqa` did.
    struct NoqaSummary {
        var directives = 0
        var files = 0
        /// Findings whose line cannot carry a comment (inside a multi-line string).
        var skipped = 0
        /// Files left alone because they changed after they were read.
        var changedFiles: [String] = []
    }

    /// Adds `# noqa: CODE` to every Python line with a finding (merging with a directive
    /// already there), so an existing tree can be baselined. Each file is verified by
    /// re-parsing (the directive must be read back as a comment on its line, and no syntax
    /// error may appear) and written atomically, and only if it is still the bytes analysed.
    func writeNoqaDirectives(_ diagnostics: [Diagnostic], project: ProjectAnalysis) -> NoqaSummary {
        var comments: [String: [(line: Int, text: String)]] = [:]
        for environment in project.environments {
            for file in environment.files { comments[file.path] = file.comments }
            if let env = environment.envPy { comments[env.path] = env.comments }
        }
        var byPath: [String: [Int: Set<String>]] = [:]
        var summary = NoqaSummary()
        for d in diagnostics where d.code != UnusedNoqa.metadata.code {
            guard d.location.path.hasSuffix(".py"), let source = project.sources[d.location.path] else {
                summary.skipped += 1
                continue
            }
            byPath[d.location.path, default: [:]][source.lineIndex.line(of: d.location.range.start), default: []].insert(d.code)
        }
        for (path, lines) in byPath.sorted(by: { $0.key < $1.key }) {
            guard let source = project.sources[path] else { continue }
            let result = NoqaEditor.addLineDirectives(lines, to: source.bytes, comments: comments[path] ?? [])
            summary.skipped += result.skipped.values.reduce(0) { $0 + $1.count }
            guard !result.added.isEmpty else { continue }
            switch SourceWriter.replace(path, expecting: source.bytes, with: result.bytes) {
            case .written:
                summary.files += 1
                summary.directives += result.added.count
            case .changedOnDisk, .failed:
                summary.changedFiles.append(path)
            }
        }
        return summary
    }
}
