/// A user's id. The API writes it as a number (`2`) in some responses and as a string
/// (`"123"`) in others; both decode to the same value.
public struct UserID: Hashable, Sendable, CustomStringConvertible, ExpressibleByIntegerLiteral, ExpressibleByStringLiteral {
    /// The id's text, used in paths (`/user/2/info`).
    public let rawValue: String

    /// An id from its text, for example `"123"`.
    public init(_ rawValue: String) { self.rawValue = rawValue }
    /// An id from its number, for example `2`.
    public init(_ number: Int) { rawValue = String(number) }
    /// An id written as an integer literal.
    public init(integerLiteral number: Int) { self.init(number) }
    /// An id written as a string literal.
    public init(stringLiteral text: String) { self.init(text) }

    /// The trading account of the user's own orders: `String(uid)`.
    public var ownAccount: String { rawValue }

    /// The id's text, ``rawValue``.
    public var description: String { rawValue }
}

extension UserID: Codable {
    /// Decodes a JSON number or a non-empty JSON string.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let number = try? container.decode(Int.self) {
            self.init(number)
        } else {
            let text = try container.decode(String.self)
            guard !text.isEmpty else {
                throw DecodingError.dataCorruptedError(in: container, debugDescription: "empty uid")
            }
            self.init(text)
        }
    }

    /// Encodes as a JSON number when the id is a number written the way JSON writes it, as
    /// most responses do; any other text (`"007"`, `"+1"`) stays a string, so it reads back
    /// the same.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        if let number = Int(rawValue), String(number) == rawValue { try container.encode(number) } else { try container.encode(rawValue) }
    }

    /// Encodes as a JSON string, as `/user/{uid}/info` does.
    func encodeAsString(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}
