import ArgumentParser

/// The `alembic-ls` root command.
public struct AlembicLS: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "alembic-ls",
        abstract: "A language server and CI checker for Alembic migrations.",
        subcommands: []
    )

    public init() {}
}
