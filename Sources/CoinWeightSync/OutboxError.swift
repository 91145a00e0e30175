public import CoinWeightAPI

/// Why a write was not queued. Nothing was written.
public enum OutboxError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The order breaks a rule of the symbols config.
    case invalidOrder(OrderRuleViolation)
    /// The symbols config is not in the store yet, so an order cannot be checked.
    case symbolsNotSynced
    /// A MARKET order while the server cannot be reached: it would fill at whatever the
    /// price is when the network comes back.
    case marketOrderWhileOffline
    /// The order to change is not in the store.
    case unknownOrder(String)
    /// An order write for a trading account that is not the user's: neither its own nor one
    /// of the strategy owners the mirror holds for it. The server would refuse it (403).
    case foreignOwner(String, uid: UserID)
    /// A favorite or layout slot for an exchange (`exchanges` lists the known ones) or a
    /// symbol of it that the synced symbols config does not have.
    case unlisted(counterParty: String, symbol: String, exchanges: [String]?)

    /// Why nothing was queued, in words, and what can be done instead.
    public var description: String {
        switch self {
        case .invalidOrder(let violation): "order refused before queueing: \(violation)"
        case .symbolsNotSynced: "the symbols config is not synced yet, so the write cannot be checked: sync first"
        case .marketOrderWhileOffline:
            "a MARKET order is not queued while the server cannot be reached: retry online, use a LIMIT order, or queue it explicitly while offline"
        case .unknownOrder(let id): "order \(id) is not in the store: sync, then name an order the mirror holds"
        case .foreignOwner(let owner, let uid):
            "owner \(owner) is not an account of user \(uid) (its own is \(uid.ownAccount), its strategies' owners are synced with them): nothing was queued"
        case .unlisted(let counterParty, let symbol, let exchanges?):
            "exchange \(counterParty) is not in the synced symbols config (it has \(exchanges.joined(separator: ", "))): \(symbol) not queued"
        case .unlisted(let counterParty, let symbol, nil):
            "\(symbol) is not a symbol of \(counterParty) in the synced symbols config: nothing was queued"
        }
    }
}
