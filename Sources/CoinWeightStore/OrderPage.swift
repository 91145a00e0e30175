import CoinWeightAPI

/// Where a page of orders ended: the next page starts after this key, newest first.
///
/// A keyset, not an offset: rows inserted while a user pages (a sync landing) shift nothing.
public struct OrderCursor: Hashable, Sendable, Codable {
    public var createTime: Int64
    public var streetOrderId: String

    public init(createTime: Int64, streetOrderId: String) {
        self.createTime = createTime
        self.streetOrderId = streetOrderId
    }

    /// The cursor just after `order`.
    public init(after order: Order) { self.init(createTime: order.createTime, streetOrderId: order.streetOrderId) }
}

/// One page of an order history query, newest first.
public struct OrderPage: Hashable, Sendable {
    public var orders: [Order]
    /// The cursor of the next page, `nil` on the last one.
    public var next: OrderCursor?

    public init(orders: [Order], next: OrderCursor?) {
        self.orders = orders
        self.next = next
    }
}
