public import CoinWeightAPI

/// Where a page of orders ended: the next page starts after this key, newest first.
///
/// A keyset, not an offset: rows inserted while a user pages (a sync landing) shift nothing.
public struct OrderCursor: Hashable, Sendable, Codable {
    /// The `createTime` of the last order of the page, in milliseconds since the epoch.
    public var createTime: Int64
    /// The id of the last order of the page, which breaks ties between orders of the same
    /// `createTime`.
    public var streetOrderId: String

    /// The cursor just after the order with this `createTime` (ms) and id.
    public init(createTime: Int64, streetOrderId: String) {
        self.createTime = createTime
        self.streetOrderId = streetOrderId
    }

    /// The cursor just after `order`.
    public init(after order: Order) { self.init(createTime: order.createTime, streetOrderId: order.streetOrderId) }
}

/// One page of an order history query, newest first.
public struct OrderPage: Hashable, Sendable {
    /// The page's orders, newest first: at most the query's `limit`.
    public var orders: [Order]
    /// The cursor of the next page, `nil` on the last one.
    public var next: OrderCursor?

    /// A page of `orders`, followed by the page after `next`.
    public init(orders: [Order], next: OrderCursor?) {
        self.orders = orders
        self.next = next
    }
}
