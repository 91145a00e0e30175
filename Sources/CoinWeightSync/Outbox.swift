package import CoinWeightAPI
package import CoinWeightStore
import Foundation
package import Logging

/// Delivers the user's queued writes: once each, in order per entity, with the account
/// that queued them.
///
/// An app queues through ``CoinWeightMirror``'s writes (``CoinWeightMirror/placeOrder(_:validFor:allowWhileOffline:)``,
/// ``CoinWeightMirror/queue(_:)``...), which call it.
///
/// A transient failure (5xx, 429, no response) leaves the entry pending until its backoff
/// has passed, and later writes it blocks wait behind it; a refusal marks it failed with the
/// server's code and rolls its optimistic change back; a 403 while the token still
/// authenticates (one `/test-auth`) fails that write alone the same way, and a 403 of the
/// token itself stops delivery in ``SyncStatus/authRequired`` with nothing lost. An order
/// create is never sent blindly twice: when its outcome is unknown it is looked for on the
/// server first.
package actor Outbox {
    package nonisolated let client: CoinWeightClient
    package nonisolated let store: CoinWeightStore
    let configuration: SyncConfiguration
    let logger: Logger
    /// `authRequired` after a 403, until ``sessionRenewed()``.
    package private(set) var status: SyncStatus = .idle
    /// Whether the last request failed to reach the server at all; `nil` before any.
    package private(set) var isOffline: Bool?
    /// The delivery running now: a second caller waits for it instead of sending alongside.
    private var delivering: Task<DeliveryReport, Never>?
    /// Ends the pause of ``run(uid:)`` when there is something to send.
    private let waker: Waker
    /// Where a refused token shows.
    let hub: MirrorStateHub
    /// The task committing delivered marks, while there are any to commit.
    private var deliveredMarks: Task<Void, any Error>?
    /// The delivered marks that task has not taken yet, with when each write was delivered.
    private var uncommittedMarks: [(id: Int64, at: Date)] = []
    /// The delivered marks that start a commit of them all.
    private static let deliveredMarksBatch = 64
    /// How long the oldest delivered mark waits for others before a commit of them all starts.
    private static let deliveredMarksDelay = Duration.milliseconds(50)
    /// The user ``run(uid:)`` delivers for now; `nil` while it does not run or nobody is logged in.
    package private(set) var runningFor: UserID?

    package init(
        client: CoinWeightClient, store: CoinWeightStore, configuration: SyncConfiguration = SyncConfiguration(),
        logger: Logger = Logger(label: "cwsync.outbox"), hub: MirrorStateHub = MirrorStateHub()
    ) {
        self.client = client
        self.store = store
        self.configuration = configuration
        self.logger = logger
        self.waker = Waker(sleep: configuration.sleep)
        self.hub = hub
    }

    /// Queues `write` for `uid` and applies it to the mirror, in one durable transaction.
    /// Orders are checked against the symbols config first; for a create use
    /// ``placeOrder(_:uid:validFor:allowWhileOffline:)``, which sets its deadline.
    /// - Returns: the entry's id, to observe with ``StoreQuery/outboxEntry(id:)``.
    /// - Throws: ``OutboxError`` when the write is refused before queueing; nothing is written.
    package func enqueue(_ write: OutboxWrite, uid: UserID) async throws -> Int64 {
        if case .createOrder(let order, _) = write {
            let deadline = order.orderType == .market ? configuration.marketOrderDeadline : configuration.orderDeadline
            return try await queueCreate(order, write: write, uid: uid, validFor: deadline, allowWhileOffline: false)
        }
        let now = configuration.now()
        let id = try await store.write { transaction in
            try Self.check(write, uid: uid, in: transaction)
            return try transaction.enqueue(write, uid: uid, at: now)
        }
        await waker.wake()
        return id
    }

    /// Queues an order create for `uid`. It shows in the mirror at once under a local id;
    /// it is sent only until `validFor` after now (default ``SyncConfiguration/orderDeadline``,
    /// ``SyncConfiguration/marketOrderDeadline`` for a MARKET order) and expires after that.
    /// - Parameter allowWhileOffline: queue a MARKET order even when the server cannot be reached.
    /// - Returns: the entry's id and the order's local id (which later writes may name).
    /// - Throws: ``OutboxError`` when the order breaks a rule; nothing is written.
    package func placeOrder(_ order: NewOrder, uid: UserID, validFor: Duration? = nil, allowWhileOffline: Bool = false) async throws -> (
        entry: Int64, localID: String
    ) {
        let localID = OutboxWrite.newLocalID()
        let deadline = validFor ?? (order.orderType == .market ? configuration.marketOrderDeadline : configuration.orderDeadline)
        let entry = try await queueCreate(
            order, write: .createOrder(order, localID: localID), uid: uid, validFor: deadline, allowWhileOffline: allowWhileOffline)
        return (entry, localID)
    }

    /// Queues a strategy item create for `uid`. It shows in the mirror at once under a local
    /// id, which later writes (update, delete, start, stop, leave) may name.
    /// - Returns: the entry's id and the item's local id.
    package func createStrategy(_ item: StrategyItem, uid: UserID) async throws -> (entry: Int64, localID: String) {
        let localID = OutboxWrite.newLocalID()
        let now = configuration.now()
        let entry = try await store.write { transaction in
            let twins = try transaction.strategyItemIDs(like: item, uid: uid)
            return try transaction.enqueue(.createStrategy(item.withID(nil), localID: localID, twins: twins), uid: uid, at: now)
        }
        await waker.wake()
        return (entry, localID)
    }

    /// Leaves ``SyncStatus/authRequired`` after a new login, and wakes ``run(uid:)``.
    package func sessionRenewed() async {
        if status == .authRequired { status = .idle }
        await waker.wake()
    }

    /// Delivers in the background until the calling task is cancelled: at once when this
    /// outbox queues a write, when the earliest retry or lookup falls due (a transient
    /// failure needs no new write to be tried again), and on ``wake()``. While logged out or
    /// refused it waits for a wake.
    /// - Parameter uid: the logged-in user, `nil` while logged out.
    package func run(uid: @escaping @Sendable () async -> UserID?) async {
        defer { runningFor = nil }
        while !Task.isCancelled {
            runningFor = await uid()
            guard let user = runningFor else {
                await waker.pause(for: nil)
                continue
            }
            let report = await deliver(uid: user)
            guard !report.authRequired, let next = try? await nextDueDate(uid: user) else {
                await waker.pause(for: nil)
                continue
            }
            let delay = max(0.05, next.timeIntervalSince(configuration.now()))
            await waker.pause(for: .milliseconds(Int64(delay * 1_000)))
        }
    }

    /// Ends the current pause of ``run(uid:)``: another process queued a write in the
    /// shared store, say.
    package func wake() async { await waker.wake() }

    /// Makes every waiting entry of `uid` due now (the network is back: their backoff no
    /// longer means anything), and wakes ``run(uid:)``.
    package func makeDueNow(uid: UserID) async throws {
        let now = configuration.now()
        try await store.write { try $0.makeWaitingEntriesDue(uid: uid, at: now) }
        await waker.wake()
    }

    /// When the earliest entry of `uid` that nothing holds back falls due, or `nil` when
    /// nothing waits.
    private func nextDueDate(uid: UserID) async throws -> Date? {
        var unsettled: [OutboxWrite] = []
        var next: Date?
        for entry in try await store.read(.outbox(uid: uid, states: [.pending, .sending])) {
            defer { unsettled.append(entry.write) }
            let waits = entry.state == .pending ? !unsettled.contains(where: entry.write.dependsOn) : entry.resolveUntil != nil
            if waits { next = min(next ?? entry.nextAttemptAt, entry.nextAttemptAt) }
        }
        return next
    }

    /// Sends every due entry of `uid`, oldest first. Entries of other accounts wait for
    /// their own login: they are never sent with this token.
    package func deliver(uid: UserID) async -> DeliveryReport {
        await finishDelivery()
        let run = Task { await self.deliverDue(uid: uid) }
        delivering = run
        let report = await run.value
        if delivering == run { delivering = nil }
        return report
    }

    /// Waits for the delivery running now, if any, to end.
    package func finishDelivery() async {
        while let running = delivering {
            _ = await running.value
            // Its starter may not have resumed yet: awaiting a finished task again would
            // not suspend, and would spin on the actor forever.
            if delivering == running { delivering = nil }
        }
    }

    /// Queues an order create. While ``run(uid:)`` delivers for `uid` and nothing else of
    /// `uid` is unsettled, it is queued already marked sending and sent at once: one commit,
    /// with no fsync, since a power loss takes the entry and its mark together and so can
    /// never leave it pending after its request went out. Otherwise it waits its turn, and
    /// its mark is synced to disk when it comes.
    private func queueCreate(_ order: NewOrder, write: OutboxWrite, uid: UserID, validFor: Duration, allowWhileOffline: Bool) async throws -> Int64 {
        if order.orderType == .market && isOffline == true && !allowWhileOffline { throw OutboxError.marketOrderWhileOffline }
        let now = configuration.now()
        let deadline = now.addingTimeInterval(validFor.timeInterval)
        guard runningFor == uid && delivering == nil && status != .authRequired && isOffline != true else {
            let id = try await store.write { transaction in
                try Self.check(write, uid: uid, in: transaction)
                return try transaction.enqueue(write, uid: uid, at: now, deadline: deadline)
            }
            await waker.wake()
            return id
        }
        // This delivery is taken before anything awaits, so that no other one starts meanwhile
        // and finds the entry sending as if a crash had interrupted it.
        let queued = Task { [store] in
            try await store.write { transaction in
                try Self.check(write, uid: uid, in: transaction)
                return try transaction.enqueueSendingIfAlone(write, uid: uid, at: now, deadline: deadline)
            }
        }
        delivering = Task {
            defer { self.delivering = nil }  // nothing replaces a running delivery: it is still this one
            guard let sending = try? await queued.value.sending else { return DeliveryReport() }
            return await self.deliverClaimed(sending)
        }
        let (id, sending) = try await queued.value
        if sending == nil { await waker.wake() }
        return id
    }

    /// Sends `entry`, queued already marked sending by ``queueCreate(_:write:uid:validFor:allowWhileOffline:)``,
    /// as the delivery running now.
    private func deliverClaimed(_ entry: OutboxEntry) async -> DeliveryReport {
        var report = DeliveryReport()
        do {
            try await handle(entry, uid: entry.uid, claimed: true, report: &report)
        } catch {
            logger.error("outbox delivery stopped", metadata: ["error": "\(error)"])
        }
        return concluded(report)
    }

    private func deliverDue(uid: UserID) async -> DeliveryReport {
        var report = DeliveryReport()
        do {
            let now = configuration.now()
            let resolveUntil = now.addingTimeInterval(configuration.createResolutionWindow.timeInterval)
            _ = try await store.write { try $0.recoverInterruptedSends(uid: uid, at: now, resolveUntil: resolveUntil) }
            try await resolveUnknownCreates(uid: uid, report: &report)
            while !report.authRequired, try await sendDue(uid: uid, report: &report) {}
        } catch {
            logger.error("outbox delivery stopped", metadata: ["error": "\(error)"])
        }
        do {
            try await flushDeliveredMarks()
        } catch {
            logger.error("outbox could not record a delivery; the write will be sent again", metadata: ["error": "\(error)"])
        }
        return concluded(report)
    }

    /// `report`, once a 403 of the token that stopped it is noted.
    private func concluded(_ report: DeliveryReport) -> DeliveryReport {
        status = report.authRequired ? .authRequired : status
        if report.authRequired { hub.update { $0.refuseAccount() } }
        return report
    }

    /// Sends one entry, or settles it without a request when it can no longer be sent.
    /// - Parameter claimed: whether it is already marked sending.
    private func handle(_ entry: OutboxEntry, uid: UserID, claimed: Bool, report: inout DeliveryReport) async throws {
        let now = configuration.now()
        if let deadline = entry.deadline, now > deadline {
            let reason = entry.attempts == 0 ? "not sent before its deadline" : "not placed, and its deadline passed before it could be sent again"
            try await store.write { try $0.markExpired(entry.id, attempted: entry.attempts > 0, reason: reason, at: now) }
            report.expired.append(entry.id)
            return
        }
        if let localID = entry.write.localID {
            try await store.write {
                try $0.markFailed(
                    entry.id, .createFailed(localID: localID), message: "\(localID) was never created on the server: its create failed or expired", at: now)
            }
            report.failed.append(entry.id)
            return
        }
        // A write that must not be sent twice is marked on disk, power loss included,
        // before its request goes out.
        if !claimed {
            guard try await store.write(syncingToDisk: !entry.write.isIdempotent, { try $0.claimForSending(entry.id, at: now) }) else { return }
        }
        do {
            let created = try await send(entry.write, uid: uid)
            reached(true)
            switch created {
            case .order(let order): try await store.write { try $0.markDelivered(entry, placing: order, at: self.configuration.now()) }
            case .strategy(let item): try await store.write { try $0.markDelivered(entry, creating: item, at: self.configuration.now()) }
            case nil: markDeliveredInBackground(entry.id)
            }
            report.delivered.append(entry.id)
        } catch let error as CoinWeightError {
            try await settle(entry, after: error, report: &report)
        }
    }

    /// Sends, oldest first, each pending entry of `uid` that is due and that no earlier
    /// unsettled entry (pending, being sent, or a create being looked up) holds back.
    /// - Returns: whether an entry waits behind one settled in this round, and may go now.
    private func sendDue(uid: UserID, report: inout DeliveryReport) async throws -> Bool {
        let now = configuration.now()
        let entries = try await store.read(.outbox(uid: uid, states: [.pending, .sending]))
        // The idempotent entries that are due are marked sending together, in one commit,
        // so each delivery then costs one commit, not two. One that an earlier failure now
        // holds back goes back to pending unsent.
        var claimed = try await claimIdempotent(Self.sendable(entries, now: now).filter(\.write.isIdempotent), at: now)
        var unsettled: [OutboxWrite] = []
        var settled: [OutboxWrite] = []
        var behindSettled = false
        for entry in entries where !report.authRequired {
            // An entry behind one settled just now is read again first: settling may have
            // rewritten it (a local id replaced by the server's).
            let afterSettled = settled.contains(where: entry.write.dependsOn)
            behindSettled = behindSettled || afterSettled
            let held = afterSettled || unsettled.contains(where: entry.write.dependsOn)
            if entry.state == .pending && entry.nextAttemptAt <= now && !held {
                let settledBefore = report.settledCount
                try await handle(entry, uid: uid, claimed: claimed.remove(entry.id) != nil, report: &report)
                if report.settledCount > settledBefore {
                    settled.append(entry.write)
                    continue
                }
            }
            unsettled.append(entry.write)
        }
        if !claimed.isEmpty { try await store.write { [claimed] in try $0.releaseClaims(claimed) } }
        try await flushDeliveredMarks()
        return behindSettled
    }

    /// Commits an idempotent write's delivered mark while the next requests go out: together
    /// with the marks after it, once ``deliveredMarksBatch`` have come in or the oldest has
    /// waited ``deliveredMarksDelay``, and ``flushDeliveredMarks()`` commits the rest at the end
    /// of each round. A crash before one commits leaves its write `sending`, and an idempotent
    /// write is sent again.
    private func markDeliveredInBackground(_ id: Int64) {
        let now = configuration.now()
        uncommittedMarks.append((id, now))
        guard
            deliveredMarks == nil,
            uncommittedMarks.count >= Self.deliveredMarksBatch
                || now.timeIntervalSince(uncommittedMarks[0].at) >= Self.deliveredMarksDelay.timeInterval
        else { return }
        commitDeliveredMarks()
    }

    /// Starts the task that commits the delivered marks, the ones that come in meanwhile included.
    private func commitDeliveredMarks() {
        deliveredMarks = Task { [store] in
            // The marks that came in while one commit ran go together in the next.
            while let marks = self.takeUncommittedMarks() {
                try await store.write { transaction in
                    for mark in marks { try transaction.markDelivered(mark.id, at: mark.at) }
                }
            }
        }
    }

    /// The delivered marks not committed yet, or `nil` (and no committing task) when there are none.
    private func takeUncommittedMarks() -> [(id: Int64, at: Date)]? {
        guard !uncommittedMarks.isEmpty else {
            deliveredMarks = nil
            return nil
        }
        defer { uncommittedMarks = [] }
        return uncommittedMarks
    }

    /// Commits every delivered mark, and waits until they are.
    private func flushDeliveredMarks() async throws {
        if deliveredMarks == nil && !uncommittedMarks.isEmpty { commitDeliveredMarks() }
        guard let marks = deliveredMarks else { return }
        defer { if deliveredMarks == marks { deliveredMarks = nil } }
        try await marks.value
    }

    /// The pending entries that are due and that no earlier unsettled entry holds back.
    private static func sendable(_ entries: [OutboxEntry], now: Date) -> [OutboxEntry] {
        var unsettled: [OutboxWrite] = []
        var sendable: [OutboxEntry] = []
        for entry in entries {
            if entry.state == .pending && entry.nextAttemptAt <= now && !unsettled.contains(where: entry.write.dependsOn) {
                sendable.append(entry)
            } else {
                unsettled.append(entry.write)
            }
        }
        return sendable
    }

    /// Marks `entries` sending in one commit.
    /// - Returns: the ids it marked (not those another sender took first).
    private func claimIdempotent(_ entries: [OutboxEntry], at now: Date) async throws -> Set<Int64> {
        guard !entries.isEmpty else { return [] }
        let ids = entries.map(\.id)
        return try await store.write { transaction in Set(try ids.filter { try transaction.claimForSending($0, at: now) }) }
    }

    private func settle(_ entry: OutboxEntry, after error: CoinWeightError, report: inout DeliveryReport) async throws {
        let now = configuration.now()
        defer { logger.notice("outbox write not delivered", metadata: ["entry": "\(entry.id)", "kind": "\(entry.write.kind)", "error": "\(error)"]) }
        if !entry.write.isIdempotent && error.mayHaveReachedServer {
            // The create may have placed its order: never send it blindly again.
            reached(!error.gotNoAnswer)
            let next = now.addingTimeInterval(configuration.createLookupInterval.timeInterval)
            let until = now.addingTimeInterval(configuration.createResolutionWindow.timeInterval)
            try await store.write { try $0.markOutcomeUnknown(entry.id, lookUpAt: next, until: until, reason: "\(error.description): looking for its order") }
            report.unresolved.append(entry.id)
            return
        }
        switch error {
        case .authenticationFailed where await tokenStillAuthenticates(uid: entry.uid):
            // The server refused this write, not the token (another user's owner, say): it
            // fails alone, rolled back, and the writes behind it go on.
            reached(true)
            try await store.write {
                try $0.markFailed(entry.id, .forbidden, message: "refused although the session is valid: \(error.description)", at: now)
            }
            report.failed.append(entry.id)
        case .authenticationFailed, .notLoggedIn:
            let refused: AuthToken? = if case .authenticationFailed = error { client.authToken } else { nil }
            try await store.write { transaction in
                try transaction.markForRetry(entry.id, at: entry.nextAttemptAt, reason: error.description)
                if let token = refused {
                    try transaction.recordTokenRefused(token, uid: entry.uid, at: now)
                }
            }
            report.authRequired = true
        case .transient, .malformedResponse:
            // An unreadable answer may have followed the effect; sending an idempotent write
            // again is safe, and failing it would roll back a change the server may hold.
            reached(!error.gotNoAnswer)
            let delay = configuration.backoff.delay(afterFailures: entry.attempts + 1, retryAfter: error.retryAfter)
            try await store.write { try $0.markForRetry(entry.id, at: now.addingTimeInterval(delay.timeInterval), reason: error.description) }
            report.retrying.append(entry.id)
        case .rejected(let refusal):
            reached(true)
            if case .cancelOrder = entry.write, refusal.code == 1001, entry.attempts > 0 {
                // A cancel sent again after an interruption finds its order already inactive:
                // the first one took effect. (`entry` is as read before this attempt's claim,
                // so its attempts are the earlier ones.)
                try await store.write { transaction in
                    try transaction.markDelivered(entry.id, at: now)
                    if let order = refusal.order { _ = try transaction.upsertOrders([order]) }
                }
                report.delivered.append(entry.id)
                return
            }
            // A refusal of an update or cancel (1000, 1001) carries the order as it stands:
            // the mirror shows it so once the optimistic change is rolled back.
            try await store.write { transaction in
                try transaction.markFailed(
                    entry.id, .refused(code: refusal.code, message: refusal.message, order: refusal.order), message: refusal.description, at: now)
                if let order = refusal.order { _ = try transaction.upsertOrders([order]) }
            }
            report.failed.append(entry.id)
        case .unexpectedStatus(_, let status, _):
            try await store.write { try $0.markFailed(entry.id, .unexpectedStatus(status), message: error.description, at: now) }
            report.failed.append(entry.id)
        case .invalidRequest(let reason):
            try await store.write { try $0.markFailed(entry.id, .invalidRequest(reason), message: error.description, at: now) }
            report.failed.append(entry.id)
        case .insecureEndpoint:
            try await store.write { try $0.markFailed(entry.id, .invalidRequest(error.description), message: error.description, at: now) }
            report.failed.append(entry.id)
        }
    }

    /// Whether the token, refused (HTTP 403) for one write, still authenticates `uid`: one
    /// `GET /test-auth`. Anything but a yes (a refusal, no answer) counts as no, so a token
    /// the server revoked still pauses the queue.
    private func tokenStillAuthenticates(uid: UserID) async -> Bool {
        guard let identity = try? await client.testAuth() else { return false }
        return identity.uid == uid
    }

    /// Notes whether the server answered, for the MARKET-while-offline rule.
    func reached(_ answered: Bool) { isOffline = !answered }

    /// What a create made on the server.
    private enum Created {
        case order(Order)
        case strategy(StrategyItem)
    }

    /// Puts the order as the server answered it into the mirror at once (a delivered update
    /// or cancel), instead of leaving the optimistic row until the next sync.
    private func applyServerOrder(_ order: Order) async throws {
        _ = try await store.write { try $0.upsertOrders([order]) }
    }

    /// Sends a write; a create returns what the server made.
    private func send(_ write: OutboxWrite, uid: UserID) async throws -> Created? {
        switch write {
        case .addFavorite(let pair): try await client.addFavorite(uid: uid, pair)
        case .deleteFavorite(let pair): try await client.deleteFavorite(uid: uid, pair)
        case .updateLayout(let kind, let slot): try await client.updateLayout(kind, uid: uid, slot: slot)
        case .createOrder(let order, _): return .order(try await client.createOrder(order))
        case .updateOrder(let amendment): try await applyServerOrder(client.updateOrder(amendment))
        case .cancelOrder(let reference): try await applyServerOrder(client.cancelOrder(reference))
        case .cancelAllOrders(let request): _ = try await client.cancelAllOrders(request)
        case .createStrategy(let item, _, _): return .strategy(try await client.createStrategyItem(uid: uid, item))
        case .updateStrategy(let item): _ = try await client.updateStrategyItem(uid: uid, item)
        case .deleteStrategy(let id): _ = try await client.deleteStrategyItem(uid: uid, id: id)
        case .startStrategy(let item): _ = try await client.startStrategy(userID: uid, strategy: item)
        case .stopStrategy(let item): _ = try await client.stopStrategy(userID: uid, strategy: item)
        case .leaveStrategy(let item): _ = try await client.leaveStrategy(userID: uid, strategy: item)
        }
        return nil
    }
}
