import CoinWeightAPI
import CoinWeightEmulator
import CoinWeightStore
import CoinWeightSync
import CoinWeightTestSupport
import Foundation
import Testing

/// Favorites and layouts through the outbox: optimistic at once, delivered once, in order,
/// folded when they cancel out, rolled back when refused, paused without a valid login,
/// and never sent with another account's token.
@Suite("Outbox: favorites and layouts")
struct OutboxTests {
    static let pair = MarketPair(counterParty: "okcoin", symbol: "BTC-USDT")

    /// An outbox on the harness's store, once the symbols config it checks writes against is synced.
    private func outbox(_ harness: SyncHarness, transport: ScriptedTransport? = nil) async throws -> Outbox {
        #expect(await harness.engine.sync(uid: 2, only: [.symbols]).failures.isEmpty)
        let client =
            try transport.map { try CoinWeightClient(baseURL: harness.running.baseURL, transport: $0, authToken: harness.client.authToken) } ?? harness.client
        return Outbox(client: client, store: harness.store, configuration: SyncConfiguration(now: { harness.clock.now }))
    }

    @Test("a queued favorite shows at once, survives a sync, and reaches the server once")
    func optimisticThenDelivered() async throws {
        try await SyncHarness.with { harness in
            #expect(await harness.engine.sync(uid: 2).isComplete)
            let outbox = try await outbox(harness)
            let id = try await outbox.enqueue(.addFavorite(Self.pair), uid: 2)
            #expect(try await harness.store.read(.favorites(uid: 2)).map(\.pair).last == Self.pair, "optimistic")
            #expect(try await harness.store.read(.outboxEntry(id: id))?.state == .pending)

            #expect(await harness.engine.sync(uid: 2).isComplete)
            #expect(try await harness.store.read(.favorites(uid: 2)).map(\.pair).contains(Self.pair), "a pull does not hide an unsent write")
            #expect(await harness.state.snapshot().user(2)?.favorites.contains(Self.pair) == false)

            let report = await outbox.deliver(uid: 2)
            #expect(report.delivered == [id])
            #expect(await harness.state.snapshot().user(2)?.favorites.filter { $0 == Self.pair }.count == 1)
            #expect(try await harness.store.read(.outboxEntry(id: id))?.state == .delivered)
            #expect(await outbox.deliver(uid: 2).delivered.isEmpty, "delivered once")
        }
    }

    @Test("add then delete cancels out with no request; three updates of one slot send only the last")
    func coalescing() async throws {
        try await SyncHarness.with { harness in
            #expect(await harness.engine.sync(uid: 2).isComplete)
            let before = try await harness.store.read(.favorites(uid: 2))
            let transport = ScriptedTransport()
            let outbox = try await outbox(harness, transport: transport)
            try await outbox.enqueue(.addFavorite(Self.pair), uid: 2)
            try await outbox.enqueue(.deleteFavorite(Self.pair), uid: 2)
            #expect(try await harness.store.read(.favorites(uid: 2)) == before)
            for symbol in ["ETH-USDT", "EOS-USDT", "BTC-USDT"] {
                try await outbox.enqueue(.updateLayout(.simple, LayoutSlot(position: 4, counterParty: "huobi", symbol: symbol)), uid: 2)
            }
            let report = await outbox.deliver(uid: 2)
            #expect(report.delivered.count == 1)
            #expect(transport.requestedPaths == ["/exp/v2/config/layout/simple/custom/2/update"])
            #expect(await harness.state.snapshot().user(2)?.simpleLayout[3] == LayoutSlot(position: 4, counterParty: "huobi", symbol: "BTC-USDT"))
            let entries = try await harness.store.read(.outbox(uid: 2))
            #expect(entries.count == 5 && entries.allSatisfy { $0.state == .delivered })
            #expect(entries.filter(\.coalesced).count == 4)
        }
    }

    @Test("a refused write fails with the server's code and is rolled back; other writes go on")
    func refusalRollsBack() async throws {
        try await SyncHarness.with { harness in
            #expect(await harness.engine.sync(uid: 2).isComplete)
            let outbox = try await outbox(harness)
            let original = try await harness.store.read(.layout(.professional, scope: .user(2)))
            let refused = try await outbox.enqueue(.updateLayout(.professional, LayoutSlot(position: 9, counterParty: "binance", symbol: "ETH-BTC")), uid: 2)
            let other = try await outbox.enqueue(.addFavorite(Self.pair), uid: 2)
            #expect(try await harness.store.read(.layout(.professional, scope: .user(2))).count == original.count + 1, "optimistic")
            let report = await outbox.deliver(uid: 2)
            #expect(report.failed == [refused] && report.delivered == [other])
            let failed = try #require(try await harness.store.read(.outboxEntry(id: refused)))
            #expect(failed.state == .failed && failed.errorCode == 4 && failed.errorMessage?.contains("invalid parameters") == true)
            #expect(try await harness.store.read(.layout(.professional, scope: .user(2))) == original, "rolled back")
            #expect(await harness.state.snapshot().user(2)?.favorites.contains(Self.pair) == true)
        }
    }

    @Test("a favorite or layout slot for an exchange or symbol the synced config lacks is refused at enqueue, naming it; nothing queued")
    func unlistedRefused() async throws {
        try await SyncHarness.with { harness in
            let unchecked = Outbox(client: harness.client, store: harness.store, configuration: SyncConfiguration(now: { harness.clock.now }))
            await #expect(throws: OutboxError.symbolsNotSynced) { try await unchecked.enqueue(.addFavorite(Self.pair), uid: 2) }
            let outbox = try await outbox(harness)
            let symbol = await #expect(throws: OutboxError.self) {
                try await outbox.enqueue(.addFavorite(MarketPair(counterParty: "binance", symbol: "NOPE-USDT")), uid: 2)
            }
            #expect(symbol?.description.contains("NOPE-USDT is not a symbol of binance") == true, "\(String(describing: symbol))")
            let exchange = await #expect(throws: OutboxError.self) {
                try await outbox.enqueue(.updateLayout(.simple, LayoutSlot(position: 1, counterParty: "kraken", symbol: "BTC-USDT")), uid: 2)
            }
            #expect(
                exchange?.description.contains("exchange kraken is not in the synced symbols config (it has binance") == true, "\(String(describing: exchange))"
            )
            #expect(try await harness.store.read(.outbox()).isEmpty, "nothing queued")
            _ = try await outbox.enqueue(.deleteFavorite(MarketPair(counterParty: "binance", symbol: "NOPE-USDT")), uid: 2)
            #expect(try await harness.store.read(.outbox()).count == 1, "removing one is never refused: the server may hold it")
        }
    }

    @Test("writes to one entity keep their order behind a transient failure")
    func orderPerEntity() async throws {
        try await SyncHarness.with { harness in
            let transport = ScriptedTransport()
            let outbox = try await outbox(harness, transport: transport)
            let delete = try await outbox.enqueue(.deleteFavorite(Self.pair), uid: 2)
            await harness.state.setFaults(FaultPlan(serverErrorRate: 1, paths: ["/config/market/custom/2/favorite/delete"]))
            #expect(await outbox.deliver(uid: 2).retrying == [delete])
            try await harness.store.write { [now = harness.clock.now] in
                try $0.enqueue(.updateLayout(.simple, LayoutSlot(position: 1, counterParty: "huobi", symbol: "EOS-USDT")), uid: 2, at: now)
            }
            let add = try await outbox.enqueue(.addFavorite(Self.pair), uid: 2)
            #expect(try await harness.store.read(.outboxEntry(id: add))?.coalesced == false, "a write already sent is never folded away")
            await harness.state.setFaults(FaultPlan())
            let report = await outbox.deliver(uid: 2)
            #expect(report.delivered.count == 1, "the layout goes; the add waits behind its delete: \(report)")
            harness.clock.advance(by: 2)
            #expect(await outbox.deliver(uid: 2).delivered == [delete, add])
            let paths = transport.requestedPaths.filter { $0.contains("favorite") }.map { $0.components(separatedBy: "/").last! }
            #expect(paths == ["delete", "delete", "add"], "the failed delete, its retry, then the add")
            #expect(await harness.state.snapshot().user(2)?.favorites.contains(Self.pair) == true)
        }
    }

    @Test("run: a write goes at once; a transient failure is retried on its own schedule, with no new write or sync")
    func transientRetry() async throws {
        try await SyncHarness.with { harness in
            #expect(await harness.engine.sync(uid: 2, only: [.symbols]).failures.isEmpty)
            let sleeps = ClockSleeps(clock: harness.clock)
            let configuration = SyncConfiguration(
                backoff: Backoff(initial: .seconds(2), maximum: .seconds(60), random: { 0.5 }), sleep: sleeps.sleep, now: { harness.clock.now })
            let outbox = Outbox(client: harness.client, store: harness.store, configuration: configuration)
            let running = Task { await outbox.run(uid: { 2 }) }
            defer { running.cancel() }

            await harness.state.setFaults(FaultPlan(serverErrorRate: 1, paths: ["/config/market"]))
            let id = try await outbox.enqueue(.addFavorite(Self.pair), uid: 2)
            try await waitUntil("the first attempt failed") {
                let entry = try await harness.store.read(.outboxEntry(id: id))
                return entry?.attempts == 1 && entry?.state == .pending
            }
            let waiting = try #require(try await harness.store.read(.outboxEntry(id: id)))
            #expect(waiting.state == .pending && waiting.nextAttemptAt > harness.clock.now)
            await harness.state.setFaults(FaultPlan())
            sleeps.release()
            try await waitUntil("delivered after its backoff, nothing else done") { try await harness.store.read(.outboxEntry(id: id))?.state == .delivered }
            #expect(sleeps.asked.first.map { $0 >= .milliseconds(900) && $0 <= .seconds(2) } == true, "slept its backoff: \(sleeps.asked)")
            #expect(await harness.state.snapshot().user(2)?.favorites.filter { $0 == Self.pair }.count == 1)
        }
    }

    @Test("an unreadable answer after the effect: the idempotent write is retried, not failed or rolled back, and delivered")
    func malformedAnswerRetried() async throws {
        try await SyncHarness.with { harness in
            let outbox = try await outbox(harness)
            let id = try await outbox.enqueue(.addFavorite(Self.pair), uid: 2)
            await harness.state.setFaults(FaultPlan(malformedRate: 1, paths: ["/config/market/custom/2/favorite/add"]))
            #expect(await outbox.deliver(uid: 2).retrying == [id])
            let entry = try await harness.store.read(.outboxEntry(id: id))
            #expect(entry?.state == .pending && entry?.errorMessage?.contains("cannot read") == true, "\(String(describing: entry))")
            #expect(try await harness.store.read(.favorites(uid: 2)).map(\.pair).contains(Self.pair), "still shown: the server may hold it")
            #expect(await harness.state.snapshot().user(2)?.favorites.contains(Self.pair) == true, "it took effect")
            await harness.state.setFaults(FaultPlan())
            harness.clock.advance(by: 2)
            #expect(await outbox.deliver(uid: 2).delivered == [id])
            #expect(await harness.state.snapshot().user(2)?.favorites.filter { $0 == Self.pair }.count == 1, "once")
        }
    }

    @Test("a 403 pauses delivery in authRequired with nothing lost; after a login it goes")
    func authRequired() async throws {
        try await SyncHarness.with { harness in
            let outbox = try await outbox(harness)
            let id = try await outbox.enqueue(.addFavorite(Self.pair), uid: 2)
            await harness.state.revokeTokens()
            let report = await outbox.deliver(uid: 2)
            #expect(report.authRequired && report.delivered.isEmpty)
            #expect(await outbox.status == .authRequired)
            #expect(try await harness.store.read(.outboxEntry(id: id))?.state == .pending)
            _ = try await harness.client.login(Credentials(userName: "abc", password: "abc_password"))
            await outbox.sessionRenewed()
            #expect(await outbox.deliver(uid: 2).delivered == [id])
            #expect(await harness.state.snapshot().user(2)?.favorites.contains(Self.pair) == true)
        }
    }

    @Test("abc's writes are never sent with eve's token; they go when abc logs in again")
    func accountBinding() async throws {
        try await SyncHarness.with { harness in
            #expect(await harness.engine.sync(uid: 2, only: [.symbols]).failures.isEmpty)
            let transport = ScriptedTransport()
            let client = try CoinWeightClient(baseURL: harness.running.baseURL, transport: transport, authToken: harness.client.authToken)
            let outbox = Outbox(client: client, store: harness.store, configuration: SyncConfiguration(now: { harness.clock.now }))
            let id = try await outbox.enqueue(.addFavorite(Self.pair), uid: 2)
            _ = try await client.login(Credentials(userName: "eve", password: "eve_password"))
            let asEve = await outbox.deliver(uid: 3)
            #expect(asEve.delivered.isEmpty && !transport.requestedPaths.contains { $0.contains("favorite") })
            #expect(try await harness.store.read(.outboxEntry(id: id))?.state == .pending)
            _ = try await client.login(Credentials(userName: "abc", password: "abc_password"))
            #expect(await outbox.deliver(uid: 2).delivered == [id])
        }
    }

    @Test("a crash while sending: the idempotent write is sent again and takes effect once")
    func crashWhileSending() async throws {
        try await SyncHarness.with { harness in
            let outbox = try await outbox(harness)
            let id = try await outbox.enqueue(.addFavorite(Self.pair), uid: 2)
            #expect(try await harness.store.write { try $0.claimForSending(id, at: harness.clock.now) })
            try await harness.client.addFavorite(uid: 2, Self.pair)  // the request went out, then the process died
            let restarted = Outbox(
                client: harness.client, store: try CoinWeightStore(path: harness.store.path), configuration: SyncConfiguration(now: { harness.clock.now }))
            #expect(await restarted.deliver(uid: 2).delivered == [id])
            #expect(await harness.state.snapshot().user(2)?.favorites.filter { $0 == Self.pair }.count == 1)
        }
    }
}

/// A sleep that holds every caller until ``release()``, then moves the clock on by what was
/// asked: the loop under test waits exactly as long as it asked, in clock time.
final class ClockSleeps: @unchecked Sendable {
    private let lock = NSLock()
    private let clock: ManualClock
    private var durations: [Duration] = []
    private var released = false

    init(clock: ManualClock) { self.clock = clock }

    var asked: [Duration] { lock.withLock { durations } }
    var count: Int { lock.withLock { durations.count } }

    func release() { lock.withLock { released = true } }

    func sleep(_ duration: Duration) async throws {
        lock.withLock { durations.append(duration) }
        while !lock.withLock({ released }) { try await Task.sleep(for: .milliseconds(5)) }
        clock.advance(by: duration.timeInterval)
    }
}
