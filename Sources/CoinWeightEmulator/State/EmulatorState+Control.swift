import CoinWeightAPI
import Foundation

/// What the control surface offers tests: seeding, moving orders along, and the state dump.
extension EmulatorState {
    /// Adds `count` finished and active orders for `owner`, spread over `days` days up to
    /// `endTime` (ms). The same arguments give the same orders.
    /// - Returns: how many orders were added.
    @discardableResult
    public func seedHistory(owner: String, count: Int, days: Int, seed: UInt64, endTime: Int64) -> Int {
        book.seedHistory(owner: owner, count: count, days: days, seed: seed, endTime: endTime)
    }

    /// Fills an active order, wholly or by `quantity`, as the exchange would.
    /// - Returns: the order after the fill, or `nil` when there is no such active order.
    @discardableResult
    public func fillOrder(id: String, quantity: ExactDecimal? = nil) -> Order? {
        guard var order = book[id], order.executionType.isActive else { return nil }
        let filled = min(order.quantity.value, order.filledQuantity.value + (quantity?.value ?? order.quantity.value))
        order.filledQuantity = ExactDecimal("\(filled)") ?? order.quantity
        order.filledPrice = order.price
        order.executionType = filled >= order.quantity.value ? .filled : .partiallyFilled
        order.processedTime = nowMilliseconds
        book.update(order)
        return order
    }

    /// Cancels an active order from the exchange's side.
    /// - Returns: the order after the cancel, or `nil` when there is no such active order.
    @discardableResult
    public func cancelOrder(id: String) -> Order? {
        guard let order = book[id], order.executionType.isActive else { return nil }
        return cancel(order)
    }

    /// An order by id, visible or not.
    public func order(id: String) -> Order? { book[id] }

    /// The whole state, for comparison with a mirror.
    public func snapshot() -> EmulatorSnapshot {
        let orders = book.orders.values.sorted { ($0.createTime, $0.streetOrderId) < ($1.createTime, $1.streetOrderId) }
        let keys = secrets.values.joined().map {
            SecretMetadata(counterParty: $0.counterParty, owner: $0.owner, apiKey: $0.apiKey, maskedSecretKey: Self.mask($0.secretKey))
        }
        return EmulatorSnapshot(
            users: users.values.sorted { $0.uid < $1.uid }, orders: orders,
            secrets: keys.sorted { ($0.owner, $0.counterParty) < ($1.owner, $1.counterParty) },
            symbols: SeedCatalog.symbols, faults: faults, faultCounts: faultCounts)
    }
}
