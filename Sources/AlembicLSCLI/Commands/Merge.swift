import AlembicModel
import ArgumentParser
import Foundation

/// `alembic-ls merge`: writes the merge migration `alembic merge` would write, rendered from
/// the environment's `script.py.mako` without running Python.
struct Merge: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Merge two or more revisions into a new migration file (like `alembic merge`).")

    @OptionGroup var environmentOptions: EnvironmentOptions

    @Option(name: [.customShort("m"), .long], help: "Message string to use with 'revision'.")
    var message: String?

    @Option(name: .long, help: "Specify a branch label to apply to the new revision.")
    var branchLabel: String?

    @Option(name: .long, help: "Specify a hardcoded revision id instead of generating one.")
    var revId: String?

    @Flag(name: .long, help: "Allow a non-head revision as the 'head' to splice onto.")
    var splice = false

    @Option(name: .long, help: .hidden)
    var date: String?

    @Argument(help: "One or more revisions, or 'heads' for all heads.")
    var revisions: [String] = []

    func validate() throws {
        if revisions.isEmpty { throw ValidationError("the following arguments are required: revisions") }
    }

    func run() throws {
        let cwd = FileManager.default.currentDirectoryPath
        let analysis = try ScriptDirectoryView.load(environmentOptions, cwd: cwd).environment
        var request = MergeRequest(
            revisions: revisions, message: message, revisionID: revId, branchLabels: branchLabel.map { [$0] } ?? [],
            splice: splice)
        if let date {
            guard let parsed = Self.parseDate(date) else { throw CLIError("--date: not an ISO 8601 date-time: \(date)") }
            request.date = parsed
        }
        let plan: PlannedMigration
        switch MergeMigration.planReadingTemplate(request, environment: analysis) {
        case .success(let value): plan = value
        case .failure(let error): throw Self.failed(error)
        }
        for note in plan.notes { FileHandle.standardError.write(Data("note: \(note)\n".utf8)) }
        switch MigrationFileWriter.write(plan) {
        case .success(let created):
            for directory in created { print("Creating directory \(directory) ...  done") }
            print("Generating \(plan.path) ...  done")
        case .failure(let error):
            print("Generating \(plan.path) ...  FAILED")
            throw Self.failed(error)
        }
    }

    /// `FAILED: …` on stderr and exit status 1, as alembic reports a `CommandError`.
    private static func failed(_ error: MergeError) -> Error {
        FileHandle.standardError.write(Data("FAILED: \(error.message)\n".utf8))
        return ExitCode(ExitStatus.findings)
    }

    /// An ISO 8601 date-time with up to microsecond precision (`ISO8601DateFormatter` keeps
    /// only milliseconds, so the fraction is parsed separately).
    private static func parseDate(_ text: String) -> Date? {
        var scalars = Array(text.unicodeScalars)
        var fraction = 0.0
        if let dot = scalars.firstIndex(of: "."), scalars.contains("T") {
            let digits = scalars[(dot + 1)...].prefix(while: { ("0"..."9").contains($0) })
            fraction = Double("0." + String(String.UnicodeScalarView(digits))) ?? 0
            scalars.removeSubrange(dot..<(dot + 1 + digits.count))
        }
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.date(from: String(String.UnicodeScalarView(scalars)))?.addingTimeInterval(fraction)
    }
}
