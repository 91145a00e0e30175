import CoinWeightAPI
import CoinWeightEmulator
import CoinWeightStore
import CoinWeightSync
import CoinWeightTestSupport
import Foundation
import Testing

/// The scheduler: backoff while the server fails, the normal interval once it answers,
/// an immediate sync on wake, and no sync while logged out.
@Suite("Sync scheduler", .serialized)
struct SchedulerTests {
    /// A sleep that records what it was asked and returns at once, or never for `long`.
    final class RecordingSleep: @unchecked Sendable {
        private let lock = NSLock()
        private var asked: [Duration] = []
        let long: Duration

        init(long: Duration) { self.long = long }

        var delays: [Duration] { lock.withLock { asked } }

        func sleep(_ duration: Duration) async throws {
            lock.withLock { asked.append(duration) }
            if duration >= long { try await Task.sleep(for: .seconds(3_600)) } else { await Task.yield() }
        }
    }

    @Test("failures back off exponentially; the first success returns to the interval; wake syncs at once")
    func backoffThenInterval() async throws {
        let configure: (ManualClock) -> SyncConfiguration = { clock in
            SyncConfiguration(backoff: Backoff(initial: .seconds(1), maximum: .seconds(300), random: { 0.999_999_9 }), readRetries: 0, now: { clock.now })
        }
        try await SyncHarness.with(configuration: configure) { harness in
            await harness.state.setFaults(FaultPlan(serverErrorRate: 1))
            let sleeps = RecordingSleep(long: .seconds(10))
            let scheduler = SyncScheduler(engine: harness.engine, uid: { 2 }, interval: .seconds(60), sleep: sleeps.sleep)
            let running = Task { await scheduler.run() }
            try await waitUntil("five backoff waits") { sleeps.delays.count >= 5 }
            let backoff = sleeps.delays
            #expect(backoff.count == 5, "the 16 s wait is still running: \(backoff)")
            #expect(zip(backoff, [1, 2, 4, 8, 16]).allSatisfy { $0 > .seconds($1) * 0.99 && $0 <= .seconds($1) }, "\(backoff)")

            await harness.state.setFaults(FaultPlan())
            await scheduler.wake()
            try await waitUntil("a sync after the wake") { sleeps.delays.count >= 6 }
            #expect(sleeps.delays.last == .seconds(60), "a complete sync waits the interval")
            #expect(try await harness.store.read(.syncState("symbols"))?.lastError == nil)

            let favorite = MarketPair(counterParty: "okcoin", symbol: "BTC-USDT")
            try await harness.client.addFavorite(uid: 2, favorite)
            let before = sleeps.delays.count
            await scheduler.wake()
            try await waitUntil("a sync after the second wake") { sleeps.delays.count > before }
            #expect(try await harness.store.read(.favorites(uid: 2)).map(\.pair).contains(favorite), "woken, it synced at once")
            running.cancel()
            await running.value
        }
    }

    @Test("logged out: no sync until a wake after the login")
    func waitsForLogin() async throws {
        try await SyncHarness.with { harness in
            let transport = ScriptedTransport()
            let client = try CoinWeightClient(baseURL: harness.running.baseURL, transport: transport)
            let engine = SyncEngine(client: client, store: harness.store, configuration: SyncConfiguration(now: { harness.clock.now }))
            let session = LockedSession()
            let scheduler = SyncScheduler(
                engine: engine, uid: { session.uid }, interval: .seconds(60), sleep: { _ in try await Task.sleep(for: .seconds(3_600)) })
            let running = Task { await scheduler.run() }
            // Told nobody is logged in, it pauses until woken, with no request before or after.
            try await waitUntil("the scheduler asked who is logged in") { session.reads > 0 }
            #expect(transport.requestedPaths.isEmpty)
            session.uid = try await client.login(Credentials(userName: "abc", password: "abc_password")).uid
            await scheduler.wake()
            try await waitUntil("a sync after the login") { try await harness.store.read(.syncState("symbols")) != nil }
            running.cancel()
            await running.value
        }
    }
}

/// The uid a test logs in with, read by the scheduler from another task.
final class LockedSession: @unchecked Sendable {
    private let lock = NSLock()
    private var value: UserID?
    private var readCount = 0

    var uid: UserID? {
        get {
            lock.withLock {
                readCount += 1
                return value
            }
        }
        set { lock.withLock { value = newValue } }
    }

    /// How many times ``uid`` was read.
    var reads: Int { lock.withLock { readCount } }
}
