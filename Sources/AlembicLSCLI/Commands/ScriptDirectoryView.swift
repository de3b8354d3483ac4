import AlembicModel
import ArgumentParser
import Foundation

/// Renders revisions the way alembic's `Script.cmd_format` does, from static facts.
struct ScriptDirectoryView {
    let environment: EnvironmentAnalysis

    static func load(_ options: EnvironmentOptions, cwd: String) throws -> ScriptDirectoryView {
        let environment = try options.environment(cwd: cwd)
        if let fatal = environment.problems.first(where: { $0.severity == .error }) {
            throw CLIError(fatal.message)
        }
        var sources: [String: SourceFile] = [:]
        let analysis = ProjectLoader.analyze(environment, searchRoots: EnvironmentOptions.pythonPath(cwd: cwd) + [cwd], sources: &sources)
        // alembic cannot load a file it cannot import or read: say so, as it would fail.
        for file in analysis.files {
            if let error = file.readError { throw CLIError("\(file.path): \(error.message)") }
            if let error = file.syntaxErrors.first { throw CLIError("\(file.path): SyntaxError: \(error.message)") }
            if file.revisionID == nil, file.revision.isAbsent {
                let name = file.path.split(separator: "/").last.map(String.init) ?? file.path
                throw CLIError("Could not determine revision id from filename \(name). Be sure the 'revision' variable is declared inside the script (please see 'Upgrading from Alembic 0.1 to 0.2' in the documentation).")
            }
            if case let .unresolved(reason, _, _) = file.revision { throw CLIError("\(file.path): cannot read `revision` statically: \(reason)") }
            if case let .unresolved(reason, _, _) = file.downRevision { throw CLIError("\(file.path): cannot read `down_revision` statically: \(reason)") }
            if file.downRevision.isAbsent { throw CLIError("AttributeError: module '\(moduleName(file.path))' has no attribute 'down_revision'") }
        }
        for warning in analysis.graph.warnings {
            FileHandle.standardError.write(Data("UserWarning: \(warning)\n".utf8))
        }
        return ScriptDirectoryView(environment: analysis)
    }

    /// `FAILED: …` for errors alembic's CLI catches, the raw error otherwise; exit 1.
    static func failure(_ error: RevisionGraphError) -> Error {
        FileHandle.standardError.write(Data("FAILED: \(error.cliMessage ?? "\(error.className): \(error.message)")\n".utf8))
        return ExitCode(ExitStatus.findings)
    }

    private static func moduleName(_ path: String) -> String {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        return name.hasSuffix(".py") ? String(name.dropLast(3)) : name
    }

    func info(_ id: String) -> RevisionInfo? { environment.graph.revisionInfo(id) }

    func file(_ id: String) -> MigrationFile? { environment.file(for: id) }

    /// `Script.doc`.
    func doc(_ id: String) -> String { file(id)?.docstring?.message ?? "" }

    private func downText(_ info: RevisionInfo) -> String {
        info.downRevision.isTruthy ? info.downRevision.ids.joined(separator: ", ") : "<base>"
    }

    /// `Script._head_only`.
    func headOnly(_ id: String, includeBranches: Bool, includeDoc: Bool, includeParents: Bool, treeIndicators: Bool) -> String {
        guard let info = info(id) else { return id }
        var text = id
        if includeParents {
            text = info.dependsOn.isTruthy
                ? "\(downText(info)) (\(info.dependsOn.ids.joined(separator: ", "))) -> \(text)"
                : "\(downText(info)) -> \(text)"
        }
        if includeBranches && !info.branchLabels.isEmpty {
            text += " (\(info.branchLabels.joined(separator: ", ")))"
        }
        if info.isRealHead { text += " (head)" }
        if info.isHead && !info.isRealHead { text += " (effective head)" }
        if treeIndicators {
            if info.isBranchPoint { text += " (branchpoint)" }
            if info.isMergePoint { text += " (mergepoint)" }
        }
        if includeDoc { text += ", " + doc(id) }
        return text
    }

    /// `Script.log_entry` (without the trailing newline `print` adds).
    func logEntry(_ id: String) -> String {
        guard let info = info(id) else { return id }
        var entry = "Rev: \(id)" + (info.isHead ? " (head)" : "") + (info.isBranchPoint ? " (branchpoint)" : "")
            + (info.isMergePoint ? " (mergepoint)" : "") + "\n"
        entry += (info.isMergePoint ? "Merges: " : "Parent: ") + downText(info) + "\n"
        if info.dependsOn.isTruthy { entry += "Also depends on: \(info.dependsOn.ids.joined(separator: ", "))\n" }
        if info.isBranchPoint { entry += "Branches into: \(info.nextRevisions.joined(separator: ", "))\n" }
        if !info.branchLabels.isEmpty { entry += "Branch names: \(info.branchLabels.joined(separator: ", "))\n" }
        entry += "Path: \(file(id)?.path ?? "")\n"
        let longdoc = longDoc(id)
        let lines = longdoc.isEmpty ? [] : longdoc.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" })
        entry += "\n" + lines.map { "    " + $0 }.joined(separator: "\n") + "\n"
        return entry
    }

    /// `Script.longdoc`: the stripped module docstring.
    private func longDoc(_ id: String) -> String { file(id)?.docstring?.longDoc ?? "" }

    /// The `CommandError` text `ScriptDirectory._catch_revision_errors(start:end:)` gives.
    static func walkMessage(_ error: RevisionGraphError, start: String, end: String) -> String {
        switch error.kind {
        case .rangeNotAncestor:
            return "Requested range \(start):\(end) does not refer to ancestor/descendant revisions along the same branch"
        case .multipleHeads:
            return "Multiple head revisions are present for given argument '\(end)'; please specify a specific target revision, '<branchname>@\(end)' to narrow to a specific head, or 'heads' for all heads"
        case .resolution:
            return "Can't locate revision identified by '\(error.argument ?? "")'"
        default:
            return error.kind.isRevisionError ? error.message : "\(error.className): \(error.message)"
        }
    }
}
