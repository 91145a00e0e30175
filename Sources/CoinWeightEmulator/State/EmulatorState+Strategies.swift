import CoinWeightAPI
import CoinWeightServing

/// Strategy items and the Strategy API (start, stop, leave, status).
extension EmulatorState {
    func strategyTemplates() -> [StrategyTemplate] { SeedCatalog.strategyTemplates }

    func strategies(_ user: EmulatedUser) -> [StrategyItem] { user.strategies }

    /// Creates an item with an id never given before, even to an item deleted since. Its owner
    /// becomes the user's, unless another user has it (403).
    func createStrategy(_ item: StrategyItem, _ user: EmulatedUser) throws(APIFailure) -> StrategyItem {
        if let owner = item.owner, check(owner: owner, for: user) == .foreign { throw .forbidden }
        let created = item.withID(String(nextStrategyID))
        nextStrategyID += 1
        try mutateUser(user.uid) { user in
            user.strategies.append(created)
            user.strategyStatus[created.id!] = .stopped
            if let owner = created.owner { user.owners.insert(owner) }
        }
        return created
    }

    /// Replaces the item with the same id; an id that is not the user's is error 500.
    func updateStrategy(_ item: StrategyItem, _ user: EmulatedUser) throws(APIFailure) -> StrategyItem {
        let index = try strategyIndex(item.id, user)
        if let owner = item.owner, check(owner: owner, for: user) == .foreign { throw .forbidden }
        try mutateUser(user.uid) { user in
            user.strategies[index] = item
            if let owner = item.owner { user.owners.insert(owner) }
        }
        return item
    }

    func deleteStrategy(id: String, _ user: EmulatedUser) throws(APIFailure) -> StrategyItem {
        let index = try strategyIndex(id, user)
        var removed: StrategyItem?
        try mutateUser(user.uid) { user in
            removed = user.strategies.remove(at: index)
            user.strategyStatus[id] = nil
        }
        return removed!
    }

    /// Starts or stops a strategy. Stopping with `cancelOrders` cancels the strategy owner's active orders.
    func setStrategy(_ command: StrategyCommand, running: Bool, _ user: EmulatedUser) throws(APIFailure) -> StrategyStatus {
        try requireSelf(command.userid, user)
        let index = try strategyIndex(command.strategy.id, user)
        let stored = user.strategies[index]
        let state: StrategyRunState = running ? .running : .stopped
        try mutateUser(user.uid) { user in user.strategyStatus[stored.id!] = state }
        if !running, command.cancelOrders == true, let owner = stored.owner {
            cancelActiveOrders(owner: owner, counterParties: nil)
        }
        return StrategyStatus(id: stored.id!, status: state)
    }

    func strategyStatuses(_ user: EmulatedUser) -> [StrategyStatus] {
        user.strategies.compactMap(\.id).map { StrategyStatus(id: $0, status: user.strategyStatus[$0] ?? .stopped) }
    }

    private func strategyIndex(_ id: String?, _ user: EmulatedUser) throws(APIFailure) -> Int {
        guard let id, let index = user.strategies.firstIndex(where: { $0.id == id }) else { throw APIFailure.wrongOwner }
        return index
    }
}
