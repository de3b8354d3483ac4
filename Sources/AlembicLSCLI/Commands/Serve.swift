import ArgumentParser
import LanguageServer

/// `alembic-ls serve`: the language server over stdio.
struct Serve: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Run the language server over stdin/stdout (LSP 3.17).")

    @Flag(name: .long, help: "Use stdin/stdout (the default and only transport; accepted for editors that pass it).")
    var stdio = false

    @Option(name: .long, help: "Write the server's log to this file instead of stderr.")
    var logFile: String?

    @Option(name: .long, help: "Milliseconds to wait after an edit before re-analysing.")
    var debounceMs: Int = 5

    func run() throws {
        StdioServer.run(logFile: logFile, options: Session.Options(debounce: Double(max(debounceMs, 0)) / 1000))
    }
}
