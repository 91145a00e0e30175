import CSystemMemory
import CoinWeightAPI
import CoinWeightStore
import CoinWeightSync
import Foundation
import Logging
import ServiceLifecycle

/// What `cwsync run` runs until SIGTERM or SIGINT: the mirror's ``CoinWeightMirror/run()``
/// (the sync on its interval, the outbox's deliveries, and a watch of the store and the
/// session file for what other processes do, such as a write queued by `cwsync favorite add`
/// or a `cwsync login`), a log line each time the logged-in user changes, and, after each
/// sync, the memory it used given back to the system.
struct SyncDaemon: Service {
    let mirror: CoinWeightMirror
    let interval: Duration
    let logger: Logger

    func run() async throws {
        let mirror = mirror
        logger.notice("cwsync run: serving", metadata: ["store": "\(mirror.store.path)", "interval": "\(interval)"])
        await cancelWhenGracefulShutdown {
            await withTaskGroup(of: Void.self) { group in
                group.addTask { await mirror.run() }
                group.addTask { await Self.logAccountChanges(mirror, logger: logger) }
                group.addTask { await Self.releaseMemoryAfterSyncs(mirror) }
                await group.waitForAll()
            }
        }
        logger.notice("cwsync run: stopped")
    }

    /// Once each sync has ended, frees what SQLite holds for it (page caches, reading
    /// connections), and gives the pages the allocator then holds free back to the system:
    /// the daemon rests until the next sync.
    private static func releaseMemoryAfterSyncs(_ mirror: CoinWeightMirror) async {
        var syncing = false
        for await state in mirror.states() {
            let wasSyncing = syncing
            syncing = state.sync != nil
            guard wasSyncing, !syncing else { continue }
            await mirror.store.releaseMemory()
            cw_return_free_memory()
        }
    }

    /// Says, in the log, who is logged in whenever that changes: why nothing happens while
    /// nobody is.
    private static func logAccountChanges(_ mirror: CoinWeightMirror, logger: Logger) async {
        // The user last logged: `.some(nil)` for nobody, `nil` before the first state.
        var logged: String??
        for await state in mirror.states() {
            let user: String? =
                switch state.account {
                case .loggedOut: nil
                case .loggedIn(_, let userName), .refused(_, let userName): userName
                }
            if let logged, logged == user { continue }
            if let user {
                // Logged in from the start: the serving line says enough.
                if logged != nil { logger.notice("cwsync run: \(user) logged in; syncing") }
            } else {
                logger.notice("cwsync run: nobody is logged in; waiting for a login (cwsync login --user NAME, from another shell)")
            }
            logged = .some(user)
        }
    }
}
