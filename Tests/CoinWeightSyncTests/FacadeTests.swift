import CoinWeightAPI
import CoinWeightEmulator
import CoinWeightStore
import CoinWeightSync
import CoinWeightTestSupport
import Foundation
import Testing

/// What an app does with the one object it holds: run it, queue writes, send them now,
/// cancel a sync, and watch its state.
@Suite("The facade an app holds")
struct FacadeTests {
    static let pair = MarketPair(counterParty: "okcoin", symbol: "BTC-USDT")
    static let abc = Credentials(userName: "abc", password: "abc_password")

    /// A mirror for `running` at `path`, watching other processes every 50 ms.
    private func open(
        _ path: String, _ running: RunningEmulator, transport: any HTTPTransport = URLSessionTransport(),
        configuration: SyncConfiguration = SyncConfiguration(watchInterval: .milliseconds(50))
    ) async throws -> CoinWeightMirror {
        try await CoinWeightMirror.open(storePath: path, baseURL: running.baseURL, transport: transport, configuration: configuration)
    }

    @Test("run() syncs, delivers a favorite another process queued in the same store, and ends when cancelled")
    func runDeliversAndEnds() async throws {
        try await CoinWeightEmulator.withRunning { running, state in
            try await withTemporaryDirectory { folder in
                let store = folder.appendingPathComponent("cwsync.sqlite").path
                let mirror = try await open(store, running)
                _ = try await mirror.login(Self.abc)
                let ended = ManagedFlag()
                let runner = Task {
                    await mirror.run()
                    ended.set()
                }
                try await waitUntil("the first sync of run()") { await mirror.state.phase == .synced }

                let queued = try await CWSyncBinary.run([
                    "favorite", "add", "okcoin", "BTC-USDT", "--store", store, "--endpoint", running.baseURL.absoluteString,
                ])
                #expect(queued.status == 0, "\(queued.err)")
                try await waitUntil("run() delivered the other process's favorite") {
                    await state.snapshot().user(2)?.favorites.contains(Self.pair) == true
                }
                try await waitUntil("the mirror shows it confirmed") {
                    try await mirror.store.read(.favorites(uid: 2).withPending()).contains { $0.pair == Self.pair && $0.pending == nil }
                }
                #expect(await state.snapshot().user(2)?.favorites.filter { $0 == Self.pair }.count == 1, "delivered once")
                let after = await mirror.state
                #expect(after.outbox[.delivered] == 1 && after.unconfirmedWrites == 0, "\(after.outbox)")

                runner.cancel()
                try await waitUntil("run() ended on cancellation") { ended.isSet }
                try await mirror.close()
            }
        }
    }

    @Test("sendNow() sends at once a write waiting out its backoff, which a due-only push leaves waiting")
    func sendNowSkipsBackoff() async throws {
        let clock = ManualClock(start: Date())
        try await CoinWeightEmulator.withRunning { running, state in
            try await withTemporaryDirectory { folder in
                let mirror = try await open(
                    folder.appendingPathComponent("cwsync.sqlite").path, running,
                    configuration: SyncConfiguration(now: { clock.now }))
                _ = try await mirror.login(Self.abc)
                #expect(await mirror.syncNow(only: [.symbols]).failures.isEmpty)
                await state.setFaults(FaultPlan(serverErrorRate: 1, paths: ["/config/market"]))
                let entry = try await mirror.addFavorite(Self.pair)
                let failed = await mirror.pushNow()
                #expect(failed?.retrying == [entry])
                let waiting = try #require(try await mirror.store.read(.outboxEntry(id: entry)))
                #expect(waiting.state == .pending && waiting.nextAttemptAt > clock.now, "backed off")

                await state.setFaults(FaultPlan())
                #expect(await mirror.pushNow()?.delivered == [], "not due yet")
                let sent = try await mirror.sendNow()
                #expect(sent?.delivered == [entry])
                #expect(await state.snapshot().user(2)?.favorites.filter { $0 == Self.pair }.count == 1)
                try await mirror.close()
            }
        }
    }

    @Test("a sync cancelled in the middle of the history reports it cancelled, not failed, and costs no backoff")
    func cancelledSync() async throws {
        let configuration = EmulatorConfiguration(seedOrders: 3_000, seedDays: 30)
        try await CoinWeightEmulator.withRunning(configuration) { running, _ in
            try await withTemporaryDirectory { folder in
                let transport = ScriptedTransport(crashAfterHistoryPages: 2)
                let mirror = try await open(
                    folder.appendingPathComponent("cwsync.sqlite").path, running, transport: transport,
                    configuration: SyncConfiguration(historyWindow: .seconds(86_400), pageSize: 100))
                _ = try await mirror.login(Self.abc)
                let sync = Task { await mirror.syncNow() }
                try await waitUntil("the history read hangs") { transport.hangingRequests > 0 }
                sync.cancel()
                let report = await sync.value
                #expect(report.interrupted && report.outcomes[.orderHistory] == .cancelled, "\(report.outcomes)")
                #expect(report.failures.isEmpty, "nothing failed: \(report.failures)")
                #expect(await mirror.engine.retryDelay() == nil, "a cancelled sync costs no backoff")
                let after = await mirror.state
                #expect(after.lastSync == nil && after.sync == nil && after.phase == .idle, "a cancelled sync is no last sync")
                try await mirror.close()
            }
        }
    }

    @Test("forgetting the account while a sync reads its history stops the sync first: nothing of the account is written back")
    func forgetDuringSync() async throws {
        try await CoinWeightEmulator.withRunning(EmulatorConfiguration(seedOrders: 3_000, seedDays: 30)) { running, _ in
            try await withTemporaryDirectory { folder in
                let transport = ScriptedTransport(crashAfterHistoryPages: 3)
                let mirror = try await open(
                    folder.appendingPathComponent("cwsync.sqlite").path, running, transport: transport,
                    configuration: SyncConfiguration(historyWindow: .seconds(86_400), pageSize: 100, pagesPerTransaction: 1))
                _ = try await mirror.login(Self.abc)
                let runner = Task { await mirror.run() }
                try await waitUntil("the history read hangs") { transport.hangingRequests > 0 }
                #expect(try await mirror.store.read(.orderCount(OrderFilter(owner: "2"))) > 0, "the sync had written orders")

                try await mirror.forgetAccount()
                #expect(try await mirror.store.read(.orderCount(OrderFilter(owner: "2"))) == 0)
                #expect(try await mirror.store.read(.syncStates).filter { $0.resource.hasSuffix(":2") }.isEmpty)
                #expect(await mirror.state.phase == .loggedOut)
                runner.cancel()
                await runner.value
                #expect(try await mirror.store.read(.orderCount(OrderFilter(owner: "2"))) == 0, "nothing written back after run() ended")
                #expect(try await mirror.store.read(.syncStates).filter { $0.resource.hasSuffix(":2") }.isEmpty, "no cursor either")
                #expect(try await mirror.identity == nil)
                try await mirror.close()
            }
        }
    }

    @Test("the states: logged out, then syncing with progress rising to the end, synced, and offline once the server is gone")
    func stateSequence() async throws {
        let emulator = CoinWeightEmulator(configuration: EmulatorConfiguration(seedOrders: 2_000, seedDays: 20))
        let running = try await emulator.start()
        var stopped = false
        defer { if !stopped { Task { await running.stop() } } }
        try await withTemporaryDirectory { folder in
            let mirror = try await open(
                folder.appendingPathComponent("cwsync.sqlite").path, running,
                configuration: SyncConfiguration(historyWindow: .seconds(2 * 86_400), pageSize: 100))
            let states = mirror.states()
            let collector = Task {
                var seen: [MirrorState] = []
                for await state in states {
                    seen.append(state)
                    if state.phase == .offline { break }
                }
                return seen
            }
            try await waitUntil("the first state") { await mirror.state.phase == .loggedOut }
            _ = try await mirror.login(Self.abc)
            #expect(await mirror.syncNow().isComplete)
            await running.stop()
            stopped = true
            let offline = await mirror.syncNow(only: [.favorites])
            #expect(offline.isOffline)
            let seen = await collector.value

            var phases: [MirrorState.Phase] = []
            for state in seen where phases.last != state.phase { phases.append(state.phase) }
            // In this order; a request a loaded machine answers too late may add a moment of
            // offline (and its recovery) inside the first sync, which is the truth then.
            let expected: [MirrorState.Phase] = [.loggedOut, .idle, .syncing, .synced, .syncing, .offline]
            #expect(Array(phases.prefix(3)) == [.loggedOut, .idle, .syncing] && phases.last == .offline, "\(phases)")
            #expect(Self.isSubsequence(expected, of: phases), "\(phases)")
            let progress = seen.compactMap(\.sync).filter { $0.resources.count == SyncResource.allCases.count }
            #expect(progress.count > 10)
            #expect(zip(progress, progress.dropFirst()).allSatisfy { $0.fractionCompleted <= $1.fractionCompleted })
            #expect(progress.last?.fractionCompleted == 1)
            let synced = try #require(seen.first { $0.phase == .synced })
            #expect(synced.lastSyncedAt != nil && synced.resources.count == SyncResource.allCases.count)
            #expect(synced.resources.values.allSatisfy { $0.lastError == nil })
            #expect(seen.last.map { if case .unreachable = $0.reachability { true } else { false } } == true)
            try await mirror.close()
        }
    }
}

extension FacadeTests {
    /// Whether `small` appears in `large` in order, not necessarily side by side.
    static func isSubsequence(_ small: [MirrorState.Phase], of large: [MirrorState.Phase]) -> Bool {
        var remaining = small[...]
        for phase in large where phase == remaining.first { remaining = remaining.dropFirst() }
        return remaining.isEmpty
    }
}
