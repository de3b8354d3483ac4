import Foundation
import TOMLKit

/// Finds what a project declares about a package (Alembic, SQLAlchemy) without running
/// anything: lock files first (they pin the version that is installed), then requirement
/// files and `pyproject.toml` (the lowest version they allow).
///
/// Looked at, nearest directory first, from the environment's directory up to the workspace
/// root: `uv.lock`, `poetry.lock`, `pdm.lock`, `Pipfile.lock`, `requirements*.txt`,
/// `requirements/*.txt`, `pyproject.toml` (`[project] dependencies`, optional dependencies,
/// `[dependency-groups]`, `[tool.poetry.*dependencies]`).
public enum DependencyScanner {
    /// The declaration of `package` closest to `directory`, searching parents up to `root`
    /// (inclusive; the filesystem root when nil).
    public static func requirement(
        for package: String, from directory: String, upTo root: String?
    ) -> DependencyRequirement? {
        let name = normalized(package)
        var current = directory
        var seen = Set<String>()
        while seen.insert(current).inserted {
            if let found = requirement(for: name, in: current) { return found }
            if let root, current == root || !current.hasPrefix(root) { return nil }
            let parent = PythonPath.parent(current)
            if parent == current { return nil }
            current = parent
        }
        return nil
    }

    /// The declaration of `package` (normalised) in the files of one directory.
    static func requirement(for package: String, in directory: String) -> DependencyRequirement? {
        for lock in ["uv.lock", "poetry.lock", "pdm.lock"] {
            let path = PythonPath.join(directory, lock)
            if let text = readText(path), let found = lockedPackage(package, tomlLock: text, path: path) { return found }
        }
        let pipfile = PythonPath.join(directory, "Pipfile.lock")
        if let text = readText(pipfile), let found = lockedPackage(package, pipfileLock: text, path: pipfile) {
            return found
        }
        for path in requirementFiles(in: directory) {
            if let text = readText(path), let found = requirement(package, requirementsText: text, path: path) {
                return found
            }
        }
        let pyproject = PythonPath.join(directory, "pyproject.toml")
        if let text = readText(pyproject), let found = requirement(package, pyproject: text, path: pyproject) {
            return found
        }
        return nil
    }

    /// PEP 503 normalisation: lower case, runs of `-`, `_`, `.` become `-`.
    public static func normalized(_ name: some StringProtocol) -> String {
        var out = ""
        var lastWasSeparator = false
        for scalar in name.unicodeScalars {
            if scalar == "-" || scalar == "_" || scalar == "." {
                if !lastWasSeparator { out.append("-") }
                lastWasSeparator = true
            } else {
                out.unicodeScalars.append(contentsOf: String(scalar).lowercased().unicodeScalars)
                lastWasSeparator = false
            }
        }
        return out
    }

    // MARK: Requirement lines (requirements.txt, PEP 508 strings)

    /// The first requirement line for `package` in a requirements file.
    static func requirement(_ package: String, requirementsText text: String, path: String) -> DependencyRequirement? {
        for (index, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            var line = Substring(rawLine)
            if let hash = line.firstIndex(of: "#") { line = line[..<hash] }
            let trimmed = String(line).trimmingPythonSpace()
            guard !trimmed.isEmpty, !trimmed.hasPrefix("-") else { continue }
            if let found = requirement(package, pep508: trimmed, path: path, line: index + 1) { return found }
        }
        return nil
    }

    /// Parses one PEP 508 requirement (`alembic[tz]>=1.12,<2 ; python_version >= "3.9"`)
    /// when it names `package`.
    static func requirement(_ package: String, pep508 text: String, path: String, line: Int) -> DependencyRequirement? {
        var spec = Substring(text)
        if let semicolon = spec.firstIndex(of: ";") { spec = spec[..<semicolon] }
        let nameEnd = spec.firstIndex(where: { !($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" || $0 == ".") })
            ?? spec.endIndex
        guard normalized(spec[..<nameEnd]) == package else { return nil }
        var rest = spec[nameEnd...]
        if rest.hasPrefix("["), let close = rest.firstIndex(of: "]") { rest = rest[rest.index(after: close)...] }
        var specifier = String(rest).trimmingPythonSpace()
        if specifier.hasPrefix("("), specifier.hasSuffix(")") { specifier = String(specifier.dropFirst().dropLast()) }
        if specifier.hasPrefix("@") { specifier = "" }  // a direct URL reference: version unknown
        return DependencyRequirement.parse(package: package, specifier: specifier, file: path, line: line)
    }

    // MARK: pyproject.toml

    static func requirement(_ package: String, pyproject text: String, path: String) -> DependencyRequirement? {
        guard let table = try? TOMLTable(string: text) else { return nil }
        var pep508: [String] = []
        if let project = table["project"]?.table {
            pep508 += strings(project["dependencies"])
            if let optional = project["optional-dependencies"]?.table {
                for key in optional.keys { pep508 += strings(optional[key]) }
            }
        }
        if let groups = table["dependency-groups"]?.table {
            for key in groups.keys { pep508 += strings(groups[key]) }
        }
        for entry in pep508 {
            if let found = requirement(package, pep508: entry, path: path, line: line(of: package, in: text)) {
                return found
            }
        }
        guard let poetry = table["tool"]?.table?["poetry"]?.table else { return nil }
        var tables: [TOMLTable] = []
        if let main = poetry["dependencies"]?.table { tables.append(main) }
        if let dev = poetry["dev-dependencies"]?.table { tables.append(dev) }
        if let groups = poetry["group"]?.table {
            for key in groups.keys {
                if let deps = groups[key]?.table?["dependencies"]?.table { tables.append(deps) }
            }
        }
        for deps in tables {
            for key in deps.keys where normalized(key) == package {
                let value = deps[key]
                let constraint = value?.string ?? value?.table?["version"]?.string ?? ""
                return DependencyRequirement.parse(
                    package: package, specifier: constraint, file: path, line: line(of: key, in: text))
            }
        }
        return nil
    }

    // MARK: Lock files

    /// `[[package]] name = "…" version = "…"` (uv, Poetry, PDM).
    static func lockedPackage(_ package: String, tomlLock text: String, path: String) -> DependencyRequirement? {
        guard let table = try? TOMLTable(string: text), let packages = table["package"]?.array else { return nil }
        for item in packages {
            guard let entry = item.table, let name = entry["name"]?.string, normalized(name) == package,
                let version = entry["version"]?.string
            else { continue }
            return DependencyRequirement(
                package: package, specifier: "==" + version, exact: PackageVersion(version),
                minimum: PackageVersion(version), file: path, line: line(of: "name = \"\(name)\"", in: text))
        }
        return nil
    }

    /// `{"default": {"alembic": {"version": "==1.13.2"}}}` (Pipenv).
    static func lockedPackage(_ package: String, pipfileLock text: String, path: String) -> DependencyRequirement? {
        guard let data = text.data(using: .utf8),
            let root = try? JSONSerialization.jsonObject(with: data) as? [String: Any]
        else { return nil }
        for section in ["default", "develop"] {
            guard let packages = root[section] as? [String: Any] else { continue }
            for (name, value) in packages where normalized(name) == package {
                guard let info = value as? [String: Any], let version = info["version"] as? String else { continue }
                return DependencyRequirement.parse(
                    package: package, specifier: version, file: path, line: line(of: "\"\(name)\"", in: text))
            }
        }
        return nil
    }

    // MARK: Helpers

    private static func requirementFiles(in directory: String) -> [String] {
        var files: [String] = []
        if case let .entries(entries) = FileSystemProbe.list(directory) {
            files += entries.map(\.name).filter { $0.hasPrefix("requirements") && $0.hasSuffix(".txt") }.sorted()
                .map { PythonPath.join(directory, $0) }
        }
        let folder = PythonPath.join(directory, "requirements")
        if case let .entries(entries) = FileSystemProbe.list(folder) {
            files += entries.map(\.name).filter { $0.hasSuffix(".txt") }.sorted().map { PythonPath.join(folder, $0) }
        }
        return files
    }

    private static func strings(_ value: (any TOMLValueConvertible)?) -> [String] {
        guard let array = value?.array else { return [] }
        return array.compactMap { $0.string }
    }

    /// The 1-based line of the first occurrence of `needle`, or 0.
    private static func line(of needle: String, in text: String) -> Int {
        guard let range = text.range(of: needle) else { return 0 }
        return text[..<range.lowerBound].reduce(1) { $1 == "\n" ? $0 + 1 : $0 }
    }

    private static func readText(_ path: String) -> String? {
        guard FileSystemProbe.isFile(path), case let .success(bytes) = FileSystemProbe.readFile(path) else { return nil }
        return String(decoding: bytes, as: UTF8.self)
    }
}
