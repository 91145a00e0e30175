/// A balance on one exchange, from `/user/{uid}/position`.
public struct Position: Codable, Hashable, Sendable {
    public var counterParty: String
    public var currency: String
    public var totalAmount: ExactDecimal
    public var usedAmount: ExactDecimal
    public var availableAmount: ExactDecimal

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
