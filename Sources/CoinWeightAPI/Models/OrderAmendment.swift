/// The body of `/order/update`: a new price and quantity for an unfilled order.
public struct OrderAmendment: Codable, Hashable, Sendable {
    public var streetOrderId: String
    public var price: ExactDecimal
    public var quantity: ExactDecimal
    public var owner: String
    public var counterParty: String

    public init(streetOrderId: String, price: ExactDecimal, quantity: ExactDecimal, owner: String, counterParty: String) {
        self.streetOrderId = streetOrderId
        self.price = price
        self.quantity = quantity
        self.owner = owner
        self.counterParty = counterParty
    }
}
