import AlembicModel
import Foundation
import Lint

/// In-process breakdown of what one edit of a migration costs the language server: re-extract
/// the file, rebuild the environment's graphs, and each rule over the environment. Edits
/// alternately break and restore one file's `down_revision`, as the `--lsp` benchmark does.
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
        let broken = Array(text.replacingOccurrences(of: "'\(parent)'", with: "'zzzzzzzzzzzz'").utf8)
        let rules = RuleRegistry.rules
        var extract: [Double] = [], build: [Double] = [], total: [Double] = []
        var perRule = Array(repeating: [Double](), count: rules.count)
        for n in 0 ..< edits {
            let bytes = n % 2 == 0 ? broken : original
            let t0 = now()
            let file = ProjectLoader.extractMigration(path: path, bytes: bytes, resolver: nil)
            let t1 = now()
            ProjectLoader.replace(
                in: &environment, fileAt: index, with: file, previousBytes: project.sources[path]?.bytes, bytes: bytes)
            let t2 = now()
            project.sources[path] = SourceFile(path: path, bytes: bytes)
            let context = LintContext(environment: environment, project: project)
            for (r, rule) in rules.enumerated() {
                let start = now()
                _ = rule.check(context)
                perRule[r].append(now() - start)
            }
            let t3 = now()
            extract.append(t1 - t0)
            build.append(t2 - t1)
            total.append(t3 - t0)
        }
        func ms(_ values: [Double]) -> String { String(format: "%.2f ms", median(values) * 1000) }
        print("| edit phase (\(revisions) revisions, \(edits) edits of \(id), median) | time |")
        print("|---|---|")
        print("| re-extract one file | \(ms(extract)) |")
        print("| rebuild graphs | \(ms(build)) |")
        for (r, rule) in rules.enumerated() where median(perRule[r]) > 0.0001 {
            print("| rule \(rule.metadata.code) (serial) | \(ms(perRule[r])) |")
        }
        print("| total, rules serial | \(ms(total)) |")
    }
}
