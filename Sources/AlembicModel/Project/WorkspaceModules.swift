import Foundation
import PythonSyntax

/// Finds and folds module-level constants of Python modules inside the workspace, for
/// values such as OpenStack's `branch_labels = (cli.EXPAND_BRANCH,)`.
///
/// Modules are looked up under the given search roots (the config's directory,
/// `prepend_sys_path` entries, `src/` layouts) as `a/b/c.py` or `a/b/c/__init__.py`, parsed
/// once and cached. Nothing is executed.
public final class WorkspaceModules: @unchecked Sendable {
    private let roots: [String]
    private let lock = NSLock()
    private var cache: [String: ConstantFolder?] = [:]
    /// Modules being folded right now, to stop import cycles.
    private var inProgress: Set<String> = []
    /// Never read a module larger than this: constants live in small modules.
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

        let constants = load(module)

        lock.lock()
        cache[module] = constants
        inProgress.remove(module)
        lock.unlock()
        return constants?.constant(named: name)
    }

    private func load(_ module: String) -> ConstantFolder? {
        let relative = module.split(separator: ".").joined(separator: "/")
        let fm = FileManager.default
        for root in roots {
            for candidate in ["\(root)/\(relative).py", "\(root)/\(relative)/__init__.py"] {
                guard let attributes = try? fm.attributesOfItem(atPath: candidate),
                      (attributes[.type] as? FileAttributeType) == .typeRegular,
                      let size = attributes[.size] as? Int, size <= maxModuleBytes,
                      let data = fm.contents(atPath: candidate) else { continue }
                let parsed = parseModule([UInt8](data))
                let package = candidate.hasSuffix("/__init__.py")
                    ? module : module.split(separator: ".").dropLast().joined(separator: ".")
                var folder = ConstantFolder(resolver: resolver, modulePackage: package.isEmpty ? nil : package)
                for stmt in parsed.tree.body { folder.record(stmt) }
                return folder
            }
        }
        return nil
    }
}
