public import CoinWeightAPI
import GRDB

/// Reads whose rows say which write the server has not confirmed yet (``Mirrored/pending``),
/// in the same transaction as the rows: `store.read(.orders(filter).withPending())`,
/// `store.observe(.favorites(uid: uid).withPending())`. An observation yields again when a
/// write is queued, sent, confirmed or refused.
extension StoreQuery {
    /// The page's orders, each with its pending write.
    public func withPending() -> StoreQuery<MirroredOrderPage> where Value == OrderPage {
        marking(orders: true) { page, pending in MirroredOrderPage(orders: page.orders.map(pending.mirrored), next: page.next) }
    }

    /// The orders, each with its pending write.
    public func withPending() -> StoreQuery<[Mirrored<Order>]> where Value == [Order] {
        marking(orders: true) { orders, pending in orders.map(pending.mirrored) }
    }

    /// The order, if there is one, with its pending write.
    public func withPending() -> StoreQuery<Mirrored<Order>?> where Value == Order? {
        marking(orders: true) { order, pending in order.map(pending.mirrored) }
    }

    /// The favorites (``favorites(uid:)``), each with its pending write.
    public func withPending() -> StoreQuery<[Mirrored<MarketItem>]> where Value == [MarketItem] {
        marking { items, pending in items.map { Mirrored($0, pending: pending.onFavorite($0)) } }
    }

    /// The strategy items (``strategyItems(uid:)``), each with its pending write (an edit,
    /// a start or a stop).
    public func withPending() -> StoreQuery<[Mirrored<StrategyItem>]> where Value == [StrategyItem] {
        marking { items, pending in items.map { Mirrored($0, pending: pending.onStrategy($0)) } }
    }

    /// The slots of ``layout(_:scope:)`` for `kind` and `scope`, each with its pending write:
    /// only a user's own layout has any.
    public func withPending(_ kind: LayoutKind, scope: ResourceScope) -> StoreQuery<[Mirrored<LayoutSlot>]> where Value == [LayoutSlot] {
        marking { slots, pending in
            slots.map { slot in
                guard case .user = scope else { return Mirrored(slot, pending: nil) }
                return Mirrored(slot, pending: pending.onLayout(kind, slot: slot))
            }
        }
    }

    /// This read, then the pending writes (and the unlisted orders, for `orders`), in one transaction.
    private func marking<Marked: Sendable>(orders: Bool = false, _ mark: @escaping @Sendable (Value, PendingWrites) -> Marked) -> StoreQuery<Marked> {
        StoreQuery<Marked> { [fetch] db in mark(try fetch(db), try PendingWrites.fetch(db, uid: nil, orders: orders)) }
    }
}

/// One page of orders (``OrderPage``), each with its pending write.
public struct MirroredOrderPage: Hashable, Sendable {
    /// The page's orders, newest first, each with its pending write.
    public var orders: [Mirrored<Order>]
    /// The cursor of the next page, `nil` on the last one.
    public var next: OrderCursor?

    /// A page of `orders`, followed by the page after `next`.
    public init(orders: [Mirrored<Order>], next: OrderCursor?) {
        self.orders = orders
        self.next = next
    }
}
