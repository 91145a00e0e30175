/// The body of `/order/update`: a new price and quantity for an unfilled order.
public struct OrderAmendment: Codable, Hashable, Sendable {
    /// The exchange's id of the order to change.
    public var streetOrderId: String
    /// The new price, a decimal string on the wire (`"0.00145"`).
    public var price: ExactDecimal
    /// The new quantity, a decimal string on the wire (`"10.000"`).
    public var quantity: ExactDecimal
    /// The trading account the order belongs to.
    public var owner: String
    /// The exchange the order is on.
    public var counterParty: String

    /// An amendment setting the `price` and `quantity` of order `streetOrderId`.
    public init(streetOrderId: String, price: ExactDecimal, quantity: ExactDecimal, owner: String, counterParty: String) {
        self.streetOrderId = streetOrderId
        self.price = price
        self.quantity = quantity
        self.owner = owner
        self.counterParty = counterParty
    }
}
