/// One tab of the market list (`/config/market/default`, `/config/market/custom/{uid}`).
public struct MarketCategory: Codable, Hashable, Sendable {
    /// The tab's name, for example `BTC`.
    public var category: String
    public var items: [MarketItem]

    public init(category: String, items: [MarketItem]) {
        self.category = category
        self.items = items
    }
}

/// A symbol on an exchange with the user's favorite flag; also the shape of
/// `/config/market/custom/{uid}/favorite` entries.
public struct MarketItem: Codable, Hashable, Sendable {
    public var counterParty: String
    public var symbol: String
    public var favorite: Bool

    public init(counterParty: String, symbol: String, favorite: Bool) {
        self.counterParty = counterParty
        self.symbol = symbol
        self.favorite = favorite
    }

    /// The exchange and symbol without the flag.
    public var pair: MarketPair { MarketPair(counterParty: counterParty, symbol: symbol) }
}

/// A symbol on an exchange: the body of the favorite add and delete calls.
public struct MarketPair: Codable, Hashable, Sendable {
    public var counterParty: String
    public var symbol: String

    public init(counterParty: String, symbol: String) {
        self.counterParty = counterParty
        self.symbol = symbol
    }
}
