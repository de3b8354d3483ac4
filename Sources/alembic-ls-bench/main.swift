import AlembicModel
import Foundation
import Lint
import PythonSyntax

// Release-mode benchmarks (`swift run -c release alembic-ls-bench`):
//   1. lexer + parser throughput over every .py file of a Python standard library;
//   2. `alembic-ls check` on a generated 10,000-revision tree with branches and merges,
//      beside `alembic heads` on the same tree, in the same run.
// Options: --stdlib DIR, --python PATH (for `alembic heads`), --revisions N, --runs N.
// `--lsp` runs the language-server benchmark instead (see LanguageServerBench); `--edit-phases`
// breaks one edit's cost down by phase, in process (see EditPhasesBench); `--schema` builds the
// schema timeline of a tree with ~20 operations per revision (see SchemaTimelineBench).

struct Options {
    var stdlib: String?
    var python: String?
    var revisions = 10_000
    var runs = 5
    /// Write the generated tree here and keep it (for profiling), instead of a temporary directory.
    var tree: String?

    init(_ args: [String]) {
        var i = 0
        while i < args.count {
            let value: String? = i + 1 < args.count ? args[i + 1] : nil
            switch args[i] {
            case "--stdlib": stdlib = value; i += 1
            case "--python": python = value; i += 1
            case "--revisions": revisions = value.flatMap { Int($0) } ?? revisions; i += 1
            case "--runs": runs = value.flatMap { Int($0) } ?? runs; i += 1
            case "--tree": tree = value; i += 1
            default: break
            }
            i += 1
        }
    }
}

func now() -> Double { Double(DispatchTime.now().uptimeNanoseconds) / 1e9 }

func median(_ values: [Double]) -> Double {
    let sorted = values.sorted()
    return sorted.isEmpty ? 0 : sorted[sorted.count / 2]
}

/// Runs a command and returns its exit status and standard output. Uses `posix_spawn` and
/// `waitpid` directly: Foundation's `Process` adds tens of milliseconds of its own on Linux,
/// which would be charged to the command being measured.
@discardableResult
func shell(_ executable: String, _ args: [String], cwd: String? = nil) -> (status: Int32, out: String) {
    var pipeFDs: [Int32] = [0, 0]
    guard pipe(&pipeFDs) == 0 else { return (127, "") }
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_adddup2(&actions, pipeFDs[1], 1)
    posix_spawn_file_actions_addclose(&actions, pipeFDs[0])
    posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
    let argv = ([executable] + args).map { strdup($0) } + [nil]
    defer { argv.forEach { free($0) } }
    var pid: pid_t = 0
    // The child inherits the working directory; the benchmark is single-threaded here.
    let previous = FileManager.default.currentDirectoryPath
    if let cwd { _ = FileManager.default.changeCurrentDirectoryPath(cwd) }
    let spawned = posix_spawn(&pid, executable, &actions, nil, argv, environ)
    _ = FileManager.default.changeCurrentDirectoryPath(previous)
    close(pipeFDs[1])
    guard spawned == 0 else { close(pipeFDs[0]); return (127, "") }
    var output: [UInt8] = []
    var buffer = [UInt8](repeating: 0, count: 65536)
    while true {
        let n = buffer.withUnsafeMutableBytes { read(pipeFDs[0], $0.baseAddress, 65536) }
        if n <= 0 { break }
        output.append(contentsOf: buffer[0 ..< n])
    }
    close(pipeFDs[0])
    var status: Int32 = 0
    waitpid(pid, &status, 0)
    return ((status >> 8) & 0xFF, String(decoding: output, as: UTF8.self))
}

var options = Options(Array(CommandLine.arguments.dropFirst()))
if CommandLine.arguments.contains("--lsp") {
    LanguageServerBench.run(revisions: options.revisions, edits: 200, treePath: options.tree)
    exit(0)
}
if CommandLine.arguments.contains("--schema") {
    SchemaTimelineBench.run(revisions: options.revisions, runs: options.runs, treePath: options.tree)
    exit(0)
}
if CommandLine.arguments.contains("--edit-phases") {
    EditPhasesBench.run(revisions: options.revisions, edits: 40, treePath: options.tree)
    exit(0)
}
let repo = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
let python = options.python ?? ProcessInfo.processInfo.environment["ALEMBIC_LS_PYTHON"] ?? repo.appendingPathComponent(".venv/bin/python").path
#if DEBUG
print("warning: this is a debug build; benchmark figures are only meaningful with -c release")
#endif

// 1. Parser throughput.
let stdlib = options.stdlib ?? shell(python, ["-c", "import sysconfig; print(sysconfig.get_paths()['stdlib'])"]).out
    .trimmingCharacters(in: .whitespacesAndNewlines)
var sources: [[UInt8]] = []
if let walker = FileManager.default.enumerator(atPath: stdlib) {
    while let relative = walker.nextObject() as? String {
        guard relative.hasSuffix(".py"), !relative.contains("site-packages/") else { continue }
        if let data = FileManager.default.contents(atPath: stdlib + "/" + relative) { sources.append([UInt8](data)) }
    }
}
let totalBytes = sources.reduce(0) { $0 + $1.count }
print("| benchmark | value |")
print("|---|---|")
if totalBytes > 0 {
    var times: [Double] = []
    var errors = 0
    for _ in 0 ..< options.runs {
        errors = 0
        let start = now()
        for source in sources { errors += parseModule(source).errors.isEmpty ? 0 : 1 }
        times.append(now() - start)
    }
    let best = times.min() ?? 1
    print("| parse stdlib (\(sources.count) files, \(String(format: "%.1f", Double(totalBytes) / 1e6)) MB), best of \(options.runs) | \(String(format: "%.0f", Double(totalBytes) / 1e6 / best)) MB/s (\(String(format: "%.0f", best * 1000)) ms; median \(String(format: "%.0f", Double(totalBytes) / 1e6 / median(times))) MB/s; \(errors) files with errors) |")
} else {
    print("| parse stdlib | skipped: no standard library found at '\(stdlib)' (pass --stdlib) |")
}

// 2. check on a generated tree vs alembic heads.
let tree = options.tree.map { URL(fileURLWithPath: $0) }
    ?? FileManager.default.temporaryDirectory.appendingPathComponent("alembic-ls-bench-\(options.revisions)-\(UUID().uuidString)")
do {
    try TreeGenerator.write(count: options.revisions, to: tree)
} catch {
    print("cannot write the generated tree: \(error)")
    exit(1)
}
defer { if options.tree == nil { try? FileManager.default.removeItem(at: tree) } }

var inProcess: [Double] = []
var findings = 0
for _ in 0 ..< options.runs {
    let start = now()
    let project = ProjectLoader.load(roots: [tree.path], cwd: tree.path)
    findings = LintEngine.run(project, settings: LintSettings()).count
    inProcess.append(now() - start)
}
print("| check, in process, \(options.revisions) revisions (median of \(options.runs)) | \(String(format: "%.0f", median(inProcess) * 1000)) ms (\(findings) findings) |")

// The model index alone (the walk for model and CI files, env.py's imports), on the same tree.
var modelIndex: [Double] = []
for _ in 0 ..< options.runs {
    var project = ProjectLoader.load(roots: [tree.path], cwd: tree.path, indexModels: false)
    let start = now()
    ProjectLoader.indexModels(&project)
    modelIndex.append(now() - start)
}
print("| model index, \(options.revisions) revisions (median of \(options.runs)) | \(String(format: "%.1f", median(modelIndex) * 1000)) ms |")

let binary = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("alembic-ls").path
var cli: [Double] = []
var heads = ""
if FileManager.default.isExecutableFile(atPath: binary) {
    for _ in 0 ..< options.runs {
        let start = now()
        shell(binary, ["check", "--output-format", "json", tree.path], cwd: tree.path)
        cli.append(now() - start)
    }
    heads = shell(binary, ["heads"], cwd: tree.path).out.trimmingCharacters(in: .whitespacesAndNewlines)
    print("| `alembic-ls check` process, \(options.revisions) revisions (median of \(options.runs)) | \(String(format: "%.0f", median(cli) * 1000)) ms |")
}

let alembic = URL(fileURLWithPath: python).deletingLastPathComponent().appendingPathComponent("alembic").path
if FileManager.default.isExecutableFile(atPath: alembic) {
    var times: [Double] = []
    var oracleHeads = ""
    for _ in 0 ..< max(1, min(options.runs, 3)) {
        let start = now()
        oracleHeads = shell(alembic, ["heads"], cwd: tree.path).out.trimmingCharacters(in: .whitespacesAndNewlines)
        times.append(now() - start)
    }
    let alembicTime = median(times)
    print("| `alembic heads`, same tree (median of \(times.count)) | \(String(format: "%.0f", alembicTime * 1000)) ms |")
    if !cli.isEmpty {
        print("| speed-up of `alembic-ls check` over `alembic heads` | \(String(format: "%.1f", alembicTime / median(cli)))× |")
        print("| same heads as alembic | \(heads == oracleHeads ? "yes" : "NO: ours \(heads) vs alembic \(oracleHeads)") |")
    }
} else {
    print("| `alembic heads` | skipped: \(alembic) not found (run .ci/run or pass --python) |")
}
