import CoinWeightAPI

/// What an optimistic change replaced in the mirror, to put back if its write is refused.
enum OutboxUndo: Codable, Hashable, Sendable {
    /// A favorite's row before the change: its position, or `nil` when it was absent.
    case favorite(uid: String, pair: MarketPair, position: Int?)
    /// A custom layout slot before the change, or `nil` when it was empty.
    case layoutSlot(uid: String, kind: LayoutKind, position: Int, previous: LayoutSlot?)
    /// Order rows: the ids to remove (a create's local row) and the rows as they were (put
    /// back unless the server has since changed them).
    case orders(removing: [String], restoring: [Order])
    /// A strategy item before the change (`nil` when absent) and its place in the list.
    case strategyItem(uid: String, id: String, previous: StrategyItem?, position: Int?)
    /// A strategy's run state before the change, `nil` when it had none.
    case strategyStatus(uid: String, id: String, previous: StrategyRunState?)
}
