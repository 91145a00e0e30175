/// The body of `/order/create`.
public struct NewOrder: Codable, Hashable, Sendable {
    /// `LIMIT` or `MARKET`.
    public var orderType: OrderType
    /// The symbol to trade, for example `BTC-USDT`.
    public var symbol: String
    /// `BID` to buy, `ASK` to sell.
    public var side: Side
    /// The trading account to place the order for: the user's own (``UserID/ownAccount``)
    /// or a strategy's (`"strategy-10"`). A token may act only for owners of its user.
    public var owner: String
    /// The exchange to place the order on, for example `binance`.
    public var counterParty: String
    /// The price, a decimal string on the wire (`"0.00123"`), with at most the symbol's
    /// `priceDecimal` digits after the point.
    public var price: ExactDecimal
    /// The quantity, a decimal string on the wire (`"10.000"`), within the symbol's
    /// `quantityMin`, `quantityMax` and `quantityDecimal`.
    public var quantity: ExactDecimal

    /// An order to place. The client sends it as it is: check it with ``OrderRules`` first.
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
