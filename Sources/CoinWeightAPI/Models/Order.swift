/// An order as the exchange reports it (`/order/create`, `/order/active`, `/order/inactive`...).
public struct Order: Codable, Hashable, Sendable {
    /// The exchange's id of the order.
    public var streetOrderId: String
    /// `LIMIT` or `MARKET`, or a type this client does not know.
    public var orderType: OrderType
    /// The traded symbol, for example `BTC-USDT`.
    public var symbol: String
    /// `BID` (buy) or `ASK` (sell), or a side this client does not know.
    public var side: Side
    /// The trading account the order belongs to (`"2"`, `"strategy-10"`).
    public var owner: String
    /// The exchange the order is on, for example `binance`.
    public var counterParty: String
    /// The order's price, a decimal string on the wire (`"0.00123"`).
    public var price: ExactDecimal
    /// The ordered quantity, a decimal string on the wire (`"10.000"`).
    public var quantity: ExactDecimal
    /// The fill price the exchange reports, a decimal string on the wire; `"0.00"` while
    /// nothing has filled.
    public var filledPrice: ExactDecimal
    /// How much has filled, a decimal string on the wire; `"0.00"` while nothing has.
    public var filledQuantity: ExactDecimal
    /// The order's state on the exchange; see ``ExecutionType/isActive``.
    public var executionType: ExecutionType
    /// Milliseconds since the epoch, UTC.
    public var createTime: Int64
    /// Milliseconds since the epoch, UTC.
    public var processedTime: Int64

    /// Creates an order with the given fields.
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
