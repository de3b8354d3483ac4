import Foundation
import PythonSyntax

/// Finds, parses and caches Python modules inside the workspace: module-level constants for
/// values such as OpenStack's `branch_labels = (cli.EXPAND_BRANCH,)`, and the parsed modules
/// the model index follows from env.py.
///
/// Modules are looked up under the given search roots (the config's directory,
/// `prepend_sys_path` entries, `src/` layouts) as `a/b/c.py` or `a/b/c/__init__.py`, parsed
/// once and cached by path. Nothing is executed.
public final class WorkspaceModules: @unchecked Sendable {
    /// The directories modules are looked up in, in order.
    public let roots: [String]
    private let lock = NSLock()
    private var cache: [String: ConstantFolder?] = [:]
    /// Parsed modules by path (nil: unreadable or too large).
    private var parsed: [String: WorkspaceModule?] = [:]
    /// Module name → path (nil: not in the workspace).
    private var located: [String: String?] = [:]
    /// Modules being folded right now, to stop import cycles.
    private var inProgress: Set<String> = []
    /// Never read a module larger than this: constants and models live in small modules.
    private let maxModuleBytes = 4 << 20

    public init(searchRoots: [String]) {
        var seen = Set<String>()
        roots = searchRoots.filter { seen.insert($0).inserted }
    }

    /// The resolver to hand to ``MigrationFactsExtractor``.
    public var resolver: ImportedConstantResolver {
        { [self] module, name in self.constant(module: module, name: name) }
    }

    func constant(module: String, name: String) -> FoldedValue? {
        lock.lock()
        if let cached = cache[module] {
            lock.unlock()
            return cached?.constant(named: name)
        }
        if inProgress.contains(module) {
            lock.unlock()
            return nil
        }
        inProgress.insert(module)
        lock.unlock()

        var constants: ConstantFolder?
        if let source = self.module(named: module) {
            var folder = ConstantFolder(resolver: resolver, modulePackage: source.package)
            for stmt in source.parsed.tree.body { folder.record(stmt) }
            constants = folder
        }

        lock.lock()
        cache[module] = constants
        inProgress.remove(module)
        lock.unlock()
        return constants?.constant(named: name)
    }

    /// The path of module `name` (`a.b.c` → `<root>/a/b/c.py` or `<root>/a/b/c/__init__.py`)
    /// under the first root that has it; nil when no root does.
    public func path(ofModule name: String) -> String? {
        lock.lock()
        if let known = located[name] {
            lock.unlock()
            return known
        }
        lock.unlock()
        var found: String?
        let parts = name.split(separator: ".", omittingEmptySubsequences: false)
        if !parts.isEmpty, parts.allSatisfy({ !$0.isEmpty }) {
            let relative = parts.joined(separator: "/")
            search: for root in roots {
                for candidate in ["\(root)/\(relative).py", "\(root)/\(relative)/__init__.py"] where FileSystemProbe.isFile(candidate) {
                    found = candidate
                    break search
                }
            }
        }
        lock.lock()
        located[name] = found
        lock.unlock()
        return found
    }

    /// Module `name`, parsed; nil when it is not in the workspace or cannot be read.
    public func module(named name: String) -> WorkspaceModule? {
        guard let path = path(ofModule: name) else { return nil }
        return module(atPath: path, name: name)
    }

    /// The module at `path`, parsed, under `name` (nil: the name derived from the roots).
    public func module(atPath path: String, name: String? = nil) -> WorkspaceModule? {
        lock.lock()
        if let cached = parsed[path] {
            lock.unlock()
            return cached.map { module in name.map { module.renamed($0) } ?? module }
        }
        lock.unlock()
        var module: WorkspaceModule?
        if let moduleName = name ?? moduleName(ofPath: path),
           case let .success(bytes) = FileSystemProbe.readFile(path, limit: maxModuleBytes),
           SourceReader.decodingProblem(bytes) == nil {
            module = WorkspaceModule(path: path, name: moduleName, bytes: bytes, parsed: parseModule(bytes))
        }
        lock.lock()
        if let cached = parsed[path] {
            lock.unlock()
            return cached
        }
        parsed[path] = module
        lock.unlock()
        return module
    }

    /// The dotted module name of a `.py` file under the first root containing it
    /// (`<root>/a/b/__init__.py` → `a.b`), nil outside every root.
    public func moduleName(ofPath path: String) -> String? {
        guard path.hasSuffix(".py") else { return nil }
        for root in roots {
            let prefix = root.hasSuffix("/") ? root : root + "/"
            guard path.hasPrefix(prefix) else { continue }
            var parts = path.dropFirst(prefix.count).dropLast(3).split(separator: "/").map(String.init)
            if parts.last == "__init__" { parts.removeLast() }
            guard !parts.isEmpty, parts.allSatisfy(Self.isIdentifier) else { continue }
            return parts.joined(separator: ".")
        }
        return nil
    }

    static func isIdentifier(_ text: String) -> Bool {
        guard let first = text.utf8.first, !(first >= UInt8(ascii: "0") && first <= UInt8(ascii: "9")) else { return false }
        return text.utf8.allSatisfy { byte in
            byte == UInt8(ascii: "_") || byte >= 0x80 || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
                || (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
        }
    }
}

/// A Python module of the workspace, read and parsed.
public struct WorkspaceModule: Sendable {
    /// The file.
    public var path: String
    /// Its dotted name as imported (`src.api.utils.models`).
    public var name: String
    /// The file's bytes.
    public var bytes: [UInt8]
    /// The parse.
    public var parsed: ParsedModule

    /// True for a package's `__init__.py`.
    public var isPackage: Bool { path.hasSuffix("/__init__.py") }

    /// The package relative imports start from: the module itself for a package, else its parent.
    public var package: String? {
        let package = isPackage ? name : name.split(separator: ".").dropLast().joined(separator: ".")
        return package.isEmpty ? nil : package
    }

    func renamed(_ name: String) -> WorkspaceModule {
        var copy = self
        copy.name = name
        return copy
    }
}
