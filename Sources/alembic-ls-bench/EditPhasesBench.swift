import AlembicModel
import Foundation
import Lint

/// In-process breakdown of what one edit of a migration costs the language server, for the
/// two kinds of edit the `--lsp` benchmark makes (alternately breaking and restoring a bracket
/// inside `upgrade()`, and one file's `down_revision`): re-extract the file, replace it (the
/// graphs are rebuilt only when its graph facts changed), its file rules, each graph rule
/// when the graphs were rebuilt, and the environment rules.
enum EditPhasesBench {
    static func run(revisions: Int, edits: Int, treePath: String?) {
        let tree = treePath.map { URL(fileURLWithPath: $0) }
            ?? FileManager.default.temporaryDirectory.appendingPathComponent("alembic-ls-phases-\(UUID().uuidString)")
        do { try TreeGenerator.write(count: revisions, to: tree) } catch {
            print("cannot write the generated tree: \(error)")
            return
        }
        defer { if treePath == nil { try? FileManager.default.removeItem(at: tree) } }
        var project = ProjectLoader.load(roots: [tree.path], cwd: tree.path)
        guard var environment = project.environments.first, environment.files.count > 2 else {
            print("no environment in the generated tree")
            return
        }
        project.environments = []
        let index = environment.files.count / 2
        let path = environment.files[index].path
        guard case let .bytes(original) = SourceReader.read(path), let id = environment.files[index].revisionID,
              let parent = environment.files[index].downRevision.value?.items.first?.value
        else {
            print("cannot read \(path)")
            return
        }
        let text = String(decoding: original, as: UTF8.self)
        let brokenHeader = Array(text.replacingOccurrences(of: "'\(parent)'", with: "'zzzzzzzzzzzz'").utf8)
        let brokenBody = Array(text.replacingOccurrences(of: "String(length=50)", with: "String[length=50)").utf8)
        let rules = RuleRegistry.rules
        let fileRules = rules.compactMap { $0.scope == .file ? $0 as? any FileRule.Type : nil }
        let graphRules = rules.filter { $0.scope == .graph }
        let environmentRules = rules.filter { $0.scope != .file && $0.scope != .graph }
        func ms(_ values: [Double]) -> String { String(format: "%.2f ms", median(values) * 1000) }
        print("| edit phase (\(revisions) revisions, \(edits) edits of \(id), median) | time |")
        print("|---|---|")
        for (kind, broken) in [("inside upgrade()", brokenBody), ("of down_revision", brokenHeader)] {
            var extract: [Double] = [], replace: [Double] = [], fileLint: [Double] = [], environmentLint: [Double] = []
            var total: [Double] = []
            var rebuilds = 0
            var perRule = Array(repeating: [Double](), count: graphRules.count)
            for n in 0 ..< edits {
                let bytes = n % 2 == 0 ? broken : original
                let t0 = now()
                let file = ProjectLoader.extractMigration(path: path, bytes: bytes, resolver: nil)
                let t1 = now()
                let rebuilt = ProjectLoader.replace(
                    in: &environment, fileAt: index, with: file, previousBytes: project.sources[path]?.bytes, bytes: bytes)
                let t2 = now()
                project.sources[path] = SourceFile(path: path, bytes: bytes)
                let context = LintContext(environment: environment, project: project)
                _ = LintEngine.findings(of: fileRules, file: file, in: context)
                let t3 = now()
                if rebuilt {
                    rebuilds += 1
                    for (r, rule) in graphRules.enumerated() {
                        let start = now()
                        _ = rule.check(context)
                        perRule[r].append(now() - start)
                    }
                }
                let t4 = now()
                for rule in environmentRules { _ = rule.check(context) }
                let t5 = now()
                extract.append(t1 - t0)
                replace.append(t2 - t1)
                fileLint.append(t3 - t2)
                environmentLint.append(t5 - t4)
                total.append(t5 - t0)
            }
            print("| edit \(kind): re-extract one file | \(ms(extract)) |")
            print("| edit \(kind): replace the file (graphs rebuilt \(rebuilds) of \(edits) times) | \(ms(replace)) |")
            print("| edit \(kind): file rules, one file | \(ms(fileLint)) |")
            for (r, rule) in graphRules.enumerated() where !perRule[r].isEmpty && median(perRule[r]) > 0.0001 {
                print("| edit \(kind): graph rule \(rule.metadata.code) (serial) | \(ms(perRule[r])) |")
            }
            print("| edit \(kind): environment rules | \(ms(environmentLint)) |")
            print("| edit \(kind): total, rules serial | \(ms(total)) |")
        }
    }
}
