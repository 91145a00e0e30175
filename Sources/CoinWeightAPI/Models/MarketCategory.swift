/// One tab of the market list (`/config/market/default`, `/config/market/custom/{uid}`).
public struct MarketCategory: Codable, Hashable, Sendable {
    /// The tab's name, for example `BTC`.
    public var category: String
    /// The symbols listed under the tab.
    public var items: [MarketItem]

    /// Creates a tab with the given fields.
    public init(category: String, items: [MarketItem]) {
        self.category = category
        self.items = items
    }
}

/// A symbol on an exchange with the user's favorite flag; also the shape of
/// `/config/market/custom/{uid}/favorite` entries.
public struct MarketItem: Codable, Hashable, Sendable {
    /// The exchange, for example `binance`.
    public var counterParty: String
    /// The symbol, for example `ETH-BTC`.
    public var symbol: String
    /// Whether the symbol is among the user's favorites.
    public var favorite: Bool

    /// Creates an item with the given fields.
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
    /// The exchange, for example `binance`.
    public var counterParty: String
    /// The symbol, for example `ETH-BTC`.
    public var symbol: String

    /// The symbol `symbol` on the exchange `counterParty`.
    public init(counterParty: String, symbol: String) {
        self.counterParty = counterParty
        self.symbol = symbol
    }
}
