import AlembicModel
import Foundation
import IDE
import Lint

extension Session {
    /// `initialize`: negotiates the position encoding, records the roots and settings and
    /// answers with the capabilities that are implemented.
    func initialize(_ params: LSP.InitializeParams) -> JSON {
        clientCapabilities = params.capabilities ?? .null
        let offered = clientCapabilities["general"]?["positionEncodings"]?.strings ?? []
        encoding = offered.contains("utf-8") ? .utf8 : .utf16
        watchesFiles = clientCapabilities["workspace"]?["didChangeWatchedFiles"]?["dynamicRegistration"]?.bool == true
        supportsProgress = clientCapabilities["window"]?["workDoneProgress"]?.bool == true
        editCapabilities = EditCapabilities(clientCapabilities)
        trace = params.trace ?? "off"
        var roots = (params.workspaceFolders ?? []).compactMap { URIPath.path(fromURI: $0.uri) }
        if roots.isEmpty, let uri = params.rootUri, let path = URIPath.path(fromURI: uri) { roots = [path] }
        if roots.isEmpty, let path = params.rootPath, !path.isEmpty { roots = [path] }
        host.setRoots(roots)
        applySettings(params.initializationOptions)
        state = .running
        log.log("initialize: roots \(roots), position encoding \(encoding.rawValue)")
        let capabilities: [String: JSON] = [
            "positionEncoding": .string(encoding.rawValue),
            "textDocumentSync": .object([
                "openClose": .bool(true), "change": .int(2), "save": .object(["includeText": .bool(false)]),
            ]),
            "hoverProvider": .bool(true),
            "definitionProvider": .bool(true),
            "referencesProvider": .bool(true),
            "completionProvider": .object(["triggerCharacters": .array([.string("'"), .string("\"")])]),
            "documentSymbolProvider": .bool(true),
            "workspaceSymbolProvider": .bool(true),
            "codeLensProvider": .object(["resolveProvider": .bool(false)]),
            "codeActionProvider": .object([
                "codeActionKinds": .array([.string("quickfix"), .string(Self.fixAllKind), .string(Self.guardAllKind)]), "resolveProvider": .bool(false),
            ]),
            "executeCommandProvider": .object(["commands": .array(ServerCommands.handlers.keys.sorted().map(JSON.string))]),
            "inlayHintProvider": .bool(true),
            "diagnosticProvider": .object([
                "identifier": .string("alembic-ls"), "interFileDependencies": .bool(true), "workspaceDiagnostics": .bool(true),
            ]),
            "workspace": .object([
                "workspaceFolders": .object(["supported": .bool(true), "changeNotifications": .bool(true)]),
            ]),
            "experimental": .object(["alembicLsGraph": .bool(true)]),
        ]
        return .object([
            "capabilities": .object(capabilities),
            "serverInfo": .object(["name": .string("alembic-ls"), "version": .string(ServerVersion.current)]),
        ])
    }

    /// `initialized`: registers file watching where the client allows it, then runs the first
    /// index (with progress where supported) and publishes its diagnostics.
    func initialized() {
        if watchesFiles {
            let watchers: [JSON] = ["**/*.py", "**/alembic.ini", "**/pyproject.toml", "**/*.ini"].map { .object(["globPattern": .string($0)]) }
            request("client/registerCapability", JSON.object(["registrations": .array([.object([
                "id": .string("alembic-ls-watch"), "method": .string("workspace/didChangeWatchedFiles"),
                "registerOptions": .object(["watchers": .array(watchers)]),
            ])])]))
        }
        let token = JSON.string("alembic-ls-index")
        if supportsProgress {
            request("window/workDoneProgress/create", JSON.object(["token": token]))
            notify("$/progress", JSON.object(["token": token, "value": .object([
                "kind": .string("begin"), "title": .string("alembic-ls: indexing migrations"), "cancellable": .bool(false),
            ])]))
        }
        let started = Date()
        analyzeAndPublish()
        let snapshot = host.snapshot
        let files = snapshot.project.environments.reduce(0) { $0 + $1.files.count }
        let message = "indexed \(snapshot.project.environments.count) environment(s), \(files) migration file(s) in \(Int(Date().timeIntervalSince(started) * 1000)) ms"
        if supportsProgress {
            notify("$/progress", JSON.object(["token": token, "value": .object(["kind": .string("end"), "message": .string(message)])]))
        }
        logMessage(message)
        refreshDatabases(force: true)
    }

    /// Settings from `initializationOptions` or `didChangeConfiguration`, with the keys of
    /// `[tool.alembic-ls]`, either at the top level or under `alembic-ls`. The lint keys
    /// replace the workspace's; the database keys override the workspace's one by one.
    func applySettings(_ value: JSON?) {
        guard let value, value != .null else { return }
        let section = value["alembic-ls"] ?? value
        applyDatabaseSettings(section)
        let select = section["select"]?.strings
        let ignore = section["ignore"]?.strings
        let extend = section["extend-select"]?.strings
        var perFile: [String: [String]]?
        if let table = section["per-file-ignores"]?.object {
            perFile = table.compactMapValues(\.strings)
        }
        let alembicVersion = section["alembic-version"]?.string
        let dialect = section["dialect"]?.string
        if select == nil && ignore == nil && extend == nil && perFile == nil && alembicVersion == nil && dialect == nil {
            host.setClientSettings(nil)
            return
        }
        let made = ClientSettings.make(
            select: select, ignore: ignore, extendSelect: extend, perFileIgnores: perFile, alembicVersion: alembicVersion,
            dialect: dialect)
        for problem in made.problems { logMessage("settings: \(problem)", type: 2) }
        host.setClientSettings(made.settings)
    }

    func didChangeConfiguration(_ params: LSP.DidChangeConfigurationParams) {
        applySettings(params.settings)
        scheduleAnalysis()
        refreshDatabases(force: true)
    }

    func didChangeWorkspaceFolders(_ params: LSP.DidChangeWorkspaceFoldersParams) {
        let removed = Set(params.event.removed.compactMap { URIPath.path(fromURI: $0.uri) })
        var roots = host.roots.filter { !removed.contains($0) }
        for folder in params.event.added {
            if let path = URIPath.path(fromURI: folder.uri), !roots.contains(path) { roots.append(path) }
        }
        host.setRoots(roots)
        scheduleAnalysis()
        refreshDatabases(force: false)
    }
}

/// The server's version, as `alembic-ls --version` prints it.
public enum ServerVersion {
    public static let current = "0.1.0"
}
