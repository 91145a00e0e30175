public import CoinWeightAPI
public import CoinWeightStore
import Foundation

/// The user's writes: each checked, shown in the mirror at once (marked pending, see
/// ``StoreQuery/withPending()``), queued durably and delivered by ``CoinWeightMirror/run()``
/// or ``CoinWeightMirror/sendNow()``.
extension CoinWeightMirror {
    /// Queues `write` for the logged-in user. An order create gets its deadline
    /// (``SyncConfiguration/orderDeadline``, ``SyncConfiguration/marketOrderDeadline``), and
    /// is checked against the symbols config as every order write is; a favorite or layout
    /// slot must name a listed exchange and symbol.
    /// - Returns: the entry's id, to observe with ``StoreQuery/outboxEntry(id:)``.
    /// - Throws: ``MirrorError/notLoggedIn`` or ``OutboxError``; nothing is written then.
    @discardableResult
    public func queue(_ write: OutboxWrite) async throws -> Int64 {
        try await outbox.enqueue(write, uid: requireSession().uid)
    }

    /// Adds a favorite market.
    @discardableResult
    public func addFavorite(_ pair: MarketPair) async throws -> Int64 { try await queue(.addFavorite(pair)) }

    /// Removes a favorite market.
    @discardableResult
    public func removeFavorite(_ pair: MarketPair) async throws -> Int64 { try await queue(.deleteFavorite(pair)) }

    /// Sets one slot of the user's professional or simple layout.
    @discardableResult
    public func setLayoutSlot(_ slot: LayoutSlot, of kind: LayoutKind) async throws -> Int64 { try await queue(.updateLayout(kind, slot)) }

    /// Places an order. It shows in the mirror at once under a local id, and is sent only
    /// until `validFor` after now (by default ``SyncConfiguration/orderDeadline``, or
    /// ``SyncConfiguration/marketOrderDeadline`` for a MARKET order), then expires. While
    /// ``run()`` runs and nothing else of the account waits to be sent, its request goes out
    /// at once, without waiting for the next delivery pass.
    /// - Parameter allowWhileOffline: queue a MARKET order even while the server cannot be
    ///   reached (it fills at whatever the price is when it is sent).
    /// - Returns: the entry's id and the order's local id, which later writes may name.
    /// - Throws: ``MirrorError/notLoggedIn``, ``OutboxError``; nothing is written then.
    public func placeOrder(_ order: NewOrder, validFor: Duration? = nil, allowWhileOffline: Bool = false) async throws -> (entry: Int64, localID: String) {
        try await outbox.placeOrder(order, uid: requireSession().uid, validFor: validFor, allowWhileOffline: allowWhileOffline)
    }

    /// Changes an order's price and quantity.
    @discardableResult
    public func updateOrder(_ amendment: OrderAmendment) async throws -> Int64 { try await queue(.updateOrder(amendment)) }

    /// Cancels an order.
    @discardableResult
    public func cancelOrder(_ reference: OrderReference) async throws -> Int64 { try await queue(.cancelOrder(reference)) }

    /// Cancels every active order of an owner on the exchanges the request selects.
    @discardableResult
    public func cancelAllOrders(_ request: CancelAllRequest) async throws -> Int64 { try await queue(.cancelAllOrders(request)) }

    /// Creates a strategy item. It shows at once under a local id, which later writes
    /// (update, delete, start, stop, leave) may name.
    /// - Returns: the entry's id and the item's local id.
    public func createStrategy(_ item: StrategyItem) async throws -> (entry: Int64, localID: String) {
        try await outbox.createStrategy(item, uid: requireSession().uid)
    }

    /// Queues a failed or expired entry again, as it was first queued: its change shown in
    /// the mirror again, due at once; an order create gets a new deadline.
    /// - Throws: ``OutboxControlError`` when there is no such entry or it is not failed or expired.
    public func retry(_ entry: Int64) async throws {
        let now = configuration.now()
        let write = try await store.read(.outboxEntry(id: entry))?.write
        var deadline = configuration.orderDeadline
        if case .createOrder(let order, _) = write, order.orderType == .market { deadline = configuration.marketOrderDeadline }
        let until = now.addingTimeInterval(deadline.timeInterval)
        try await store.write { try $0.retryOutboxEntry(entry, at: now, deadline: until) }
        await outbox.wake()
    }

    /// Takes a pending entry out of the queue and its change out of the mirror; it is kept,
    /// failed with ``OutboxFailure/dropped``.
    /// - Throws: ``OutboxControlError`` when there is no such entry or it is not pending (one
    ///   being sent may already have taken effect).
    public func drop(_ entry: Int64) async throws {
        let now = configuration.now()
        try await store.write { try $0.dropOutboxEntry(entry, at: now) }
    }

    /// Reads `owner`'s API keys (their metadata, masked as the server lists them) from the
    /// server into the store now: after a key was added or deleted through ``client``, which
    /// only the server can do.
    /// - Returns: the keys as the server lists them.
    @discardableResult
    public func refreshSecrets(owner: String) async throws -> [SecretMetadata] {
        let keys = try await client.secrets(owner: owner)
        try await store.write { try $0.replaceSecrets(keys, owner: owner) }
        return keys
    }

    private func requireSession() throws -> Session {
        guard let session else { throw MirrorError.notLoggedIn }
        return session
    }
}
