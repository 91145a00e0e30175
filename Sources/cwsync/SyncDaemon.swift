import CoinWeightAPI
import CoinWeightStore
import CoinWeightSync
import Foundation
import Logging
import ServiceLifecycle

/// What `cwsync run` runs until SIGTERM or SIGINT: the sync on its interval, the outbox's
/// deliveries, and a watch of the store and the session file for what other processes do
/// (a write queued by `cwsync favorite add`, a `cwsync login`), noticed within a second.
struct SyncDaemon: Service {
    let mirror: CoinWeightMirror
    let interval: Duration
    let logger: Logger

    func run() async throws {
        let mirror = mirror
        let user: @Sendable () async -> UserID? = { await mirror.reloadSession()?.uid }
        let scheduler = SyncScheduler(engine: mirror.engine, uid: user, interval: interval, jitter: 0.1)
        logger.notice("cwsync run: serving", metadata: ["store": "\(mirror.store.path)", "interval": "\(interval)"])
        if await mirror.session == nil { Self.waitingForLogin(logger) }
        await cancelWhenGracefulShutdown {
            await withTaskGroup(of: Void.self) { group in
                group.addTask { await scheduler.run() }
                group.addTask { await mirror.outbox.run(uid: user) }
                group.addTask { await Self.watch(mirror, scheduler: scheduler, logger: logger) }
                await group.waitForAll()
            }
        }
        logger.notice("cwsync run: stopped")
    }

    /// Once a second: wakes the outbox when the queue changed, and both loops when the
    /// session file did.
    private static func watch(_ mirror: CoinWeightMirror, scheduler: SyncScheduler, logger: Logger) async {
        let sessionPath = SessionFile(besideStore: mirror.store.path).path
        var queue = try? await mirror.store.read(.outboxMark)
        var session = modificationDate(sessionPath)
        while !Task.isCancelled {
            try? await Task.sleep(for: .seconds(1))
            let nowQueue = try? await mirror.store.read(.outboxMark)
            if nowQueue != queue {
                queue = nowQueue
                await mirror.outbox.wake()
            }
            let nowSession = modificationDate(sessionPath)
            if nowSession != session {
                session = nowSession
                if let user = await mirror.reloadSession() {
                    logger.notice("cwsync run: \(user.userName) logged in; syncing")
                } else {
                    waitingForLogin(logger)
                }
                await scheduler.wake()
                await mirror.outbox.wake()
            }
        }
    }

    /// Says, in the log, why nothing happens: nobody is logged in.
    private static func waitingForLogin(_ logger: Logger) {
        logger.notice("cwsync run: nobody is logged in; waiting for a login (cwsync login --user NAME, from another shell)")
    }

    private static func modificationDate(_ path: String) -> Date? {
        (try? FileManager.default.attributesOfItem(atPath: path))?[.modificationDate] as? Date
    }
}
