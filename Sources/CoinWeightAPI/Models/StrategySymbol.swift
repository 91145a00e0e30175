/// One symbol entry of a strategy's parameters.
///
/// Entries come in several shapes (VolumeMarketMaker's `currency1`/`margin1`, the older
/// `currency`/`margin` form...), and the server may add fields: every field is kept, in
/// ``fields``, so nothing is lost on a round trip. Common fields have accessors.
public struct StrategySymbol: Codable, Hashable, Sendable {
    /// Every field of the entry as received.
    public var fields: [String: JSONValue]

    /// An entry with these fields.
    public init(fields: [String: JSONValue]) { self.fields = fields }

    /// The entry's `name`.
    public var name: String? { fields["name"]?.stringValue }
    /// The traded symbol: `symbol`, or `name` in the older shape where no `symbol` is given.
    public var symbol: String? { fields["symbol"]?.stringValue ?? fields["name"]?.stringValue }

    /// The value of any field.
    public subscript(field: String) -> JSONValue? {
        get { fields[field] }
        set { fields[field] = newValue }
    }

    /// Decodes a JSON object, keeping every field.
    public init(from decoder: any Decoder) throws {
        fields = try decoder.singleValueContainer().decode([String: JSONValue].self)
    }

    /// Encodes ``fields`` as a JSON object.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(fields)
    }
}
