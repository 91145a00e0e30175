/// A user's strategy configuration (`/config/strategy/custom/{uid}/items` and friends).
///
/// Fields this client does not model are kept in ``extraFields`` and sent back unchanged.
public struct StrategyItem: Hashable, Sendable {
    /// The server's id; `nil` before the item is created.
    public var id: String?
    /// The strategy's name, for example `octmm`.
    public var name: String
    /// The exchange the strategy trades on, for example `binance`.
    public var exchange: String
    /// The trading account the strategy uses (`"strategy-10"`); absent in some responses.
    public var owner: String?
    /// `VolumeMarketMaker`, `SingleMarketMaker`, or a type this client does not know.
    public var strategyType: String
    /// The strategy's parameters, one entry per symbol.
    public var symbols: [StrategySymbol]
    /// Top-level fields not listed above, kept for round trips.
    public var extraFields: [String: JSONValue]

    /// Creates an item; leave `id` `nil` for one the server has not created yet.
    public init(
        id: String? = nil, name: String, exchange: String, owner: String? = nil, strategyType: String,
        symbols: [StrategySymbol], extraFields: [String: JSONValue] = [:]
    ) {
        self.id = id
        self.name = name
        self.exchange = exchange
        self.owner = owner
        self.strategyType = strategyType
        self.symbols = symbols
        self.extraFields = extraFields
    }

    /// The same item with another id.
    public func withID(_ id: String?) -> StrategyItem {
        var copy = self
        copy.id = id
        return copy
    }
}

extension StrategyItem: Codable {
    private enum Field: String, CaseIterable {
        case id, name, exchange, owner, strategyType, symbols
    }

    private static let knownFields = Set(Field.allCases.map(\.rawValue))

    /// Decodes the fields above and keeps every other top-level field in ``extraFields``.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: AnyCodingKey.self)
        func key(_ field: Field) -> AnyCodingKey { AnyCodingKey(field.rawValue) }
        id = try container.decodeIfPresent(String.self, forKey: key(.id))
        name = try container.decode(String.self, forKey: key(.name))
        exchange = try container.decode(String.self, forKey: key(.exchange))
        owner = try container.decodeIfPresent(String.self, forKey: key(.owner))
        strategyType = try container.decode(String.self, forKey: key(.strategyType))
        symbols = try container.decode([StrategySymbol].self, forKey: key(.symbols))
        var extra: [String: JSONValue] = [:]
        for codingKey in container.allKeys where !Self.knownFields.contains(codingKey.stringValue) {
            extra[codingKey.stringValue] = try container.decode(JSONValue.self, forKey: codingKey)
        }
        extraFields = extra
    }

    /// Encodes the fields above, `id` and `owner` only when set, and ``extraFields``; an extra
    /// field named like one of the fields above is left out.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: AnyCodingKey.self)
        for (field, value) in extraFields where !Self.knownFields.contains(field) {
            try container.encode(value, forKey: AnyCodingKey(field))
        }
        func key(_ field: Field) -> AnyCodingKey { AnyCodingKey(field.rawValue) }
        try container.encodeIfPresent(id, forKey: key(.id))
        try container.encode(name, forKey: key(.name))
        try container.encode(exchange, forKey: key(.exchange))
        try container.encodeIfPresent(owner, forKey: key(.owner))
        try container.encode(strategyType, forKey: key(.strategyType))
        try container.encode(symbols, forKey: key(.symbols))
    }
}
