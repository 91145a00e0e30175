import BenchmarkSupport
import CoinWeightAPI
import CoinWeightStore

/// What one call of the store's async API costs by itself on this machine, timed alone after
/// the deliveries: the least each store call of the outbox costs, from the caller's `await`
/// to its return (the hop to GRDB's queue and back included).
struct StoreRoundTrips {
    /// Calls timed of each kind.
    static let calls = 1_000

    /// `store.write { _ in }`, on average: a transaction that writes nothing (no commit).
    var emptyWrite: Duration
    /// `store.read(.outbox(uid:states: [.pending, .sending]))`, on average, with none left.
    var pendingRead: Duration

    /// Times ``calls`` calls of each on `store`, one after the other.
    static func measure(_ store: CoinWeightStore, uid: UserID) async throws -> StoreRoundTrips {
        let clock = ContinuousClock()
        let writeStart = clock.now
        for _ in 0..<calls { try await store.write { _ in } }
        let emptyWrite = writeStart.duration(to: clock.now) / calls
        let readStart = clock.now
        for _ in 0..<calls { _ = try await store.read(.outbox(uid: uid, states: [.pending, .sending])) }
        return StoreRoundTrips(emptyWrite: emptyWrite, pendingRead: readStart.duration(to: clock.now) / calls)
    }
}
