import Foundation
import LanguageServer

/// `alembic-ls-bench --lsp`: drives the built `alembic-ls serve` over real pipes on a
/// generated tree and reports the time to the first index (from `initialized` to the
/// server's "indexed" log message, sent after the first diagnostics are published), the
/// latency from a `didChange` in one migration to its `publishDiagnostics` (median, p95) for
/// two kinds of edit, `edits` of each: inside `upgrade()` (alternately breaking and restoring
/// a bracket), and of `down_revision` (alternately breaking and restoring it), and peak memory.
enum LanguageServerBench {
    static func run(revisions: Int, edits: Int, treePath: String?) {
        let binary = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("alembic-ls").path
        guard FileManager.default.isExecutableFile(atPath: binary) else {
            print("alembic-ls is not built next to the bench: \(binary)")
            return
        }
        let tree = treePath.map { URL(fileURLWithPath: $0) }
            ?? FileManager.default.temporaryDirectory.appendingPathComponent("alembic-ls-lsp-bench-\(UUID().uuidString)")
        do { try TreeGenerator.write(count: revisions, to: tree) } catch {
            print("cannot write the generated tree: \(error)")
            return
        }
        defer { if treePath == nil { try? FileManager.default.removeItem(at: tree) } }

        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = ["serve", "--stdio"]
        let input = Pipe(), output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        do { try process.run() } catch {
            print("cannot start \(binary): \(error)")
            return
        }
        let inbox = Inbox()
        let reader = Thread {
            var framer = MessageFramer()
            while true {
                let data = output.fileHandleForReading.availableData
                if data.isEmpty { break }
                framer.append(Array(data))
                while let frame = framer.next() {
                    if case let .message(body) = frame, let json = try? JSONDecoder().decode(JSON.self, from: Data(body)) { inbox.add(json) }
                }
            }
        }
        reader.start()
        func send(_ json: String) {
            input.fileHandleForWriting.write(Data("Content-Length: \(json.utf8.count)\r\n\r\n\(json)".utf8))
        }
        let rootURI = URIPath.uri(fromPath: tree.path)
        send(#"{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"rootUri":"\#(rootURI)","capabilities":{}}}"#)
        _ = inbox.wait { $0["id"] == .int(1) }
        let start = now()
        send(#"{"jsonrpc":"2.0","method":"initialized","params":{}}"#)
        guard inbox.wait(timeout: 300, { $0["method"] == .string("window/logMessage") }) != nil else {
            print("the server did not finish indexing")
            process.terminate()
            return
        }
        let firstIndex = now() - start

        // A migration in the middle of the main line with one parent.
        let versions = tree.appendingPathComponent("alembic/versions")
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: versions.path)) ?? []).sorted()
        let path = names.dropFirst(names.count / 2).first { name in
            let text = (try? String(contentsOfFile: versions.appendingPathComponent(name).path, encoding: .utf8)) ?? ""
            return text.contains("None] = '")
        }.map { versions.appendingPathComponent($0).path } ?? ""
        let text = (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
        let lines = text.components(separatedBy: "\n")
        guard let line = lines.firstIndex(where: { $0.hasPrefix("down_revision") }), let quote = lines[line].firstIndex(of: "'") else {
            print("no migration with one parent found")
            process.terminate()
            return
        }
        let column = lines[line].utf16.distance(from: lines[line].startIndex, to: quote) + 1
        let original = String(lines[line][lines[line].index(after: quote)...].prefix(12))
        // Inside upgrade(): the `(` of `sa.String(length=50)`, alternately made a `[` (a syntax
        // error, as while typing) and restored, so that every edit changes the file's set.
        guard let bodyLine = lines.firstIndex(where: { $0.contains("op.add_column(") && $0.contains("String(length=50)") }),
              let lengthRange = lines[bodyLine].range(of: "String(length=50)") else {
            print("no operation to edit inside upgrade()")
            process.terminate()
            return
        }
        let bodyColumn = lines[bodyLine].utf16.distance(from: lines[bodyLine].startIndex, to: lengthRange.lowerBound) + 6
        let uri = URIPath.uri(fromPath: path)
        let escaped = text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
            .replacingOccurrences(of: "\n", with: "\\n")
        send(#"{"jsonrpc":"2.0","method":"textDocument/didOpen","params":{"textDocument":{"uri":"\#(uri)","languageId":"python","version":1,"text":"\#(escaped)"}}}"#)
        var version = 1
        /// Latencies of `edits` edits replacing `width` UTF-16 units at (line, column) by the
        /// replacements in turn, each waiting for the document's diagnostics.
        func measure(line: Int, column: Int, width: Int, _ replacements: [String]) -> [Double] {
            var latencies: [Double] = []
            for n in 0 ..< edits {
                version += 1
                let replacement = replacements[n % replacements.count]
                let sent = now()
                send(#"{"jsonrpc":"2.0","method":"textDocument/didChange","params":{"textDocument":{"uri":"\#(uri)","version":\#(version)},"contentChanges":[{"range":{"start":{"line":\#(line),"character":\#(column)},"end":{"line":\#(line),"character":\#(column + width)}},"text":"\#(replacement)"}]}}"#)
                guard inbox.wait(timeout: 30, { $0["params"]?["uri"] == .string(uri) && $0["params"]?["version"] == .int(version) }) != nil else {
                    print("no diagnostics for edit \(n)")
                    break
                }
                latencies.append(now() - sent)
            }
            return latencies
        }
        let body = measure(line: bodyLine, column: bodyColumn, width: 1, ["[", "("])
        let header = measure(line: line, column: column, width: 12, ["ffffffffffff", original])
        let peak = peakMemory(process.processIdentifier)
        send(#"{"jsonrpc":"2.0","id":2,"method":"shutdown"}"#)
        send(#"{"jsonrpc":"2.0","method":"exit"}"#)
        process.waitUntilExit()
        func percentile(_ values: [Double], _ p: Double) -> String {
            let sorted = values.sorted()
            let value = sorted.isEmpty ? 0 : sorted[min(sorted.count - 1, Int(Double(sorted.count) * p))]
            return String(format: "%.1f ms", value * 1000)
        }
        print("| LSP: first index after `initialized`, \(revisions) revisions | \(String(format: "%.0f", firstIndex * 1000)) ms |")
        for (kind, latencies) in [("edit inside upgrade()", body), ("edit of down_revision", header)] {
            print("| LSP: didChange → publishDiagnostics, \(kind), median of \(latencies.count) edits | \(percentile(latencies, 0.5)) |")
            print("| LSP: didChange → publishDiagnostics, \(kind), p95 | \(percentile(latencies, 0.95)) |")
        }
        print("| LSP: server peak memory (VmHWM) | \(peak) |")
        print("| LSP: server exit code | \(process.terminationStatus) |")
    }

    static func peakMemory(_ pid: Int32) -> String {
        guard let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8),
              let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }) else { return "unknown" }
        let kb = Int(line.split(separator: " ").dropFirst().first ?? "") ?? 0
        return "\(kb / 1024) MB"
    }

    /// Messages from the server, waited on by the benchmark thread.
    final class Inbox: @unchecked Sendable {
        private let condition = NSCondition()
        private var messages: [JSON] = []

        func add(_ message: JSON) {
            condition.lock()
            messages.append(message)
            condition.broadcast()
            condition.unlock()
        }

        /// Removes and returns the first message matching `predicate` (nil on timeout).
        func wait(timeout: TimeInterval = 60, _ predicate: (JSON) -> Bool) -> JSON? {
            let deadline = Date().addingTimeInterval(timeout)
            condition.lock()
            defer { condition.unlock() }
            while true {
                if let index = messages.firstIndex(where: predicate) {
                    let found = messages[index]
                    messages.removeSubrange(0 ... index)
                    return found
                }
                if !condition.wait(until: deadline) { return nil }
            }
        }
    }
}
