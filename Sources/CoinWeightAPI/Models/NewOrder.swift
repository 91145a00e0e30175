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

extension Order {
    /// Whether this server order is what `order` asked for: the same owner, exchange, symbol,
    /// side, type, price and quantity (amounts compared by value).
    public func matches(_ order: NewOrder) -> Bool {
        owner == order.owner && counterParty == order.counterParty && symbol == order.symbol && side == order.side
            && orderType == order.orderType && price.isSameAmount(as: order.price) && quantity.isSameAmount(as: order.quantity)
    }
}
