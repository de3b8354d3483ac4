/// A JSON-RPC request id: a number or a string.
public enum RequestID: Codable, Hashable, Sendable, CustomStringConvertible {
    case number(Int)
    case string(String)

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let number = try? container.decode(Int.self) {
            self = .number(number)
        } else {
            self = .string(try container.decode(String.self))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case let .number(value): try container.encode(value)
        case let .string(value): try container.encode(value)
        }
    }

    /// The id of a JSON value, when it is a valid id.
    init?(_ json: JSON) {
        switch json {
        case let .int(value): self = .number(value)
        case let .string(value): self = .string(value)
        default: return nil
        }
    }

    public var description: String {
        switch self {
        case let .number(value): "\(value)"
        case let .string(value): "\"\(value)\""
        }
    }
}
