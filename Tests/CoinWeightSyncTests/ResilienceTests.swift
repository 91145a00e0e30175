import CoinWeightAPI
import CoinWeightEmulator
import CoinWeightStore
import CoinWeightSync
import CoinWeightTestSupport
import Foundation
import Testing

/// Crashes, faults and expired tokens: sync converges, and nothing committed is lost.
@Suite("Resilience")
struct ResilienceTests {
    @Test(
        "a crash after every page, committed or not, resumes without a gap or a duplicate, one window or several in flight",
        arguments: [(1, 1, 1), (2, 3, 1), (1, 1, 4), (2, 3, 4), (3, 4, 3)])
    func crashAfterEachPage(pagesPerTransaction: Int, pagesPerRun: Int, windows: Int) async throws {
        let configure: (ManualClock) -> SyncConfiguration = { clock in
            SyncConfiguration(
                historyWindow: .seconds(2 * 86_400), historyConcurrency: windows, pageSize: 100,
                pagesPerTransaction: pagesPerTransaction, now: { clock.now })
        }
        try await SyncHarness.with(seedOrders: 1_500, seedDays: 20, configuration: configure) { harness in
            var runs = 0
            var historyRequests = 0
            var completed = false
            // The "crashed" runs: each stays stuck on its hanging request, as a dead process
            // would, until the end, so that nothing it does after the crash point lands.
            var stuck: [(run: Task<SyncReport, Never>, store: CoinWeightStore)] = []
            defer {
                for (run, store) in stuck {
                    run.cancel()
                    try? store.close()
                }
            }
            while !completed {
                runs += 1
                try #require(runs < 100, "the walk never completes")
                let transport = ScriptedTransport(crashAfterHistoryPages: pagesPerRun)
                let client = try CoinWeightClient(baseURL: harness.running.baseURL, transport: transport, authToken: harness.client.authToken)
                let store = try CoinWeightStore(path: harness.store.path)
                let engine = SyncEngine(client: client, store: store, configuration: configure(harness.clock))
                let run = Task { await engine.sync(uid: 2, only: [.orderHistory]) }
                let finished = ManagedFlag()
                Task {
                    _ = await run.value
                    finished.set()
                }
                // Crashed: a request after the crash point hangs. A write barrier on its store
                // then lets a commit under way land before the next run reads the cursor.
                try await waitUntil("the run hangs on a request or ends") { finished.isSet || transport.hangingRequests > 0 }
                try await store.write { _ in }
                completed = finished.isSet
                historyRequests += transport.answeredHistoryPages
                if completed { try store.close() } else { stuck.append((run, store)) }
            }
            let server = await harness.serverOrders(owner: "2").filter { !$0.executionType.isActive }
            let stored = try await harness.storedOrders(owner: "2")
            #expect(stored == server && !server.isEmpty, "no gap, no duplicate: every inactive order once")
            let counting = ScriptedTransport()
            let fresh = try CoinWeightStore(path: harness.folder.appendingPathComponent("uninterrupted.sqlite").path)
            defer { try? fresh.close() }
            let client = try CoinWeightClient(baseURL: harness.running.baseURL, transport: counting, authToken: harness.client.authToken)
            _ = await SyncEngine(client: client, store: fresh, configuration: configure(harness.clock)).sync(uid: 2, only: [.orderHistory])
            let walkPages = counting.answeredHistoryPages
            let rereadPerRun = pagesPerRun - pagesPerRun / pagesPerTransaction * pagesPerTransaction
            #expect(runs > 5, "the walk was cut \(runs - 1) times")
            // Each run may also have had an answer out for every other window, taken in but not
            // committed before the crash.
            #expect(
                historyRequests <= walkPages + runs * (rereadPerRun + windows),
                "only uncommitted pages are read again: \(historyRequests) pages read for a \(walkPages)-page walk")
        }
    }

    @Test("with 30% 5xx, 10% dropped connections and 50 ms latency, sync converges to the server's state")
    func convergesUnderFaults() async throws {
        let configure: (ManualClock) -> SyncConfiguration = { clock in
            SyncConfiguration(
                historyWindow: .seconds(10 * 86_400), pageSize: 100, backoff: Backoff(initial: .milliseconds(1), maximum: .milliseconds(5)), now: { clock.now })
        }
        try await SyncHarness.with(seedOrders: 800, seedDays: 30, configuration: configure) { harness in
            await harness.state.setFaults(FaultPlan(latencyMilliseconds: 50, serverErrorRate: 0.3, dropBeforeEffectRate: 0.1))
            var attempts = 0
            var report = SyncReport()
            repeat {
                attempts += 1
                let pending = Set(SyncResource.allCases.filter { report.outcomes[$0] != .synced })
                let next = await harness.engine.sync(uid: 2, only: pending)
                for (resource, outcome) in next.outcomes { report.outcomes[resource] = outcome }
            } while !report.isComplete && attempts < 10
            #expect(report.isComplete, "after \(attempts) syncs: \(report.failures)")
            let counts = await harness.state.snapshot().faultCounts
            #expect(counts.serverErrors > 10 && counts.dropsBeforeEffect > 3, "faults were injected: \(counts)")
            await harness.state.setFaults(FaultPlan())
            let abc = await harness.state.snapshot().user(2)
            let stored = try await harness.storedOrders(owner: "2")
            let server = await harness.serverOrders(owner: "2")
            let favorites = try await harness.store.read(.favorites(uid: 2)).map(\.pair)
            let layout = try await harness.store.read(.layout(.simple, scope: .user(2)))
            #expect(stored == server && !server.isEmpty)
            #expect(favorites == abc?.favorites)
            #expect(layout == abc?.simpleLayout)
        }
    }

    @Test("a token revoked in the middle of the history: authRequired, nothing lost, and after a login the sync completes")
    func tokenExpiryMidSync() async throws {
        let configure: (ManualClock) -> SyncConfiguration = { clock in
            SyncConfiguration(historyWindow: .seconds(3 * 86_400), pageSize: 100, pagesPerTransaction: 1, now: { clock.now })
        }
        try await SyncHarness.with(seedOrders: 2_000, seedDays: 30, configuration: configure) { harness in
            await harness.state.setFaults(FaultPlan(tokenExpiryRate: 0.2, paths: ["/order/inactive"]))
            let report = await harness.engine.sync(uid: 2)
            #expect(report.authRequired && report.outcomes[.orderHistory] != .synced)
            #expect(await harness.engine.status == .authRequired)
            #expect(report.outcomes[.symbols] == .synced && report.outcomes[.positions] == .synced, "what came before stays")
            let kept = try await harness.storedOrders(owner: "2").filter { !$0.executionType.isActive }.count
            let cursor = try await harness.store.read(.syncState("orderHistory:2"))
            #expect(kept > 0 && cursor?.cursor != nil, "the pages read before the 403 are committed with their cursor")
            #expect(cursor?.lastError?.contains("403") == true)

            let again = await harness.engine.sync(uid: 2)
            #expect(again.authRequired, "a revoked token stays refused until a login")
            let revoked = try #require(harness.client.authToken)
            #expect(try await harness.store.read(.isTokenRefused(revoked, uid: 2)), "the store knows, for every process sharing it")

            await harness.state.setFaults(FaultPlan())
            let renewed = try await harness.client.login(Credentials(userName: "abc", password: "abc_password"))
            #expect(try await !harness.store.read(.isTokenRefused(renewed.authToken, uid: 2)), "a new token is not the refused one")
            let resumed = await harness.engine.sync(uid: 2)
            #expect(resumed.isComplete, "\(resumed.failures)")
            #expect(await harness.engine.status == .idle)
            #expect(try await harness.storedOrders(owner: "2") == (await harness.serverOrders(owner: "2")))
        }
    }

    @Test("an expired token pauses the sync before any request")
    func expiredTokenSendsNothing() async throws {
        try await SyncHarness.with { harness in
            let transport = ScriptedTransport()
            let client = try CoinWeightClient(baseURL: harness.running.baseURL, transport: transport, authToken: harness.client.authToken)
            let engine = SyncEngine(client: client, store: harness.store, configuration: SyncConfiguration(now: { harness.clock.now }))
            harness.clock.advance(by: 31 * 86_400)
            let report = await engine.sync(uid: 2)
            #expect(report.authRequired && report.outcomes.values.allSatisfy { $0 == .skipped })
            #expect(transport.requestedPaths.isEmpty)
            #expect(await engine.status == .authRequired)
        }
    }

    @Test("backoff doubles with jitter up to its maximum and honours Retry-After")
    func backoff() {
        let low = Backoff(initial: .seconds(1), maximum: .seconds(60), random: { 0 })
        let high = Backoff(initial: .seconds(1), maximum: .seconds(60), random: { 0.999_999 })
        #expect((1...8).map { low.delay(afterFailures: $0) } == [0.5, 1, 2, 4, 8, 16, 30, 30].map { Duration.seconds($0) })
        #expect(high.delay(afterFailures: 3) > .milliseconds(3_999) && high.delay(afterFailures: 3) <= .seconds(4))
        #expect(low.delay(afterFailures: 1, retryAfter: .seconds(20)) == .seconds(20))
        #expect(low.delay(afterFailures: 100) == .seconds(30))
    }
}

/// A flag set once from another task.
final class ManagedFlag: @unchecked Sendable {
    private let lock = NSLock()
    private var value = false

    var isSet: Bool { lock.withLock { value } }

    func set() { lock.withLock { value = true } }
}
