public import Foundation

/// Any JSON value, for the parts of the API whose fields vary (strategy parameters).
///
/// Numbers are kept as `Decimal`, so `0.0001` survives a round trip unchanged.
public enum JSONValue: Hashable, Sendable {
    case null
    case bool(Bool)
    case number(Decimal)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    /// The text of a `.string`, or `nil`.
    public var stringValue: String? {
        if case .string(let text) = self { return text }
        return nil
    }

    /// The value of a `.number`, or `nil`.
    public var numberValue: Decimal? {
        if case .number(let number) = self { return number }
        return nil
    }
}

extension JSONValue: Codable {
    /// Decodes any JSON value; a number decodes to a `Decimal`.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let bool = try? container.decode(Bool.self) {
            self = .bool(bool)
        } else if let number = try? container.decode(Decimal.self) {
            self = .number(number)
        } else if let text = try? container.decode(String.self) {
            self = .string(text)
        } else if let array = try? container.decode([JSONValue].self) {
            self = .array(array)
        } else {
            self = .object(try container.decode([String: JSONValue].self))
        }
    }

    /// Encodes the JSON value this case holds.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .null: try container.encodeNil()
        case .bool(let bool): try container.encode(bool)
        case .number(let number): try container.encode(number)
        case .string(let text): try container.encode(text)
        case .array(let array): try container.encode(array)
        case .object(let object): try container.encode(object)
        }
    }
}

extension JSONValue: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral, ExpressibleByBooleanLiteral {
    /// A ``string(_:)`` written as a literal.
    public init(stringLiteral value: String) { self = .string(value) }
    /// A ``number(_:)`` written as an integer literal.
    public init(integerLiteral value: Int) { self = .number(Decimal(value)) }
    /// A ``bool(_:)`` written as a literal.
    public init(booleanLiteral value: Bool) { self = .bool(value) }
}

/// A coding key for any string, used by models that keep unknown fields.
struct AnyCodingKey: CodingKey, Hashable {
    let stringValue: String
    var intValue: Int? { nil }
    init(_ string: String) { stringValue = string }
    init?(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
}
