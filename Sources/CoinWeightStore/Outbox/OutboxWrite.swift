import CoinWeightAPI

/// A write of the user's, queued in the outbox until the server has it.
public enum OutboxWrite: Codable, Hashable, Sendable {
    /// `/config/market/custom/{uid}/favorite/add`.
    case addFavorite(MarketPair)
    /// `/config/market/custom/{uid}/favorite/delete`.
    case deleteFavorite(MarketPair)
    /// `/config/layout/{kind}/custom/{uid}/update`.
    case updateLayout(LayoutKind, LayoutSlot)

    /// The write's name, as the CLI lists it.
    public var kind: String {
        switch self {
        case .addFavorite: "addFavorite"
        case .deleteFavorite: "deleteFavorite"
        case .updateLayout: "updateLayout"
        }
    }

    /// What the write acts on: writes to one entity are delivered in the order they were made.
    public var entity: String {
        switch self {
        case .addFavorite(let pair), .deleteFavorite(let pair): "favorite:\(pair.counterParty):\(pair.symbol)"
        case .updateLayout(let kind, let slot): "layout:\(kind.rawValue):\(slot.position)"
        }
    }

    /// Whether sending it twice has the effect of sending it once, so a send interrupted by a
    /// crash may simply be sent again.
    public var isIdempotent: Bool { true }
}
