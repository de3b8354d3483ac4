/// How serious a diagnostic is. Ordered from least to most severe.
public enum Severity: String, Sendable, Comparable, CaseIterable, Codable {
    case hint
    case information
    case warning
    case error

    private var rank: Int {
        switch self {
        case .hint: 0
        case .information: 1
        case .warning: 2
        case .error: 3
        }
    }

    public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
}
