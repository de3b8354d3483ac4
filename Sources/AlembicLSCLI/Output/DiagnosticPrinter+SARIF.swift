import AlembicModel
import Foundation
import Lint

extension DiagnosticPrinter {
    /// The base id relative artifact URIs are resolved against (`originalUriBaseIds`).
    static let sarifBaseID = "%SRCROOT%"

    /// A SARIF 2.1.0 log with one run: `tool.driver.rules` carries the metadata and
    /// documentation (`help.markdown`) of every rule with results, results carry `ruleId`, `ruleIndex`, `level`, the
    /// message, the location (relative to `%SRCROOT%`, the display root, when inside it),
    /// related locations and a partial fingerprint. Columns count Unicode code points.
    func sarif(_ diagnostics: [Diagnostic], rules allRules: [RuleMetadata], version: String) -> String {
        // Only the rules with results, so the log stays small and stable as rules are added.
        let reported = Set(diagnostics.map(\.code))
        let rules = allRules.filter { reported.contains($0.code) }
        let ruleIndex = Dictionary(rules.enumerated().map { ($1.code, $0) }, uniquingKeysWith: { first, _ in first })
        let fingerprints = stableFingerprints(diagnostics)
        let results: [JSONValue] = zip(diagnostics, fingerprints).map { d, fingerprint in
            var result: [String: JSONValue] = [
                "ruleId": .string(d.code),
                "level": .string(Self.sarifLevel(d.severity)),
                "message": .object(["text": .string(d.message)]),
                "locations": .array([.object(["physicalLocation": physicalLocation(d.location)])]),
                "partialFingerprints": .object(["alembicLs/v1": .string(fingerprint)]),
            ]
            if let index = ruleIndex[d.code] { result["ruleIndex"] = .number(Double(index)) }
            if !d.related.isEmpty {
                result["relatedLocations"] = .array(d.related.enumerated().map { i, related in
                    .object([
                        "id": .number(Double(i)),
                        "message": .object(["text": .string(related.message)]),
                        "physicalLocation": physicalLocation(related.location),
                    ])
                })
            }
            return .object(result)
        }
        let driverRules: [JSONValue] = rules.map { rule in
            .object([
                "id": .string(rule.code),
                "name": .string(rule.name),
                "shortDescription": .object(["text": .string(rule.summary)]),
                "fullDescription": .object(["text": .string(rule.summary)]),
                "help": .object(["text": .string(rule.documentation), "markdown": .string(rule.markdown)]),
                "helpUri": .string(rule.url),
                "defaultConfiguration": .object(["level": .string(Self.sarifLevel(rule.severity))]),
                "properties": .object(["tags": .array([.string(Self.category(of: rule.code))])]),
            ])
        }
        let root = displayRoot.hasSuffix("/") ? displayRoot : displayRoot + "/"
        let run: JSONValue = .object([
            "tool": .object(["driver": .object([
                "name": .string("alembic-ls"),
                "version": .string(version),
                "semanticVersion": .string(version),
                "informationUri": .string("https://github.com/alembic-ls/alembic-ls"),
                "rules": .array(driverRules),
            ])]),
            "originalUriBaseIds": .object([Self.sarifBaseID: .object(["uri": .string(Self.fileURI(root))])]),
            "columnKind": .string("unicodeCodePoints"),
            "results": .array(results),
        ])
        return Self.encode(.object([
            "$schema": .string("https://json.schemastore.org/sarif-2.1.0.json"),
            "version": .string("2.1.0"),
            "runs": .array([run]),
        ]))
    }

    func physicalLocation(_ location: Location) -> JSONValue {
        let relative = displayPath(location.path)
        var artifact: [String: JSONValue] = [:]
        if relative.hasPrefix("/") {
            artifact["uri"] = .string(Self.fileURI(relative))
        } else {
            artifact["uri"] = .string(Self.percentEncodePath(relative))
            artifact["uriBaseId"] = .string(Self.sarifBaseID)
        }
        var region: [String: JSONValue] = [:]
        if lineIndex(location.path) != nil {
            let start = rowColumn(location.path, location.range.start)
            let end = endRowColumn(location)
            region = [
                "startLine": .number(Double(start.row)), "startColumn": .number(Double(start.column)),
                "endLine": .number(Double(end.row)), "endColumn": .number(Double(end.column)),
            ]
        } else {
            region = ["startLine": .number(1)]
        }
        return .object(["artifactLocation": .object(artifact), "region": .object(region)])
    }

    static func sarifLevel(_ severity: Severity) -> String {
        switch severity {
        case .error: "error"
        case .warning: "warning"
        case .information, .hint: "note"
        }
    }

    /// The rule family from the code's hundreds digit (the guide's code ranges).
    static func category(of code: String) -> String {
        switch code.dropFirst(3).first {
        case "0": "syntax-and-files"
        case "1": "revision-graph"
        case "2": "operations"
        case "3": "models-and-schema"
        case "4": "live-database"
        case "5": "configuration"
        default: "meta"
        }
    }

    /// `file://` URI of an absolute path, percent-encoded.
    static func fileURI(_ absolutePath: String) -> String {
        "file://" + percentEncodePath(absolutePath)
    }

    /// Percent-encodes every byte of a path except RFC 3986 unreserved characters and `/`.
    static func percentEncodePath(_ path: String) -> String {
        var out = ""
        for byte in path.utf8 {
            switch byte {
            case UInt8(ascii: "a") ... UInt8(ascii: "z"), UInt8(ascii: "A") ... UInt8(ascii: "Z"),
                 UInt8(ascii: "0") ... UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."),
                 UInt8(ascii: "_"), UInt8(ascii: "~"), UInt8(ascii: "/"):
                out.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                let hex = String(byte, radix: 16, uppercase: true)
                out += "%" + (hex.count == 1 ? "0" + hex : hex)
            }
        }
        return out
    }
}
