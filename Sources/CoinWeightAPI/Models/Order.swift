/// An order as the exchange reports it (`/order/create`, `/order/active`, `/order/inactive`...).
public struct Order: Codable, Hashable, Sendable {
    /// The exchange's id of the order.
    public var streetOrderId: String
    public var orderType: OrderType
    public var symbol: String
    public var side: Side
    /// The trading account the order belongs to (`"2"`, `"strategy-10"`).
    public var owner: String
    public var counterParty: String
    public var price: ExactDecimal
    public var quantity: ExactDecimal
    public var filledPrice: ExactDecimal
    public var filledQuantity: ExactDecimal
    public var executionType: ExecutionType
    /// Milliseconds since the epoch, UTC.
    public var createTime: Int64
    /// Milliseconds since the epoch, UTC.
    public var processedTime: Int64

    public init(
        streetOrderId: String, orderType: OrderType, symbol: String, side: Side, owner: String,
        counterParty: String, price: ExactDecimal, quantity: ExactDecimal, filledPrice: ExactDecimal,
        filledQuantity: ExactDecimal, executionType: ExecutionType, createTime: Int64, processedTime: Int64
    ) {
        self.streetOrderId = streetOrderId
        self.orderType = orderType
        self.symbol = symbol
        self.side = side
        self.owner = owner
        self.counterParty = counterParty
        self.price = price
        self.quantity = quantity
        self.filledPrice = filledPrice
        self.filledQuantity = filledQuantity
        self.executionType = executionType
        self.createTime = createTime
        self.processedTime = processedTime
    }
}
