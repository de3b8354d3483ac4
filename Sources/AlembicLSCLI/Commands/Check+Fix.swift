import AlembicModel
import Foundation
import IDE
import Lint
import TextCore

extension Check {
    /// What `--fix` / `--diff` did.
    struct FixSummary {
        /// Fixes applied (or, with `--diff`, that would be).
        var fixed = 0
        /// Rounds that applied fixes.
        var rounds = 0
        /// The analysis after the fixes (in memory: with `--diff` nothing is written).
        var project: ProjectAnalysis
        /// Edited files: the bytes first read and the fixed bytes.
        var edited: [String: (original: [UInt8], fixed: [UInt8])] = [:]
        /// Files the fixes create, in order.
        var created: [NewFile] = []
        /// Files left alone because they changed on disk after they were read, or could not
        /// be written; the fixes in them are not counted.
        var notWritten: [(path: String, reason: String)] = []
    }

    /// The most rounds `--fix` runs: a fix can reveal another (ruff stops at 100; the
    /// rules here settle in two or three).
    static let maxFixRounds = 10

    /// Applies the fixes of `diagnose`'s findings (safe ones; unsafe ones too with
    /// `unsafe`), re-analysing in memory until no fix is left or ``maxFixRounds``. Fixes that
    /// overlap wait for the next round. With `write`, new files are created at once (never
    /// over an existing file) and edited files are written at the end, each only if it still
    /// holds the bytes that were read. Without it (`--diff`), nothing is written and the
    /// rounds stop after one that creates a file (the analysis cannot see it).
    static func applyFixes(
        _ start: ProjectAnalysis, unsafe: Bool, write: Bool, roots: [String], cwd: String,
        diagnose: (ProjectAnalysis) -> [Diagnostic]
    ) -> FixSummary {
        var summary = FixSummary(project: start)
        var fixesByPath: [String: Int] = [:]
        for _ in 0 ..< maxFixRounds {
            let project = summary.project
            let candidates = diagnose(project).compactMap(\.fix).filter { fix in
                (unsafe || fix.applicability == .safe)
                    && fix.edits.allSatisfy { project.sources[$0.path] != nil }
                    && fix.newFiles.allSatisfy { file in
                        !FileManager.default.fileExists(atPath: file.path) && !summary.created.contains { $0.path == file.path }
                    }
            }
            var chosen = Fix.compatible(candidates)
            if chosen.isEmpty { break }
            // New files first: a fix whose file cannot be created is dropped whole.
            chosen = chosen.filter { fix in
                guard write else { return true }
                for file in fix.newFiles {
                    guard SourceWriter.create(file.path, contents: Array(file.contents.utf8)) == .written else {
                        summary.notWritten.append((file.path, "exists or cannot be created"))
                        return false
                    }
                    summary.created.append(file)
                }
                return true
            }
            if !write { summary.created += chosen.flatMap(\.newFiles) }
            var needsReload = chosen.contains { !$0.newFiles.isEmpty }
            // The edits of one round are offsets in the bytes the round analysed: apply them
            // per file at once (they do not overlap).
            let combined = Fix.combined(chosen, title: "")
            var next: [String: [UInt8]] = [:]
            for fileEdit in combined.edits {
                guard let bytes = summary.project.sources[fileEdit.path]?.bytes,
                      let fixed = TextEdit.apply(fileEdit.edits, to: bytes) else { continue }
                next[fileEdit.path] = fixed
            }
            let applied = chosen.filter { fix in fix.edits.allSatisfy { next[$0.path] != nil } }
            for (path, bytes) in next {
                let original = summary.edited[path]?.original ?? summary.project.sources[path]?.bytes ?? []
                summary.edited[path] = (original, bytes)
                if !replaceSource(&summary.project, path: path, bytes: bytes) { needsReload = true }
            }
            for fix in applied {
                if let first = fix.edits.first?.path { fixesByPath[first, default: 0] += 1 }
            }
            summary.fixed += applied.count
            if applied.isEmpty { break }
            summary.rounds += 1
            if needsReload {
                // New files, or edits of files the in-memory analysis cannot patch: with
                // `write`, flush and re-read the workspace; without it, stop here.
                guard write else { break }
                flush(&summary, fixesByPath: &fixesByPath)
                summary.project = ProjectLoader.load(roots: roots, cwd: cwd)
            }
        }
        if write { flush(&summary, fixesByPath: &fixesByPath) }
        return summary
    }

    /// Writes the edited files that still hold the bytes first read; the others are
    /// reported and their fixes uncounted.
    private static func flush(_ summary: inout FixSummary, fixesByPath: inout [String: Int]) {
        for (path, change) in summary.edited.sorted(by: { $0.key < $1.key }) where change.original != change.fixed {
            switch SourceWriter.replace(path, expecting: change.original, with: change.fixed) {
            case .written:
                summary.edited[path] = (change.fixed, change.fixed)
            case .changedOnDisk:
                summary.notWritten.append((path, "changed since it was read"))
                summary.fixed -= fixesByPath[path] ?? 0
                summary.edited[path] = nil
            case let .failed(message):
                summary.notWritten.append((path, message))
                summary.fixed -= fixesByPath[path] ?? 0
                summary.edited[path] = nil
            }
            fixesByPath[path] = nil
        }
    }

    /// Puts the fixed bytes of `path` into the analysis: a migration file is re-extracted
    /// and its environments' graphs rebuilt. False for any other file (the caller re-reads
    /// the workspace).
    private static func replaceSource(_ project: inout ProjectAnalysis, path: String, bytes: [UInt8]) -> Bool {
        let previous = project.sources[path]?.bytes
        project.sources[path] = SourceFile(path: path, bytes: bytes)
        var known = false
        for e in project.environments.indices {
            if let i = project.environments[e].files.firstIndex(where: { $0.path == path }) {
                let resolver = ProjectLoader.modules(for: project.environments[e].environment, searchRoots: project.roots).resolver
                let file = ProjectLoader.extractMigration(path: path, bytes: bytes, resolver: resolver)
                _ = ProjectLoader.replace(in: &project.environments[e], fileAt: i, with: file, previousBytes: previous, bytes: bytes)
                known = true
            }
        }
        return known
    }

    /// `--diff`: the unified diff of every fixed and created file, paths relative to `cwd`.
    static func diff(_ summary: FixSummary, cwd: String) -> String {
        let prefix = cwd.hasSuffix("/") ? cwd : cwd + "/"
        let shown = { (path: String) in path.hasPrefix(prefix) ? String(path.dropFirst(prefix.count)) : path }
        var out = ""
        for (path, change) in summary.edited.sorted(by: { $0.key < $1.key }) {
            out += UnifiedDiff.render(old: change.original, new: change.fixed, oldName: "a/" + shown(path), newName: "b/" + shown(path))
        }
        for file in summary.created {
            out += UnifiedDiff.render(old: nil, new: Array(file.contents.utf8), oldName: "", newName: "b/" + shown(file.path))
        }
        return out
    }
}
