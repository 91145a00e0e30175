/// A balance on one exchange, from `/user/{uid}/position`.
public struct Position: Codable, Hashable, Sendable {
    /// The exchange holding the balance, for example `binance`.
    public var counterParty: String
    /// The currency, for example `BTC`.
    public var currency: String
    /// The whole balance, a decimal string on the wire (`"1000.0"`).
    public var totalAmount: ExactDecimal
    /// The used part of the balance, a decimal string on the wire (`"12.001"`).
    public var usedAmount: ExactDecimal
    /// The available part of the balance, a decimal string on the wire (`"999"`).
    /// Not necessarily ``totalAmount`` minus ``usedAmount``: the spec's own example differs.
    public var availableAmount: ExactDecimal

    /// Creates a position with the given fields.
    public init(
        counterParty: String, currency: String, totalAmount: ExactDecimal, usedAmount: ExactDecimal,
        availableAmount: ExactDecimal
    ) {
        self.counterParty = counterParty
        self.currency = currency
        self.totalAmount = totalAmount
        self.usedAmount = usedAmount
        self.availableAmount = availableAmount
    }
}
