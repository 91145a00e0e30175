package import CoinWeightAPI

/// Runs syncs one after another: every `interval` while they succeed, after the engine's
/// backoff while something fails (at once when what failed was the network and it is back),
/// and not at all while a login is needed. ``wake()`` cuts
/// any wait short: call it when a request succeeded elsewhere (the network is back) or
/// after a login.
///
/// ```swift
/// let scheduler = SyncScheduler(engine: engine, uid: { await mirror.session?.uid }, interval: .seconds(60))
/// Task { await scheduler.run() }      // until the task is cancelled
/// ```
package actor SyncScheduler {
    private let engine: SyncEngine
    private let uid: @Sendable () async -> UserID?
    private let interval: Duration
    private let jitter: Double
    private let waker: Waker

    /// - Parameters:
    ///   - uid: the logged-in user, `nil` while logged out.
    ///   - interval: the pause between two successful syncs.
    ///   - jitter: the pause varies by up to this fraction of `interval` either way, so many
    ///     clients do not sync in step.
    ///   - sleep: waits; injectable so tests need not wait.
    package init(
        engine: SyncEngine, uid: @escaping @Sendable () async -> UserID?, interval: Duration, jitter: Double = 0,
        sleep: @escaping @Sendable (Duration) async throws -> Void = { try await Task.sleep(for: $0) }
    ) {
        self.engine = engine
        self.uid = uid
        self.interval = interval
        self.jitter = jitter
        self.waker = Waker(sleep: sleep)
    }

    /// Syncs and waits in turn until the calling task is cancelled.
    package func run() async {
        while !Task.isCancelled {
            guard let uid = await uid() else {
                await pause(for: nil)
                continue
            }
            let report = await engine.sync(uid: uid)
            if report.authRequired {
                await pause(for: nil)
            } else {
                await pause(for: report.isComplete ? interval * Double.random(in: (1 - jitter)...(1 + jitter)) : await engine.retryDelay() ?? .zero)
            }
        }
    }

    /// Ends the current wait, or the next one if none is running, at once.
    package func wake() async { await waker.wake() }

    private func pause(for delay: Duration?) async { await waker.pause(for: delay) }
}
