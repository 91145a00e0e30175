import CoinWeightAPI
import CoinWeightStore

/// One favorite write of the benchmark: added or deleted. The outbox queues it as an
/// ``OutboxWrite``; the raw loop sends it with the client's own method.
struct FavoriteWrite {
    var pair: MarketPair
    /// Whether it adds the pair to the favorites (else deletes it).
    var adds: Bool

    /// The write as the outbox queues it.
    var outboxWrite: OutboxWrite { adds ? .addFavorite(pair) : .deleteFavorite(pair) }

    /// Sends it as one request: `addFavorite` or `deleteFavorite` of `client`.
    func send(with client: CoinWeightClient, uid: UserID) async throws {
        if adds { try await client.addFavorite(uid: uid, pair) } else { try await client.deleteFavorite(uid: uid, pair) }
    }
}
