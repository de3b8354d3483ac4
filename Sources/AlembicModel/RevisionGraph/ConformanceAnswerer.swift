/// Answers one case of the alembic revision-graph conformance suite
/// (`shared/conformance/alembic-revision-graph.json`, README §4).
///
/// Input: one JSON object `{"name", "revisions": [...], "queries": [{"op", "args"}, ...]}`.
/// Output: `{"answers": [...]}` with one answer per query: the value, an error object
/// `{"error": ClassName, "message": ..., "cli_message"?: ...}`, or `{"unsupported": true}`.
public enum ConformanceAnswerer {
    /// Answers every query of one case; never traps, always returns a JSON document.
    public static func answer(caseJSON: [UInt8]) -> [UInt8] {
        let document: JSONValue
        do throws(JSONValue.ParseError) {
            document = try JSONValue.parse(caseJSON)
        } catch {
            return JSONValue.object([
                "answers": .array([]), "error": .string("invalid input: \(error)"),
            ]).serialized()
        }
        let answers = answerValues(document)
        return JSONValue.object(["answers": .array(answers)]).serialized()
    }

    /// The answers for a parsed case, one per query.
    public static func answerValues(_ document: JSONValue) -> [JSONValue] {
        let queries = document["queries"]?.arrayValue ?? []
        guard let specs = parseSpecs(document["revisions"]) else {
            return queries.map { _ in unsupported }
        }
        let graph = RevisionGraph(specs)
        return queries.map { answer($0, graph: graph) }
    }

    private static let unsupported = JSONValue.object(["unsupported": .bool(true)])

    private static func parseSpecs(_ value: JSONValue?) -> [RevisionSpec]? {
        guard let entries = value?.arrayValue else { return nil }
        var specs: [RevisionSpec] = []
        for (index, entry) in entries.enumerated() {
            guard let revision = entry["revision"]?.stringValue,
                  let down = reference(entry["down_revision"]),
                  let depends = reference(entry["depends_on"])
            else { return nil }
            var labels: [String] = []
            switch entry["branch_labels"] {
            case nil, .null?: break
            case .string(let label)?: labels = [label]
            case .array(let values)?:
                for label in values {
                    guard let text = label.stringValue else { return nil }
                    labels.append(text)
                }
            default: return nil
            }
            specs.append(RevisionSpec(
                revision: revision, downRevision: down, branchLabels: labels,
                dependsOn: depends, origin: index))
        }
        return specs
    }

    private static func reference(_ value: JSONValue?) -> RevisionReference? {
        switch value {
        case nil, .null?: return RevisionReference.none
        case .string(let text)?: return .single(text)
        case .array(let values)?:
            var ids: [String] = []
            for element in values {
                guard let text = element.stringValue else { return nil }
                ids.append(text)
            }
            return .tuple(ids)
        default: return nil
        }
    }

    private static func identifier(_ value: JSONValue?) -> RevisionIdentifier? {
        switch value {
        case nil, .null?: return RevisionIdentifier.none
        case .string(let text)?: return .string(text)
        case .array(let values)?:
            var ids: [String] = []
            for element in values {
                guard let text = element.stringValue else { return nil }
                ids.append(text)
            }
            return .tuple(ids)
        default: return nil
        }
    }

    private static func strings(_ value: JSONValue?) -> [String]? {
        guard let values = value?.arrayValue else { return nil }
        var out: [String] = []
        for element in values {
            guard let text = element.stringValue else { return nil }
            out.append(text)
        }
        return out
    }

    private static func list(_ values: [String]) -> JSONValue {
        .array(values.map(JSONValue.string))
    }

    private static func optional(_ value: String?) -> JSONValue {
        value.map(JSONValue.string) ?? .null
    }

    private static func reference(json reference: RevisionReference) -> JSONValue {
        switch reference {
        case .none: return .null
        case .single(let value): return .string(value)
        case .tuple(let values): return list(values)
        }
    }

    private static func errorValue(_ error: RevisionGraphError) -> JSONValue {
        var members: [String: JSONValue] = [
            "error": .string(error.className), "message": .string(error.message),
        ]
        if let cli = error.cliMessage { members["cli_message"] = .string(cli) }
        return .object(members)
    }

    private static func info(_ info: RevisionInfo) -> JSONValue {
        .object([
            "down_revision": reference(json: info.downRevision),
            "depends_on": reference(json: info.dependsOn),
            "declared_branch_labels": list(info.declaredBranchLabels),
            "branch_labels": list(info.branchLabels),
            "resolved_dependencies": list(info.resolvedDependencies),
            "normalized_dependencies": list(info.normalizedDependencies),
            "all_down_revisions": list(info.allDownRevisions),
            "nextrev": list(info.nextRevisions),
            "all_nextrev": list(info.allNextRevisions),
            "is_head": .bool(info.isHead),
            "is_real_head": .bool(info.isRealHead),
            "is_base": .bool(info.isBase),
            "is_real_base": .bool(info.isRealBase),
            "is_branch_point": .bool(info.isBranchPoint),
            "is_real_branch_point": .bool(info.isRealBranchPoint),
            "is_merge_point": .bool(info.isMergePoint),
        ])
    }

    /// Answers one query; errors become error objects.
    private static func answer(_ query: JSONValue, graph: RevisionGraph) -> JSONValue {
        guard let op = query["op"]?.stringValue else { return unsupported }
        let args = query["args"] ?? .object([:])
        switch op {
        case "build":
            return graph.buildError.map(errorValue) ?? .null
        case "warnings":
            return list(graph.warnings)
        default:
            break
        }
        do throws(RevisionGraphError) {
            return try evaluate(op, args: args, graph: graph) ?? unsupported
        } catch {
            return errorValue(error)
        }
    }

    private static func evaluate(
        _ op: String, args: JSONValue, graph: RevisionGraph
    ) throws(RevisionGraphError) -> JSONValue? {
        let withCLI: Bool
        switch op {
        case "iterate_upgrade", "iterate_downgrade", "get_revision", "get_revisions",
             "get_current_head":
            withCLI = true
        default:
            withCLI = false
        }
        if var error = graph.buildError {
            if withCLI { error = error.withCLIMessage(.standard) }
            throw error
        }
        switch op {
        case "heads": return list(graph.heads)
        case "real_heads": return list(graph.realHeads)
        case "bases": return list(graph.bases)
        case "real_bases": return list(graph.realBases)
        case "revision_info":
            guard let id = args["revision"]?.stringValue else { return nil }
            guard let value = graph.revisionInfo(id) else { throw .keyError(id) }
            return info(value)
        case "get_revision":
            guard let id = identifier(args["id"]) else { return nil }
            return optional(try graph.getRevision(id))
        case "get_revisions":
            guard let id = identifier(args["id"]) else { return nil }
            return .array(try graph.getRevisions(id).map { value in
                switch value {
                case .revision(let id): return .string(id)
                case .none: return .null
                case .symbol(let text): return .string(text)
                }
            })
        case "get_current_head":
            let label: String?
            switch args["branch_label"] {
            case nil, .null?: label = nil
            case .string(let text)?: label = text
            default: return nil
            }
            return optional(try graph.getCurrentHead(branchLabel: label))
        case "filter_for_lineage":
            guard let targets = strings(args["targets"]),
                  let against = identifier(args["check_against"]) else { return nil }
            return list(try graph.filterForLineage(
                targets, checkAgainst: against,
                includeDependencies: args["include_dependencies"]?.boolValue ?? false))
        case "iterate_revisions":
            guard let upper = identifier(args["upper"]), let lower = identifier(args["lower"])
            else { return nil }
            return list(try graph.iterateRevisions(
                upper: upper, lower: lower,
                implicitBase: args["implicit_base"]?.boolValue ?? false,
                inclusive: args["inclusive"]?.boolValue ?? false,
                assertRelativeLength: args["assert_relative_length"]?.boolValue ?? true,
                selectForDowngrade: args["select_for_downgrade"]?.boolValue ?? false))
        case "iterate_upgrade":
            guard let from = identifier(args["from"]), let to = identifier(args["to"]) else { return nil }
            return list(try graph.iterateUpgrade(from: from, to: to))
        case "iterate_downgrade":
            guard let from = identifier(args["from"]), let to = identifier(args["to"]) else { return nil }
            return list(try graph.iterateDowngrade(from: from, to: to))
        case "ancestors":
            guard let ids = strings(args["revisions"]) else { return nil }
            return list(try graph.ancestors(
                of: ids, check: args["check"]?.boolValue ?? false,
                includeDependencies: args["include_dependencies"]?.boolValue ?? true))
        case "descendants":
            guard let ids = strings(args["revisions"]) else { return nil }
            return list(try graph.descendants(
                of: ids, check: args["check"]?.boolValue ?? false,
                includeDependencies: args["include_dependencies"]?.boolValue ?? true,
                omitImmediateDependencies: args["omit_immediate_dependencies"]?.boolValue ?? false))
        default:
            return nil
        }
    }
}
