import AlembicModel
import Foundation
import Lint
import PythonSyntax
import TextCore

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
            let existing = Suppressions(comments: comments[path] ?? [])
            var pending = lines
            var result: (bytes: [UInt8], failed: Set<Int>) = (source.bytes, [])
            // Lines whose directive does not read back are dropped; every round drops one or more.
            for _ in 0 ... lines.count {
                result = Self.insertDirectives(pending, into: source, existing: existing)
                if result.failed.isEmpty { break }
                for line in result.failed { summary.skipped += pending[line]?.count ?? 0; pending[line] = nil }
            }
            guard !pending.isEmpty, result.failed.isEmpty else { continue }
            guard case let .bytes(current) = SourceReader.read(path), current == source.bytes else {
                summary.changedFiles.append(path)
                continue
            }
            let permissions = (try? FileManager.default.attributesOfItem(atPath: path))?[.posixPermissions]
            do {
                try Data(result.bytes).write(to: URL(fileURLWithPath: path), options: .atomic)
                if let permissions { try? FileManager.default.setAttributes([.posixPermissions: permissions], ofItemAtPath: path) }
                summary.files += 1
                summary.directives += pending.count
            } catch {
                summary.changedFiles.append(path)
            }
        }
        return summary
    }

    /// The file with a directive for `lines` (zero-based line → codes), and the lines whose
    /// directive would not be read back as a `# noqa` comment on that line.
    static func insertDirectives(_ lines: [Int: Set<String>], into source: SourceFile, existing: Suppressions) -> (bytes: [UInt8], failed: Set<Int>) {
        var edits: [TextEdit] = []
        for (line, codes) in lines {
            let range = source.lineIndex.lineRange(line)
            let lineBytes = source.bytes[range.start ..< range.end]
            if let directive = existing.lineDirectives[line], let old = directive.codes,
               let directiveRange = UnusedNoqa.directiveRange(in: lineBytes) {
                let merged = Array(Set(old).union(codes)).sorted()
                edits.append(TextEdit(range: directiveRange, newText: "# noqa: " + merged.joined(separator: ", ")))
            } else {
                let trimmedEmpty = lineBytes.allSatisfy { $0 == 0x20 || $0 == 0x09 }
                let text = (trimmedEmpty ? "# noqa: " : "  # noqa: ") + codes.sorted().joined(separator: ", ")
                edits.append(TextEdit(range: .empty(at: range.end), newText: text))
            }
        }
        var bytes = source.bytes
        for edit in edits.sorted(by: { $0.range.start > $1.range.start }) {
            bytes.replaceSubrange(edit.range.start ..< edit.range.end, with: Array(edit.newText.utf8))
        }
        // Read the result back: each line must now suppress its codes; no new syntax errors.
        let parsed = parseModule(bytes)
        let index = LineIndex(bytes)
        let readBack = Suppressions(comments: parsed.comments.map { range in
            (index.line(of: range.start), String(decoding: bytes[range.start ..< range.end], as: UTF8.self))
        })
        var failed = Set<Int>()
        for (line, codes) in lines where !codes.allSatisfy({ readBack.suppresses(code: $0, line: line) }) { failed.insert(line) }
        if failed.isEmpty && parsed.errors.count > parseModule(source.bytes).errors.count { failed = Set(lines.keys) }
        return (bytes, failed)
    }
}
