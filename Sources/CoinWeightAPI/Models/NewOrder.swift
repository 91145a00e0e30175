/// The body of `/order/create`.
public struct NewOrder: Codable, Hashable, Sendable {
    public var orderType: OrderType
    public var symbol: String
    public var side: Side
    public var owner: String
    public var counterParty: String
    public var price: ExactDecimal
    public var quantity: ExactDecimal

    public init(
        orderType: OrderType, symbol: String, side: Side, owner: String, counterParty: String,
        price: ExactDecimal, quantity: ExactDecimal
    ) {
        self.orderType = orderType
        self.symbol = symbol
        self.side = side
        self.owner = owner
        self.counterParty = counterParty
        self.price = price
        self.quantity = quantity
    }
}
