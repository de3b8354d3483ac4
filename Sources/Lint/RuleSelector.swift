/// A rule selector as ruff users write them: `ALL`, a code prefix (`ALM`, `ALM1`, `ALM105`)
/// or a rule name (`multiple-heads`).
public struct RuleSelector: Hashable, Sendable, CustomStringConvertible {
    public let text: String

    public init(_ text: String) {
        self.text = text.trimmingCharacters(in: .whitespaces)
    }

    /// How specific the selector is: `ALL` < `ALM` < `ALM1` < `ALM10` < `ALM105` == a name.
    public var specificity: Int {
        if text.uppercased() == "ALL" { return 0 }
        if Self.looksLikeCode(text) { return text.count }
        return 6
    }

    /// True when the selector is well formed and names at least one rule of `registry`.
    public func isKnown(in registry: [RuleMetadata]) -> Bool {
        registry.contains { matches($0) }
    }

    public func matches(_ rule: RuleMetadata) -> Bool {
        let upper = text.uppercased()
        if upper == "ALL" { return true }
        if Self.looksLikeCode(text) { return rule.code.hasPrefix(upper) }
        return rule.name == text.lowercased()
    }

    public var description: String { text }

    static func looksLikeCode(_ text: String) -> Bool {
        let upper = text.uppercased()
        guard upper.hasPrefix("ALM") else { return false }
        return upper.dropFirst(3).allSatisfy { $0.isASCII && $0.isNumber }
    }
}

import Foundation
