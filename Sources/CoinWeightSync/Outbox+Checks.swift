import CoinWeightAPI
import CoinWeightStore

/// The checks a write passes before it is queued: one the server would refuse, or that
/// could never show, is refused at once and never blocks the queue.
extension Outbox {
    /// Refuses an order for another user's account, or one that breaks a rule of the
    /// symbols config in the store.
    func check(_ order: NewOrder, uid: UserID) async throws {
        try await checkOwner(order.owner, uid: uid)
        if let violation = try await rules(for: order.counterParty, order.symbol).violation(of: order) { throw OutboxError.invalidOrder(violation) }
    }

    /// Refuses a write for a trading account that is not `uid`'s own nor one of the owners
    /// of its strategies in the store: the server would refuse it with a 403.
    func checkOwner(_ owner: String, uid: UserID) async throws {
        guard owner != uid.ownAccount else { return }
        let strategyOwners = Set(try await store.read(.strategyItems(uid: uid)).compactMap(\.owner))
        guard strategyOwners.contains(owner) else { throw OutboxError.foreignOwner(owner, uid: uid) }
    }

    /// Refuses an update of an unknown order, or one whose new price or quantity breaks a rule.
    func check(_ amendment: OrderAmendment) async throws {
        guard let order = try await store.read(.order(id: amendment.streetOrderId)) else { throw OutboxError.unknownOrder(amendment.streetOrderId) }
        let rules = try await rules(for: order.counterParty, order.symbol)
        if let violation = rules.violation(counterParty: order.counterParty, symbol: order.symbol, price: amendment.price, quantity: amendment.quantity) {
            throw OutboxError.invalidOrder(violation)
        }
    }

    /// Refuses a favorite or a layout slot for an exchange or symbol the symbols config in
    /// the store does not list: the server would keep it, and no market would ever show it.
    func checkListed(_ counterParty: String, _ symbol: String) async throws {
        let symbols = try await store.read(.symbols)
        guard !symbols.isEmpty else { throw OutboxError.symbolsNotSynced }
        guard let exchange = symbols.first(where: { $0.counterParty == counterParty }) else {
            throw OutboxError.unlisted(counterParty: counterParty, symbol: symbol, exchanges: symbols.map(\.counterParty))
        }
        guard exchange.symbols.contains(where: { $0.name == symbol }) else {
            throw OutboxError.unlisted(counterParty: counterParty, symbol: symbol, exchanges: nil)
        }
    }

    /// The rules of one symbol on one exchange, from its row alone when the store lists it;
    /// otherwise from the whole config, to say what is listed instead.
    private func rules(for counterParty: String, _ symbol: String) async throws -> OrderRules {
        guard let spec = try await store.read(.symbol(counterParty: counterParty, name: symbol)) else { return try await rules() }
        return OrderRules(symbols: [CounterPartySymbols(counterParty: counterParty, symbols: [spec])])
    }

    private func rules() async throws -> OrderRules {
        let symbols = try await store.read(.symbols)
        guard !symbols.isEmpty else { throw OutboxError.symbolsNotSynced }
        return OrderRules(symbols: symbols)
    }
}
