import BenchmarkSupport
import CoinWeightAPI
import CoinWeightStore
import CoinWeightSync

/// The timed durable enqueues: `Outbox.enqueue` of distinct favorite removals into a fresh
/// store, one write transaction each, as the app queues a user's writes. Removals, because
/// an addition must name a pair of the synced symbols config, which has few.
struct EnqueueMeasurement {
    /// The favorites whose removal is queued: `binance` `SYM<i>-USDT`, each once, so none folds
    /// into another (a removal is never checked against the symbols config; the emulator never
    /// sees these).
    static func pair(_ index: Int) -> MarketPair { MarketPair(counterParty: "binance", symbol: "SYM\(index)-USDT") }

    var count: Int
    /// The wall time of the whole loop.
    var elapsed: Duration
    /// The wall time of the first and of the last tenth of the enqueues: the entries and the
    /// optimistic favorites pile up in the store as the loop goes.
    var firstTenth: Duration
    var lastTenth: Duration
    /// The store's commits during the loop.
    var commits: Int

    var perSecond: Double { Double(count) / elapsed.seconds }
    var commitsPerEnqueue: Double { Double(commits) / Double(count) }

    /// Queues `count` distinct favorites for `uid` through `outbox`, whose store is fresh,
    /// and times the loop (opening the store not).
    /// - Throws: ``OutboxBenchmarkError/enqueuesFolded(expected:pending:)`` unless every write is pending afterwards.
    static func run(count: Int, outbox: Outbox, uid: UserID) async throws -> EnqueueMeasurement {
        let tenth = max(count / 10, 1)
        let commitsBefore = try WALIndexHeader(database: outbox.store.path)
        let clock = ContinuousClock()
        let start = clock.now
        var firstTenth = Duration.zero
        var lastTenthStart = start
        for index in 0..<count {
            if index == count - tenth { lastTenthStart = clock.now }
            _ = try await outbox.enqueue(.deleteFavorite(pair(index)), uid: uid)
            if index == tenth - 1 { firstTenth = start.duration(to: clock.now) }
        }
        let end = clock.now
        let commits = try WALIndexHeader.commits(to: outbox.store.path, since: commitsBefore)
        let pending = try await outbox.store.read(.outbox(uid: uid, states: [.pending])).count
        guard pending == count else { throw OutboxBenchmarkError.enqueuesFolded(expected: count, pending: pending) }
        return EnqueueMeasurement(
            count: count, elapsed: start.duration(to: end), firstTenth: firstTenth, lastTenth: lastTenthStart.duration(to: end), commits: commits)
    }
}
