import CoinWeightAPI
import CoinWeightStore
import Foundation

/// Keeping the mirror in sync and the outbox delivering.
extension CoinWeightMirror {
    /// Keeps the store in sync and the outbox delivering until the calling task is cancelled:
    /// a sync every ``SyncConfiguration/syncInterval`` while they succeed, after the backoff
    /// while something fails; each write sent as soon as it is queued; nothing while logged
    /// out or refused but a wait for the next login.
    ///
    /// Every ``SyncConfiguration/watchInterval`` it also looks at what other processes do
    /// with the same store and session (a write queued, a login, a logout), and when the
    /// server answers again after being unreachable it syncs and sends at once, backoff or not.
    ///
    /// Calling it while it runs returns at once.
    public func run() async {
        guard scheduler == nil else { return }
        let user: @Sendable () async -> UserID? = { [weak self] in await self?.session?.uid }
        let scheduler = SyncScheduler(
            engine: engine, uid: user, interval: configuration.syncInterval, jitter: configuration.syncJitter, sleep: configuration.sleep)
        self.scheduler = scheduler
        await withTaskGroup(of: Void.self) { group in
            group.addTask { await scheduler.run() }
            group.addTask { [outbox] in await outbox.run(uid: user) }
            group.addTask { await self.watch(scheduler) }
            await group.waitForAll()
        }
        self.scheduler = nil
    }

    /// Syncs `resources` (all by default) of the logged-in user now. A sync already running
    /// that covers them is joined, not repeated.
    public func syncNow(only resources: Set<SyncResource> = Set(SyncResource.allCases)) async -> SyncReport {
        guard let session else {
            var report = SyncReport()
            report.authRequired = true
            for resource in resources { report.outcomes[resource] = .skipped }
            return report
        }
        return await engine.sync(uid: session.uid, only: resources)
    }

    /// Reads the whole order history again at the next sync, back to the horizon, instead of
    /// from where the last one stopped.
    public func resetHistory() async throws {
        try await store.write { try $0.resetHistoryCursors() }
    }

    /// Sends the logged-in user's queued writes now, those waiting out a backoff after a
    /// transient failure too (the network is back); `nil` when logged out.
    @discardableResult
    public func sendNow() async throws -> DeliveryReport? {
        guard let session else { return nil }
        try await outbox.makeDueNow(uid: session.uid)
        return await outbox.deliver(uid: session.uid)
    }

    /// Sends the logged-in user's queued writes that are due now, leaving those that wait
    /// out a backoff; `nil` when logged out.
    package func pushNow() async -> DeliveryReport? {
        guard let session else { return nil }
        return await outbox.deliver(uid: session.uid)
    }

    /// Every watch interval: wakes the outbox when another process changed the queue,
    /// takes a session saved or removed elsewhere, and syncs and sends at once when the
    /// server answers again after being unreachable.
    private func watch(_ scheduler: SyncScheduler) async {
        var queue = try? await store.read(.outboxMark)
        var wasUnreachable = false
        while !Task.isCancelled {
            try? await Task.sleep(for: configuration.watchInterval)
            let nowQueue = try? await store.read(.outboxMark)
            if nowQueue != queue {
                queue = nowQueue
                await outbox.wake()
            }
            if sessionChangedElsewhere {
                await reloadSession()
                await scheduler.wake()
                await outbox.wake()
            }
            let unreachable = if case .unreachable = hub.current.reachability { true } else { false }
            if wasUnreachable && !unreachable {
                await scheduler.wake()
                if let uid = session?.uid { try? await outbox.makeDueNow(uid: uid) }
            }
            wasUnreachable = unreachable
        }
    }
}
