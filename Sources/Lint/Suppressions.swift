/// `# noqa` comments of one Python file, as ruff reads them.
///
/// - `# noqa` on a line suppresses every diagnostic that starts on that line;
///   `# noqa: ALM201, ALM105` only those codes (a prefix such as `ALM2` is accepted too).
/// - `# alembic-ls: noqa` anywhere in the file suppresses everything in the file;
///   `# alembic-ls: noqa: ALM105` only those codes.
public struct Suppressions: Sendable, Equatable {
    /// A `nil` code list means "all codes".
    public struct Directive: Sendable, Equatable {
        public var line: Int
        public var codes: [String]?

        public func covers(_ code: String) -> Bool {
            guard let codes else { return true }
            return codes.contains { code.hasPrefix($0) }
        }
    }

    public private(set) var lineDirectives: [Int: Directive] = [:]
    public private(set) var fileDirectives: [Directive] = []

    public init() {}

    /// Builds the suppressions from comments given as (zero-based line, comment text incl. `#`).
    public init(comments: [(line: Int, text: String)]) {
        for comment in comments {
            let lower = comment.text.lowercased()
            if let fileRange = lower.range(of: "alembic-ls: noqa") {
                let rest = comment.text[fileRange.upperBound...]
                fileDirectives.append(Directive(line: comment.line, codes: Self.codes(after: rest)))
                continue
            }
            guard let range = lower.range(of: "noqa") else { continue }
            // ruff requires `# noqa` to start a comment (possibly after another `#` segment).
            let before = lower[..<range.lowerBound].reversed().drop { $0 == " " }
            guard before.first == "#" else { continue }
            let rest = comment.text[range.upperBound...]
            if let next = rest.first, next.isLetter || next.isNumber { continue }
            lineDirectives[comment.line] = Directive(line: comment.line, codes: Self.codes(after: rest))
        }
    }

    /// Whether a diagnostic with `code` starting on zero-based `line` is suppressed.
    public func suppresses(code: String, line: Int) -> Bool {
        if fileDirectives.contains(where: { $0.covers(code) }) { return true }
        if let directive = lineDirectives[line], directive.covers(code) { return true }
        return false
    }

    /// Parses `: CODE, CODE` after `noqa`; returns nil (all codes) for a bare directive.
    static func codes(after rest: Substring) -> [String]? {
        var text = rest.drop { $0 == " " }
        guard text.first == ":" else { return nil }
        text = text.dropFirst()
        var codes: [String] = []
        for token in text.split(whereSeparator: { $0 == "," || $0 == " " || $0 == "\t" }) {
            let upper = token.uppercased()
            guard let first = upper.first, first.isLetter,
                  upper.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) }),
                  upper.contains(where: { $0.isNumber }) else { break }
            codes.append(upper)
        }
        return codes.isEmpty ? nil : codes
    }
}
