import AlembicModel
import Lint
import TextCore

/// A code action: a fix, the diagnostics it resolves, and how an editor should offer it.
public struct CodeActionInfo: Hashable, Sendable {
    public enum Kind: Hashable, Sendable {
        /// A fix for the diagnostics at the cursor (LSP `quickfix`).
        case quickFix
        /// Every safe fix of the file at once (LSP `source.fixAll`).
        case fixAll
        /// Every non-idempotent operation of the file wrapped in an introspection guard (an
        /// LSP `source` action).
        case guardAll
    }

    public var title: String { fix.title }
    public var kind: Kind
    public var fix: Fix
    /// The diagnostics the action resolves.
    public var diagnostics: [Diagnostic]
    /// The one obvious fix for its diagnostic (the rule's own fix, not a suppression).
    public var isPreferred: Bool

    public init(kind: Kind, fix: Fix, diagnostics: [Diagnostic], isPreferred: Bool) {
        self.kind = kind
        self.fix = fix
        self.diagnostics = diagnostics
        self.isPreferred = isPreferred
    }
}

extension AnalysisSnapshot {
    /// The quick fixes for the diagnostics of `path` touching `range`: each diagnostic's own
    /// fix, then its alternative fixes (not preferred), then "Suppress CODE on this line" (`# noqa: CODE`, merged into a directive
    /// already on the line) and "Suppress CODE in this file" (`# alembic-ls: noqa: CODE`).
    public func codeActions(path: String, range: ByteRange) -> [CodeActionInfo] {
        let diagnostics = (self.diagnostics[path] ?? []).filter {
            $0.location.range.start <= range.end && range.start <= $0.location.range.end
        }
        guard !diagnostics.isEmpty else { return [] }
        var own: [CodeActionInfo] = []
        var alternatives: [CodeActionInfo] = []
        var lineSuppressions: [CodeActionInfo] = []
        var fileSuppressions: [CodeActionInfo] = []
        // The merge fix reads the environment's template: plan it at most once per request.
        lazy var mergeFix: Fix? = try? mergeMigrationFix(forPath: path)?.get()
        for diagnostic in diagnostics {
            var ownFix = diagnostic.fix
            if ownFix == nil, diagnostic.code == MultipleHeads.metadata.code { ownFix = mergeFix }
            if let fix = ownFix {
                if let i = own.firstIndex(where: { $0.fix == fix }) {
                    own[i].diagnostics.append(diagnostic)
                } else {
                    own.append(CodeActionInfo(kind: .quickFix, fix: fix, diagnostics: [diagnostic], isPreferred: true))
                }
            }
            for fix in diagnostic.alternativeFixes {
                if let i = alternatives.firstIndex(where: { $0.fix == fix }) {
                    alternatives[i].diagnostics.append(diagnostic)
                } else {
                    alternatives.append(CodeActionInfo(kind: .quickFix, fix: fix, diagnostics: [diagnostic], isPreferred: false))
                }
            }
            for fix in suppressionFixes(for: diagnostic) {
                let isLine = fix.title.hasSuffix("on this line")
                if let i = (isLine ? lineSuppressions : fileSuppressions).firstIndex(where: { $0.fix == fix }) {
                    if isLine { lineSuppressions[i].diagnostics.append(diagnostic) } else { fileSuppressions[i].diagnostics.append(diagnostic) }
                    continue
                }
                let action = CodeActionInfo(kind: .quickFix, fix: fix, diagnostics: [diagnostic], isPreferred: false)
                if isLine { lineSuppressions.append(action) } else { fileSuppressions.append(action) }
            }
        }
        return own + alternatives + lineSuppressions + fileSuppressions
    }

    /// "Guard every operation in this file": the introspection guards of every
    /// `non-idempotent-operation` (ALM201) finding of `path` as one edit, the operations of a
    /// function sharing one inspector; nil when there is none to guard.
    public func guardAll(path: String) -> CodeActionInfo? {
        let code = NonIdempotentOperation.metadata.code
        let found = (diagnostics[path] ?? []).filter { $0.code == code }
        guard !found.isEmpty, let file = migration(at: path)?.file, let bytes = source(path)?.bytes else { return nil }
        let starts = Set(found.map(\.location.range))
        let operations = file.operations.filter { starts.contains($0.callRange) }
        guard let fix = GuardFixBuilder(path: path, bytes: bytes, operations: file.operations).guardAll(operations) else { return nil }
        return CodeActionInfo(kind: .guardAll, fix: fix, diagnostics: found, isPreferred: false)
    }

    /// Every safe fix of the diagnostics of `path` that can be applied together, as one
    /// action (nil when there is none). Suppressions are not fixes: they are never included.
    public func fixAll(path: String) -> CodeActionInfo? {
        let fixable = (diagnostics[path] ?? []).filter { $0.fix?.applicability == .safe }
        let fixes = Fix.compatible(fixable.compactMap(\.fix))
        guard !fixes.isEmpty else { return nil }
        let resolved = fixable.filter { diagnostic in diagnostic.fix.map(fixes.contains) ?? false }
        return CodeActionInfo(
            kind: .fixAll, fix: .combined(fixes, title: "Fix all safely fixable alembic-ls problems"),
            diagnostics: resolved, isPreferred: false)
    }

    /// `# noqa: CODE` on the diagnostic's line and `# alembic-ls: noqa: CODE` for its file,
    /// for a Python file whose comments the analysis knows. Unused-directive findings
    /// (ALM901) get none: their own fix removes the directive.
    func suppressionFixes(for diagnostic: Diagnostic) -> [Fix] {
        let path = diagnostic.location.path
        guard diagnostic.code != UnusedNoqa.metadata.code, path.hasSuffix(".py"),
              let source = source(path), let comments = comments(of: path) else { return [] }
        var out: [Fix] = []
        let line = source.lineIndex.line(of: diagnostic.location.range.start)
        let result = NoqaEditor.addLineDirectives([line: [diagnostic.code]], to: source.bytes, comments: comments)
        if !result.edits.isEmpty {
            out.append(Fix(
                title: "Suppress \(diagnostic.code) on this line", edits: [FileEdit(path: path, edits: result.edits)],
                applicability: .safe))
        }
        if let edit = NoqaEditor.fileDirective([diagnostic.code], in: source.bytes, comments: comments) {
            out.append(Fix(
                title: "Suppress \(diagnostic.code) in this file", edits: [FileEdit(path: path, edits: [edit])],
                applicability: .safe))
        }
        return out
    }

    /// The comments of a migration file or an `env.py` of the workspace.
    func comments(of path: String) -> [(line: Int, text: String)]? {
        if let file = migration(at: path)?.file { return file.comments }
        for environment in project.environments where environment.envPy?.path == path { return environment.envPy?.comments }
        return nil
    }
}
