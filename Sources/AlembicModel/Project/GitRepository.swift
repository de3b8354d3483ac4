import Foundation

/// A failure talking to git, phrased for the user (`check --base` exits with 2 on it).
public struct GitError: Error, Sendable, CustomStringConvertible {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}

/// Read-only access to a git repository through the `git` executable: refs, trees and blobs
/// of other commits are read with `git rev-parse`, `git ls-tree` and `git cat-file` — the
/// working tree is never checked out or changed.
public struct GitRepository: Sendable {
    /// The absolute path of the working tree's top level.
    public let toplevel: String

    /// Blobs larger than this at the base are refused (a generated or binary file).
    public static let maxBlobBytes = SourceReader.maxFileBytes

    /// The repository containing `directory`, or an error when it is not in one (or git is
    /// not installed).
    public static func open(at directory: String) throws(GitError) -> GitRepository {
        let result = try run(["rev-parse", "--show-toplevel"], in: directory)
        guard result.status == 0 else {
            throw GitError("\(directory) is not inside a git repository (`--base` compares with a git ref)")
        }
        let top = String(decoding: result.stdout, as: UTF8.self).trimmingCharacters(in: .newlines)
        return GitRepository(toplevel: URL(fileURLWithPath: top).standardizedFileURL.path)
    }

    /// The commit `ref` names. A ref that does not resolve is an error; in a shallow clone
    /// the message says how to fetch the history.
    public func commit(_ ref: String) throws(GitError) -> String {
        guard !ref.hasPrefix("-") else { throw GitError("invalid git ref '\(ref)'") }
        let result = try git(["rev-parse", "--verify", "--quiet", "--end-of-options", ref + "^{commit}"])
        if result.status == 0 { return text(result.stdout) }
        if isShallow {
            throw GitError("git ref '\(ref)' is not in this shallow clone; fetch it (`git fetch --unshallow`, or `fetch-depth: 0` in actions/checkout)")
        }
        throw GitError("git ref '\(ref)' does not exist (fetch it first, e.g. `git fetch origin main`)")
    }

    /// The best common ancestor of two commits; an error when there is none in the history
    /// available (unrelated histories, or a shallow clone cut above it).
    public func mergeBase(_ a: String, _ b: String) throws(GitError) -> String {
        let result = try git(["merge-base", a, b])
        if result.status == 0 { return text(result.stdout) }
        if isShallow {
            throw GitError("the common ancestor of \(a.prefix(12)) and \(b.prefix(12)) is not in this shallow clone; fetch more history (`git fetch --unshallow`, or `fetch-depth: 0` in actions/checkout)")
        }
        throw GitError("commits \(a.prefix(12)) and \(b.prefix(12)) have no common ancestor")
    }

    /// Whether the repository is a shallow clone.
    public var isShallow: Bool {
        guard let result = try? git(["rev-parse", "--is-shallow-repository"]) else { return false }
        return text(result.stdout) == "true"
    }

    /// One file of a tree: its path relative to the top level, its blob id and its size.
    public struct TreeEntry: Hashable, Sendable {
        public var path: String
        public var object: String
        public var size: Int
    }

    /// The blobs under `directory` (relative to the top level; empty for the whole tree) at
    /// `commit`, recursively. A directory missing at that commit yields no entries.
    public func files(at commit: String, under directory: String) throws(GitError) -> [TreeEntry] {
        var arguments = ["ls-tree", "-r", "-z", "--long", "--full-tree", commit]
        if !directory.isEmpty { arguments += ["--", directory.hasSuffix("/") ? directory : directory + "/"] }
        let result = try git(arguments)
        guard result.status == 0 else { throw GitError("git ls-tree failed: \(text(result.stderr))") }
        var entries: [TreeEntry] = []
        // "<mode> SP <type> SP <object> SP+ <size> TAB <path> NUL"
        for record in result.stdout.split(separator: 0) {
            guard let tab = record.firstIndex(of: 0x09) else { continue }
            let fields = record[record.startIndex ..< tab].split(separator: 0x20)
            guard fields.count == 4, fields[1].elementsEqual("blob".utf8) else { continue }
            let size = Int(String(decoding: fields[3], as: UTF8.self)) ?? 0
            entries.append(TreeEntry(
                path: String(decoding: record[(tab + 1)...], as: UTF8.self), object: String(decoding: fields[2], as: UTF8.self), size: size))
        }
        return entries
    }

    /// The contents of `entries` at `commit`, in order, read by one `git cat-file --batch`
    /// process; blobs over ``maxBlobBytes`` are refused before anything is read.
    public func contents(of entries: [TreeEntry], at commit: String) throws(GitError) -> [[UInt8]] {
        for entry in entries where entry.size > Self.maxBlobBytes {
            throw GitError("\(entry.path) at \(commit.prefix(12)) is \(entry.size) bytes, larger than the \(Self.maxBlobBytes >> 20) MiB limit; it is not a migration")
        }
        // Requests name blob ids (resolving `commit:path` walks the tree for every file).
        let requests = entries.map { "\($0.object)\n" }.joined()
        let result = try Self.run(["-C", toplevel, "cat-file", "--batch"], in: toplevel, input: Data(requests.utf8))
        guard result.status == 0 else { throw GitError("git cat-file failed: \(text(result.stderr))") }
        var out: [[UInt8]] = []
        out.reserveCapacity(entries.count)
        let bytes = result.stdout
        var position = 0
        for entry in entries {
            // "<oid> SP <type> SP <size> LF <contents> LF", or "<request> SP missing LF".
            guard let newline = bytes[position...].firstIndex(of: 0x0A) else {
                throw GitError("git cat-file ended early while reading \(entry.path)")
            }
            let header = bytes[position ..< newline].split(separator: 0x20)
            guard header.count == 3, header[1].elementsEqual("blob".utf8),
                  let size = Int(String(decoding: header[2], as: UTF8.self)), newline + 1 + size <= bytes.count else {
                throw GitError("cannot read \(entry.path) at \(commit.prefix(12)): \(String(decoding: bytes[position ..< newline], as: UTF8.self))")
            }
            out.append(Array(bytes[newline + 1 ..< newline + 1 + size]))
            position = newline + 1 + size + 1
        }
        return out
    }

    /// Paths (relative to the top level) of the files that differ between `commit` and the
    /// working tree (committed, staged or not), plus untracked files that are not ignored.
    public func changedFiles(since commit: String) throws(GitError) -> Set<String> {
        let diff = try git(["diff", "--name-only", "-z", "--no-renames", commit, "--"])
        guard diff.status == 0 else { throw GitError("git diff failed: \(text(diff.stderr))") }
        let untracked = try git(["ls-files", "-z", "--others", "--exclude-standard", "--full-name"])
        guard untracked.status == 0 else { throw GitError("git ls-files failed: \(text(untracked.stderr))") }
        var out = Set<String>()
        for record in diff.stdout.split(separator: 0) + untracked.stdout.split(separator: 0) {
            out.insert(String(decoding: record, as: UTF8.self))
        }
        return out
    }

    /// `path` relative to the top level, or nil when it is outside the repository.
    /// Symbolic links in `path` are resolved when needed (git reports the top level resolved).
    public func relativePath(_ path: String) -> String? {
        let prefix = toplevel.hasSuffix("/") ? toplevel : toplevel + "/"
        for candidate in [URL(fileURLWithPath: path).standardizedFileURL, URL(fileURLWithPath: path).resolvingSymlinksInPath()] {
            let absolute = candidate.path
            if absolute == toplevel { return "" }
            if absolute.hasPrefix(prefix) { return String(absolute.dropFirst(prefix.count)) }
        }
        return nil
    }

    struct Output {
        var status: Int32
        var stdout: [UInt8]
        var stderr: [UInt8]
    }

    private func git(_ arguments: [String]) throws(GitError) -> Output {
        try Self.run(["-C", toplevel] + arguments, in: toplevel)
    }

    private func text(_ bytes: [UInt8]) -> String {
        String(decoding: bytes, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Runs git without a terminal prompt, reading both pipes concurrently.
    static func run(_ arguments: [String], in directory: String, input: Data? = nil) throws(GitError) -> Output {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git"] + arguments
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        var environment = ProcessInfo.processInfo.environment
        environment["GIT_TERMINAL_PROMPT"] = "0"
        environment["LC_ALL"] = "C"
        environment["GIT_OPTIONAL_LOCKS"] = "0"
        process.environment = environment
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        let inputPipe = Pipe()
        process.standardInput = input == nil ? FileHandle.nullDevice : inputPipe
        do { try process.run() } catch { throw GitError("cannot run git: \(error.localizedDescription)") }
        if let input {
            // Written from another thread: git answers while it reads, and a full stdout pipe
            // would otherwise block both sides.
            let writer = inputPipe.fileHandleForWriting
            DispatchQueue.global().async {
                try? writer.write(contentsOf: input)
                try? writer.close()
            }
        }
        let errorData = ErrorBuffer()
        let group = DispatchGroup()
        group.enter()
        DispatchQueue.global().async {
            errorData.set(err.fileHandleForReading.readDataToEndOfFile())
            group.leave()
        }
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        group.wait()
        if process.terminationStatus == 127 { throw GitError("git is not installed (`--base` needs it)") }
        return Output(status: process.terminationStatus, stdout: [UInt8](outData), stderr: [UInt8](errorData.get()))
    }

    /// stderr bytes filled by the reading thread, read after it finished.
    private final class ErrorBuffer: @unchecked Sendable {
        private var data = Data()
        private let lock = NSLock()
        func set(_ value: Data) { lock.lock(); data = value; lock.unlock() }
        func get() -> Data { lock.lock(); defer { lock.unlock() }; return data }
    }
}
