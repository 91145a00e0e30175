package import CoinWeightAPI
package import CoinWeightStore
import Foundation
package import Logging

/// Pulls everything the API serves a user into the store, one transaction per resource.
///
/// Each resource is reconciled on its own: what the server no longer lists goes, and one
/// resource failing (a timeout, a 5xx) does not stop the others. A 403, or a token whose
/// `exp` has passed, stops the sync in ``SyncStatus/authRequired`` without losing anything
/// committed; the next sync after a login carries on from the saved cursors.
///
/// An app reaches it through ``CoinWeightMirror/syncNow(only:)`` and
/// ``CoinWeightMirror/run()``; its progress shows in ``CoinWeightMirror/states()``.
package actor SyncEngine {
    package nonisolated let client: CoinWeightClient
    package nonisolated let store: CoinWeightStore
    let configuration: SyncConfiguration
    let logger: Logger
    /// Where the sync's progress and outcomes go.
    package nonisolated let hub: MirrorStateHub
    /// What the engine is doing now.
    package private(set) var status: SyncStatus = .idle
    /// Consecutive failures per sync-state key, for the backoff.
    private var failures: [String: Failure] = [:]

    private struct Failure {
        var count: Int
        var retryAfter: Duration?
        /// No response at all: the network, not the server. Any success clears it.
        var isNetwork: Bool
    }
    /// The owner whose history is read: its place among the owners, and the orders the
    /// earlier owners' walks read in this sync.
    var historyOwner = (index: 0, count: 1, ordersBefore: 0)
    /// The sync running now, which a second caller asking for no more joins.
    private var running: (uid: UserID, resources: Set<SyncResource>, task: Task<SyncReport, Never>)?

    package init(
        client: CoinWeightClient, store: CoinWeightStore, configuration: SyncConfiguration = SyncConfiguration(),
        logger: Logger = Logger(label: "cwsync.sync"), hub: MirrorStateHub = MirrorStateHub()
    ) {
        self.client = client
        self.store = store
        self.configuration = configuration
        self.logger = logger
        self.hub = hub
    }

    /// Pulls `resources` (all by default) for user `uid` and reconciles the store.
    ///
    /// A sync asked for while one runs (pull-to-refresh while a scheduler syncs) joins it when
    /// that one covers every resource asked for, and gets its report; otherwise it waits for
    /// it and then runs. Cancelling the caller that started a sync cancels it; a caller that
    /// joined stops waiting only when the sync ends.
    ///
    /// Never throws: each resource's outcome is in the report and in its saved sync state.
    package func sync(uid: UserID, only resources: Set<SyncResource> = Set(SyncResource.allCases)) async -> SyncReport {
        while let current = running {
            if current.uid == uid && current.resources.isSuperset(of: resources) {
                return await current.task.value.restricted(to: resources)
            }
            _ = await current.task.value
            // Its starter may not have resumed yet: awaiting a finished task again would not
            // suspend, and would spin on the actor forever.
            if running?.task == current.task { running = nil }
        }
        let task = Task { await self.syncAlone(uid: uid, only: resources) }
        running = (uid, resources, task)
        let report = await withTaskCancellationHandler {
            await task.value
        } onCancel: {
            task.cancel()
        }
        if running?.task == task { running = nil }
        return report
    }

    private func syncAlone(uid: UserID, only resources: Set<SyncResource>) async -> SyncReport {
        var report = SyncReport()
        let token = client.authToken
        guard let token, !token.isExpired(at: configuration.now()) else {
            logger.notice("sync paused: log in first", metadata: ["reason": "\(token == nil ? "no token" : "token expired")"])
            status = .authRequired
            report.authRequired = true
            for resource in resources { report.outcomes[resource] = .skipped }
            hub.update { $0.refuseAccount() }
            return report
        }
        status = .syncing
        let started = configuration.now()
        hub.update { $0.sync = SyncActivity(resources: resources, startedAt: started) }
        var unreachable: CoinWeightError?
        for resource in resources.sorted() {
            guard !Task.isCancelled else {
                report.interrupted = true
                report.outcomes[resource] = .skipped
                continue
            }
            guard !report.authRequired else {
                report.outcomes[resource] = .skipped
                continue
            }
            if let unreachable {
                // The server could not be reached a moment ago: the other resources would
                // only wait for the same answer.
                report.unreachable.insert(resource)
                report.outcomes[resource] = .failed(.client(unreachable))
                hub.update { $0.sync?.end(resource) }
                continue
            }
            hub.update { $0.sync?.begin(resource) }
            do {
                try await pull(resource, uid: uid)
                report.outcomes[resource] = .synced
            } catch _ where Task.isCancelled {
                report.interrupted = true
                report.outcomes[resource] = .cancelled
            } catch let error as CoinWeightError {
                if case .authenticationFailed = error {
                    report.authRequired = true
                    let now = configuration.now()
                    try? await store.write { try $0.recordTokenRefused(token, uid: uid, at: now) }
                }
                if case .notLoggedIn = error { report.authRequired = true }
                if error.gotNoAnswer {
                    report.unreachable.insert(resource)
                    unreachable = error
                }
                report.outcomes[resource] = .failed(.client(error))
            } catch {
                report.outcomes[resource] = .failed(SyncFailure(error))
            }
            hub.update { $0.sync?.end(resource) }
        }
        status = report.authRequired ? .authRequired : .idle
        // The store's part comes with the end, so that no state says synced with the sync
        // states of before (read only for someone watching: ``CoinWeightMirror/state`` reads its own).
        let stored = hub.isWatched ? try? await evenIfCancelled { [store] in try await store.read(.status(uid: uid)) } : nil
        hub.update { [report] state in
            if let stored { state.take(stored) }
            state.sync = nil
            // A cancelled sync did not run to its end: the last one that did still speaks.
            if !report.interrupted { state.lastSync = report }
            if report.authRequired { state.refuseAccount() }
        }
        return report
    }

    /// Cancels the sync running now, if any, and waits for its end: what it read is
    /// committed (or not) by then, and nothing of it writes afterwards.
    package func cancelRunning() async {
        while let current = running {
            current.task.cancel()
            _ = await current.task.value
            if running?.task == current.task { running = nil }
        }
    }

    /// Leaves ``SyncStatus/authRequired`` after a new login; the next sync resumes where
    /// the refused one stopped.
    package func sessionRenewed() {
        if status == .authRequired { status = .idle }
    }

    /// How long to wait before syncing again after failures, or `nil` when nothing is failing.
    ///
    /// Each resource backs off on its own; a failure to reach the server at all is forgotten
    /// as soon as any request succeeds, so the sync resumes at once when the network is back.
    package func retryDelay() -> Duration? {
        guard let worst = failures.values.max(by: { $0.count < $1.count }) else { return nil }
        return configuration.backoff.delay(afterFailures: worst.count, retryAfter: failures.values.compactMap(\.retryAfter).max())
    }

    /// Shows a history page's progress in the mirror's state.
    func publish(_ progress: SyncProgress) {
        let owner = historyOwner
        hub.update { $0.sync?.read(progress, owner: owner.index, of: owner.count, ordersBefore: owner.ordersBefore) }
    }

    private func pull(_ resource: SyncResource, uid: UserID) async throws {
        switch resource {
        case .symbols:
            try await mirror("symbols", { try await self.retrying(self.client.symbols) }) { try $0.replaceSymbols($1) }
        case .markets:
            try await mirror(
                "markets:\(uid)", { try await (self.retrying(self.client.defaultMarkets), self.retrying { try await self.client.customMarkets(uid: uid) }) }
            ) {
                try $0.replaceMarkets($1.0, scope: .defaults)
                try $0.replaceMarkets($1.1, scope: .user(uid))
            }
        case .favorites:
            try await mirror("favorites:\(uid)", { try await self.retrying { try await self.client.favorites(uid: uid) } }) {
                try $0.replaceFavorites($1, uid: uid)
                try $0.reapplyPendingWrites(uid: uid)
            }
        case .layouts:
            try await pullLayouts(uid: uid)
        case .strategyTemplates:
            try await mirror("strategyTemplates", { try await self.retrying(self.client.strategyTemplates) }) { try $0.replaceStrategyTemplates($1) }
        case .strategies:
            try await mirror(
                "strategies:\(uid)",
                {
                    try await (
                        self.retrying { try await self.client.strategyItems(uid: uid) }, self.retrying { try await self.client.strategyStatuses(uid: uid) }
                    )
                }
            ) {
                try $0.replaceStrategyItems($1.0, uid: uid)
                try $0.replaceStrategyStatuses($1.1, uid: uid)
                try $0.reapplyPendingWrites(uid: uid)
            }
        case .secrets:
            try await forEachOwner(uid: uid, "secrets") { owner, key in
                try await self.mirror(key, { try await self.retrying { try await self.client.secrets(owner: owner) } }) {
                    try $0.replaceSecrets($1, owner: owner)
                }
            }
        case .userInfo:
            try await mirror("userInfo:\(uid)", { try await self.retrying { try await self.client.userInfo(uid: uid) } }) { try $0.saveUserInfo($1) }
        case .positions:
            try await mirror("positions:\(uid)", { try await self.retrying { try await self.client.positions(uid: uid) } }) {
                try $0.replacePositions($1, uid: uid)
            }
        case .activeOrders:
            try await forEachOwner(uid: uid, "activeOrders") { owner, key in try await self.syncActiveOrders(uid: uid, owner: owner, key: key) }
        case .orderHistory:
            try await forEachOwner(uid: uid, "orderHistory") { owner, key in try await self.syncHistory(owner: owner, key: key) }
        }
    }

    private func pullLayouts(uid: UserID) async throws {
        try await mirror(
            "layouts:\(uid)",
            {
                var layouts: [(LayoutKind, ResourceScope, [LayoutSlot])] = []
                for kind in LayoutKind.allCases {
                    layouts.append((kind, .defaults, try await self.retrying { try await self.client.defaultLayout(kind) }))
                    layouts.append((kind, .user(uid), try await self.retrying { try await self.client.customLayout(kind, uid: uid) }))
                }
                return layouts
            }
        ) { transaction, layouts in
            for (kind, scope, slots) in layouts { try transaction.replaceLayout(slots, kind: kind, scope: scope) }
            try transaction.reapplyPendingWrites(uid: uid)
        }
    }

    /// Fetches a value and replaces its rows in one transaction, with the sync state.
    func mirror<Value: Sendable>(_ key: String, _ fetch: () async throws -> Value, apply: @escaping @Sendable (StoreTransaction, Value) throws -> Void)
        async throws
    {
        try await attempt(key) {
            let value = try await fetch()
            let state = self.succeeded(key)
            try await self.store.write { transaction in
                try apply(transaction, value)
                try transaction.saveSyncState(state)
            }
        }
    }

    /// Runs `body` for the user's own account and each of its strategies' owners. An owner
    /// failing does not stop the others; the first failure is rethrown at the end.
    func forEachOwner(uid: UserID, _ resource: String, _ body: @escaping (String, String) async throws -> Void) async throws {
        let strategyOwners = try await store.read(.strategyItems(uid: uid)).compactMap(\.owner)
        var firstFailure: (any Error)?
        let owners = [uid.ownAccount] + Set(strategyOwners).subtracting([uid.ownAccount]).sorted()
        for (index, owner) in owners.enumerated() {
            try Task.checkCancellation()
            historyOwner = (index, owners.count, hub.current.sync?.orders ?? 0)
            do {
                try await body(owner, "\(resource):\(owner)")
            } catch let error as CoinWeightError {
                if case .authenticationFailed = error { throw error }
                firstFailure = firstFailure ?? error
            }
        }
        if let firstFailure { throw firstFailure }
    }

    /// Runs one resource's pull; on failure saves the error with the last success and cursor kept.
    func attempt(_ key: String, _ body: () async throws -> Void) async throws {
        do {
            try await body()
            failures[key] = nil
            failures = failures.filter { !$0.value.isNetwork }
        } catch {
            let failure = error as? CoinWeightError
            let interrupted = Task.isCancelled
            var isNetwork = false
            if case .transient(_, .transport) = failure { isNetwork = true }
            // A cancelled sync failed at nothing: it costs no backoff.
            if !interrupted {
                failures[key] = Failure(count: (failures[key]?.count ?? 0) + 1, retryAfter: failure?.retryAfter, isNetwork: isNetwork)
            }
            // Offline or interrupted is a state the report and `cwsync status` show, not something to warn about.
            logger.log(level: failure?.gotNoAnswer == true || interrupted ? .info : .warning, "sync of \(key) failed", metadata: ["error": "\(error)"])
            let now = configuration.now()
            try? await evenIfCancelled { [store] in
                var state = try await store.read(.syncState(key)) ?? SyncState(resource: key)
                state.lastAttemptAt = now
                state.lastError = interrupted ? "interrupted before it finished" : String(describing: error)
                try await store.write { [state] in try $0.saveSyncState(state) }
            }
            throw error
        }
    }

    /// Runs `body` to its end even when the calling task is cancelled: what a cancelled
    /// sync must still record (its failure, the pages it read) or read is one short transaction.
    @discardableResult
    func evenIfCancelled<Value: Sendable>(_ body: @escaping @Sendable () async throws -> Value) async throws -> Value {
        try await Task { try await body() }.value
    }

    /// The state of a resource that just synced, with its cursor.
    func succeeded(_ key: String, cursor: String? = nil) -> SyncState {
        let now = configuration.now()
        return SyncState(resource: key, lastAttemptAt: now, lastSuccessAt: now, lastError: nil, cursor: cursor)
    }
}
