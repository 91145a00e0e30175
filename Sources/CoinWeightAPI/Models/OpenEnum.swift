/// A string enumeration of the API that stays open to values this client does not know yet.
///
/// A server may add an `executionType` tomorrow; one unknown value must not make a whole page
/// of orders undecodable. Conforming enums have a `case unknown(String)` and map every other
/// case to its wire text in ``knownCases``, and keep ``casesByRawValue`` (built once with
/// ``makeCasesByRawValue()``) for decoding at the speed of a dictionary lookup.
public protocol OpenEnum: RawRepresentable<String>, Codable, Hashable, Sendable, CustomStringConvertible {
    /// Every case but `unknown`, in a stable order.
    static var knownCases: [Self] { get }
    /// ``knownCases`` by their wire text.
    static var casesByRawValue: [String: Self] { get }
    /// The case for a wire value that is not among ``knownCases``.
    static func unknown(_ rawValue: String) -> Self
}

extension OpenEnum {
    /// Maps a wire value to its case, or to `unknown(rawValue)`; never fails.
    public init(rawValue: String) {
        self = Self.parse(rawValue)
    }

    private static func parse(_ rawValue: String) -> Self {
        casesByRawValue[rawValue] ?? unknown(rawValue)
    }

    /// ``knownCases`` by their wire text, for a conforming type's ``casesByRawValue``.
    public static func makeCasesByRawValue() -> [String: Self] {
        Dictionary(uniqueKeysWithValues: knownCases.map { ($0.rawValue, $0) })
    }

    /// Whether this value is one the client knows.
    public var isKnown: Bool { Self.knownCases.contains(self) }

    /// The wire text, ``rawValue``.
    public var description: String { rawValue }

    /// Decodes a JSON string; a value the client does not know decodes to `unknown`.
    public init(from decoder: any Decoder) throws {
        self = Self.parse(try decoder.singleValueContainer().decode(String.self))
    }

    /// Encodes the wire text as a JSON string, an unknown value as it was received.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}
