public import Foundation

/// The symbols one exchange trades, from `/config/symbols`.
public struct CounterPartySymbols: Codable, Hashable, Sendable {
    /// The exchange, for example `huobi`.
    public var counterParty: String
    /// The symbols the exchange trades, with their order limits.
    public var symbols: [SymbolSpec]

    /// Creates an exchange's list with the given fields.
    public init(counterParty: String, symbols: [SymbolSpec]) {
        self.counterParty = counterParty
        self.symbols = symbols
    }
}

/// One tradable symbol and the limits an order on it must respect.
public struct SymbolSpec: Codable, Hashable, Sendable {
    /// The symbol name, for example `ETH-USDT`.
    public var name: String
    /// The base currency, for example `ETH`.
    public var base: String
    /// The quote currency, for example `USDT`.
    public var quote: String
    /// The most digits a price may have after the decimal point.
    public var priceDecimal: Int
    /// The most digits a quantity may have after the decimal point.
    public var quantityDecimal: Int
    /// The smallest quantity an order may have (a JSON number on the wire, kept exact).
    public var quantityMin: Decimal
    /// The largest quantity an order may have (a JSON number on the wire, kept exact).
    public var quantityMax: Decimal

    /// Creates a symbol's limits with the given fields.
    public init(
        name: String, base: String, quote: String, priceDecimal: Int, quantityDecimal: Int,
        quantityMin: Decimal, quantityMax: Decimal
    ) {
        self.name = name
        self.base = base
        self.quote = quote
        self.priceDecimal = priceDecimal
        self.quantityDecimal = quantityDecimal
        self.quantityMin = quantityMin
        self.quantityMax = quantityMax
    }
}
