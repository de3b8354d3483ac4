import AlembicModel
import Foundation
import TextCore

/// The revision graphs of a workspace as nodes and edges with file locations, for editor
/// graph views (`alembic-ls/graph`) and `alembic-ls graph --format dot|mermaid|json`.
public struct RevisionGraphExport: Codable, Hashable, Sendable {
    public struct Node: Codable, Hashable, Sendable {
        /// Environment index (in discovery order) and revision id: unique together.
        public var environment: Int
        public var id: String
        public var message: String
        public var path: String
        /// Zero-based line of the `revision = …` value.
        public var line: Int
        /// UTF-8 byte range of the `revision = …` value.
        public var start: Int
        public var end: Int
        public var branchLabels: [String]
        public var isHead: Bool
        public var isBase: Bool
        public var isMergePoint: Bool
        public var isBranchPoint: Bool
    }

    public struct Edge: Codable, Hashable, Sendable {
        public enum Kind: String, Codable, Hashable, Sendable {
            case downRevision = "down_revision"
            case dependsOn = "depends_on"
        }

        public var environment: Int
        /// The parent.
        public var from: String
        /// The child.
        public var to: String
        public var kind: Kind
    }

    public struct Environment: Codable, Hashable, Sendable {
        public var index: Int
        public var name: String
        public var heads: [String]
    }

    public var environments: [Environment]
    public var nodes: [Node]
    public var edges: [Edge]

    /// The graph of every environment of `project` (the lint graph: dangling references dropped).
    public init(_ project: ProjectAnalysis) {
        var environments: [Environment] = []
        var nodes: [Node] = []
        var edges: [Edge] = []
        for (e, analysis) in project.environments.enumerated() {
            let graph = analysis.lintGraph
            environments.append(Environment(index: e, name: analysis.environment.id, heads: graph.heads))
            for spec in graph.specs {
                guard let info = graph.revisionInfo(spec.revision) else { continue }
                let file = analysis.file(for: spec.revision)
                let range = file?.revision.valueRange ?? .empty(at: 0)
                let line = file.flatMap { project.sources[$0.path] }?.lineIndex.line(of: range.start) ?? 0
                nodes.append(Node(
                    environment: e, id: spec.revision, message: file?.docstring?.message ?? "", path: file?.path ?? "",
                    line: line, start: range.start, end: range.end, branchLabels: info.branchLabels, isHead: info.isHead,
                    isBase: info.isBase, isMergePoint: info.isMergePoint, isBranchPoint: info.isBranchPoint))
                for parent in spec.downRevision.ids { edges.append(Edge(environment: e, from: parent, to: spec.revision, kind: .downRevision)) }
                for parent in spec.dependsOn.ids { edges.append(Edge(environment: e, from: parent, to: spec.revision, kind: .dependsOn)) }
            }
        }
        self.environments = environments
        self.nodes = nodes
        self.edges = edges
    }

    /// Graphviz: one `digraph`, one cluster per environment; dependencies dashed.
    public var dot: String {
        var lines = ["digraph revisions {", "  rankdir=BT;", "  node [shape=box];"]
        for environment in environments {
            lines.append("  subgraph cluster_\(environment.index) {")
            lines.append("    label=\(Self.dotQuoted(environment.name));")
            for node in nodes where node.environment == environment.index {
                let label = node.message.isEmpty ? node.id : "\(node.id)\\n\(Self.dotEscaped(node.message))"
                let style = node.isHead ? ", style=bold" : ""
                lines.append("    \(Self.dotQuoted("\(environment.index):\(node.id)")) [label=\"\(label)\"\(style)];")
            }
            lines.append("  }")
        }
        for edge in edges {
            let style = edge.kind == .dependsOn ? " [style=dashed]" : ""
            lines.append("  \(Self.dotQuoted("\(edge.environment):\(edge.to)")) -> \(Self.dotQuoted("\(edge.environment):\(edge.from)"))\(style);")
        }
        lines.append("}")
        return lines.joined(separator: "\n") + "\n"
    }

    /// Mermaid `flowchart`: child → parent, dependencies dotted.
    public var mermaid: String {
        var ids: [String: String] = [:]
        var lines = ["flowchart BT"]
        for (n, node) in nodes.enumerated() {
            let key = "n\(n)"
            ids["\(node.environment):\(node.id)"] = key
            let text = node.message.isEmpty ? node.id : "\(node.id): \(node.message)"
            lines.append("  \(key)[\"\(Self.mermaidEscaped(text))\"]")
        }
        for edge in edges {
            guard let from = ids["\(edge.environment):\(edge.from)"], let to = ids["\(edge.environment):\(edge.to)"] else { continue }
            lines.append("  \(to) \(edge.kind == .dependsOn ? "-.->" : "-->") \(from)")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Pretty-printed JSON with sorted keys.
    public var json: String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(self) else { return "{}\n" }
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    static func dotEscaped(_ text: String) -> String {
        text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
            .replacingOccurrences(of: "\n", with: " ")
    }

    static func dotQuoted(_ text: String) -> String { "\"\(dotEscaped(text))\"" }

    static func mermaidEscaped(_ text: String) -> String {
        text.replacingOccurrences(of: "\"", with: "#quot;").replacingOccurrences(of: "\n", with: " ")
    }
}
