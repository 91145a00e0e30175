import CoinWeightAPI

/// Every order of the emulated exchange, indexed by id and by owner in `createTime` order.
struct OrderBook: Sendable {
    private(set) var orders: [String: Order] = [:]
    /// Per owner, order ids sorted by (`createTime`, id) ascending.
    private var byOwner: [String: [String]] = [:]
    /// When a new order becomes visible to the list endpoints (read lag), in ms.
    private var visibleFrom: [String: Int64] = [:]
    private var nextID = 1_000_000

    /// A fresh exchange order id.
    mutating func makeID() -> String {
        nextID += 1
        return String(nextID)
    }

    /// Adds a new order, visible to the list endpoints from `visibleFrom` (ms).
    mutating func insert(_ order: Order, visibleFrom: Int64? = nil) {
        orders[order.streetOrderId] = order
        if let visibleFrom { self.visibleFrom[order.streetOrderId] = visibleFrom }
        // The owner's ids are mutated in place (no other reference alive): a copy per insert
        // made seeding quadratic.
        if let index = insertionIndex(of: order) {
            byOwner[order.owner, default: []].insert(order.streetOrderId, at: index)
        } else {
            byOwner[order.owner, default: []].append(order.streetOrderId)
        }
    }

    /// Where `order` goes among its owner's ids, or `nil` when after the last (the usual case).
    private func insertionIndex(of order: Order) -> Int? {
        let key = (order.createTime, order.streetOrderId)
        guard let ids = byOwner[order.owner], let last = ids.last, let lastOrder = orders[last], (lastOrder.createTime, last) > key else {
            return nil
        }
        return ids.partitioningIndex { id in
            let other = orders[id]!
            return (other.createTime, id) > key
        }
    }

    /// Replaces an existing order's state.
    mutating func update(_ order: Order) {
        precondition(orders[order.streetOrderId] != nil, "update of an unknown order")
        orders[order.streetOrderId] = order
    }

    subscript(id: String) -> Order? { orders[id] }

    /// Whether the list endpoints show the order at `now` (ms).
    func isVisible(_ id: String, at now: Int64) -> Bool { (visibleFrom[id] ?? .min) <= now }

    /// An owner's orders with `createTime` in `range`, newest first.
    func newestFirst(owner: String, createdIn range: ClosedRange<Int64>) -> some Sequence<Order> {
        let ids = byOwner[owner] ?? []
        let lower = ids.partitioningIndex { orders[$0]!.createTime >= range.lowerBound }
        let upper = ids.partitioningIndex { orders[$0]!.createTime > range.upperBound }
        return ids[lower..<max(lower, upper)].reversed().lazy.map { orders[$0]! }
    }

    /// An owner's orders, newest first.
    func newestFirst(owner: String) -> some Sequence<Order> {
        (byOwner[owner] ?? []).reversed().lazy.map { orders[$0]! }
    }

    /// How many orders the exchange holds.
    var count: Int { orders.count }
}

extension Array {
    /// The first index whose element satisfies `predicate`, assuming all that do come after all that do not.
    func partitioningIndex(where predicate: (Element) -> Bool) -> Int {
        var low = 0
        var high = count
        while low < high {
            let middle = (low + high) / 2
            if predicate(self[middle]) { high = middle } else { low = middle + 1 }
        }
        return low
    }
}
