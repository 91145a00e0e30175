import CoinWeightAPI
import CoinWeightStore

/// The checks a write passes before it is queued: one the server would refuse, or that
/// could never show, is refused at once and never blocks the queue. They run in the
/// transaction that queues the write, so nothing changes between the check and the queueing.
extension Outbox {
    /// Refuses `write` for `uid` when it breaks a rule of what `transaction` holds: an order
    /// write for another user's account, an order or amendment that breaks a rule of the
    /// symbols config, an update of an unknown order, a favorite or layout slot of an
    /// unlisted symbol.
    static func check(_ write: OutboxWrite, uid: UserID, in transaction: StoreTransaction) throws {
        switch write {
        case .createOrder(let order, _):
            try checkOwner(order.owner, uid: uid, in: transaction)
            if let violation = try rules(for: order.counterParty, order.symbol, in: transaction).violation(of: order) {
                throw OutboxError.invalidOrder(violation)
            }
        case .updateOrder(let amendment): try check(amendment, in: transaction)
        case .cancelAllOrders(let request): try checkOwner(request.owner, uid: uid, in: transaction)
        case .addFavorite(let pair): try checkListed(pair.counterParty, pair.symbol, in: transaction)
        case .updateLayout(_, let slot): try checkListed(slot.counterParty, slot.symbol, in: transaction)
        default: break
        }
    }

    /// Refuses a write for a trading account that is not `uid`'s own nor one of the owners
    /// of its strategies in the store: the server would refuse it with a 403.
    private static func checkOwner(_ owner: String, uid: UserID, in transaction: StoreTransaction) throws {
        guard owner != uid.ownAccount else { return }
        let strategyOwners = Set(try transaction.fetch(.strategyItems(uid: uid)).compactMap(\.owner))
        guard strategyOwners.contains(owner) else { throw OutboxError.foreignOwner(owner, uid: uid) }
    }

    /// Refuses an update of an unknown order, or one whose new price or quantity breaks a rule.
    private static func check(_ amendment: OrderAmendment, in transaction: StoreTransaction) throws {
        guard let order = try transaction.fetch(.order(id: amendment.streetOrderId)) else { throw OutboxError.unknownOrder(amendment.streetOrderId) }
        let rules = try rules(for: order.counterParty, order.symbol, in: transaction)
        if let violation = rules.violation(counterParty: order.counterParty, symbol: order.symbol, price: amendment.price, quantity: amendment.quantity) {
            throw OutboxError.invalidOrder(violation)
        }
    }

    /// Refuses a favorite or a layout slot for an exchange or symbol the symbols config in
    /// the store does not list: the server would keep it, and no market would ever show it.
    private static func checkListed(_ counterParty: String, _ symbol: String, in transaction: StoreTransaction) throws {
        guard try transaction.fetch(.symbol(counterParty: counterParty, name: symbol)) == nil else { return }
        let symbols = try transaction.fetch(.symbols)
        guard !symbols.isEmpty else { throw OutboxError.symbolsNotSynced }
        guard symbols.contains(where: { $0.counterParty == counterParty }) else {
            throw OutboxError.unlisted(counterParty: counterParty, symbol: symbol, exchanges: symbols.map(\.counterParty))
        }
        throw OutboxError.unlisted(counterParty: counterParty, symbol: symbol, exchanges: nil)
    }

    /// The rules of one symbol on one exchange, from its row alone when the store lists it;
    /// otherwise from the whole config, to say what is listed instead.
    private static func rules(for counterParty: String, _ symbol: String, in transaction: StoreTransaction) throws -> OrderRules {
        if let spec = try transaction.fetch(.symbol(counterParty: counterParty, name: symbol)) {
            return OrderRules(symbols: [CounterPartySymbols(counterParty: counterParty, symbols: [spec])])
        }
        let symbols = try transaction.fetch(.symbols)
        guard !symbols.isEmpty else { throw OutboxError.symbolsNotSynced }
        return OrderRules(symbols: symbols)
    }
}
