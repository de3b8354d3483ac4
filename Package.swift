// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "alembic-ls",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "alembic-ls", targets: ["alembic-ls"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/LebJe/TOMLKit", from: "0.6.0"),
    ],
    targets: [
        // Layer 0: byte offsets, ranges, line index, edits. No dependencies.
        .target(name: "TextCore"),
        // Layer 1: Python lexer and tolerant parser. Knows nothing of Alembic.
        .target(name: "PythonSyntax", dependencies: ["TextCore"]),
        // Layer 2: configuration discovery, migration facts, revision graph.
        .target(
            name: "AlembicModel",
            dependencies: ["TextCore", "PythonSyntax", .product(name: "TOMLKit", package: "TOMLKit")]
        ),
        // The only code touching C: SQLite and PostgreSQL client libraries from Debian, behind
        // one read-only introspection interface that yields AlembicModel's plain schema values.
        .systemLibrary(name: "CSQLite", pkgConfig: "sqlite3", providers: [.apt(["libsqlite3-dev"])]),
        .systemLibrary(name: "CLibPQ", pkgConfig: "libpq", providers: [.apt(["libpq-dev"])]),
        .target(name: "DatabaseIntrospection", dependencies: ["AlembicModel", "CSQLite", "CLibPQ"]),
        // Layer 3: rules (pure functions of the model), diagnostics, suppressions, settings.
        .target(
            name: "Lint",
            dependencies: ["TextCore", "PythonSyntax", "AlembicModel", .product(name: "TOMLKit", package: "TOMLKit")]
        ),
        // Layer 4: editor features over an analysis snapshot, in byte offsets; no LSP types.
        .target(name: "IDE", dependencies: ["TextCore", "PythonSyntax", "AlembicModel", "Lint", "DatabaseIntrospection"]),
        // Layer 4b: JSON-RPC framing, hand-written LSP types, dispatch, document store.
        .target(name: "LanguageServer", dependencies: ["TextCore", "AlembicModel", "Lint", "IDE"]),
        // Layer 5: the command-line front end (check, heads, history, rules, debug ...).
        .target(
            name: "AlembicLSCLI",
            dependencies: [
                "TextCore", "PythonSyntax", "AlembicModel", "DatabaseIntrospection", "Lint", "IDE", "LanguageServer",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(name: "alembic-ls", dependencies: ["AlembicLSCLI"]),
        .executableTarget(
            name: "alembic-ls-bench",
            dependencies: ["TextCore", "PythonSyntax", "AlembicModel", "Lint", "AlembicLSCLI", "LanguageServer"]
        ),
        // Fixtures shared by the test targets (temporary Alembic projects with position markers).
        .target(name: "TestSupport", dependencies: ["AlembicModel"], path: "Tests/TestSupport"),
        .testTarget(name: "TextCoreTests", dependencies: ["TextCore"]),
        .testTarget(name: "PythonSyntaxTests", dependencies: ["PythonSyntax", "TextCore"], exclude: ["Oracle"]),
        .testTarget(
            name: "AlembicModelTests", dependencies: ["AlembicModel", "PythonSyntax", "TextCore"], exclude: ["Oracle"]),
        .testTarget(name: "DatabaseIntrospectionTests", dependencies: ["DatabaseIntrospection", "AlembicModel", "CSQLite", "CLibPQ"]),
        .testTarget(name: "LintTests", dependencies: ["Lint", "AlembicModel", "TextCore", "TestSupport"]),
        .testTarget(name: "IDETests", dependencies: ["IDE", "Lint", "AlembicModel", "TextCore", "TestSupport"]),
        .testTarget(name: "LanguageServerTests", dependencies: ["LanguageServer", "IDE", "TextCore", "TestSupport"]),
        .testTarget(
            name: "AlembicLSCLITests", dependencies: ["AlembicLSCLI", "Lint", "AlembicModel"],
            exclude: ["Oracle", "__Snapshots__"]),
    ],
    swiftLanguageModes: [.v6]
)
