import CoinWeightAPI
import CoinWeightStore
import Foundation
import Logging

/// Delivers the user's queued writes: once each, in order per entity, with the account
/// that queued them.
///
/// ```swift
/// let id = try await outbox.enqueue(.addFavorite(pair), uid: session.uid)   // shows in the mirror at once
/// let report = await outbox.deliver(uid: session.uid)                       // when the network is back
/// ```
///
/// A transient failure (5xx, 429, no response) leaves the entry pending until its backoff
/// has passed, and later writes to the same entity wait behind it; a refusal marks it
/// failed with the server's code and rolls its optimistic change back (a later favorite or
/// layout write replaces it, so nothing waits on it); a 403 stops delivery in
/// ``SyncStatus/authRequired`` with nothing lost.
public actor Outbox {
    public nonisolated let client: CoinWeightClient
    public nonisolated let store: CoinWeightStore
    let configuration: SyncConfiguration
    let logger: Logger
    /// `authRequired` after a 403, until ``sessionRenewed()``.
    public private(set) var status: SyncStatus = .idle

    public init(client: CoinWeightClient, store: CoinWeightStore, configuration: SyncConfiguration = SyncConfiguration(), logger: Logger = Logger(label: "cwsync.outbox")) {
        self.client = client
        self.store = store
        self.configuration = configuration
        self.logger = logger
    }

    /// Queues `write` for `uid` and applies it to the mirror, in one durable transaction.
    /// - Returns: the entry's id, to observe with ``StoreQuery/outboxEntry(id:)``.
    public func enqueue(_ write: OutboxWrite, uid: UserID) async throws -> Int64 {
        let now = configuration.now()
        return try await store.write { try $0.enqueue(write, uid: uid, at: now) }
    }

    /// Leaves ``SyncStatus/authRequired`` after a new login.
    public func sessionRenewed() {
        if status == .authRequired { status = .idle }
    }

    /// Sends every due entry of `uid`, oldest first. Entries of other accounts wait for
    /// their own login: they are never sent with this token.
    public func deliver(uid: UserID) async -> DeliveryReport {
        var report = DeliveryReport()
        do {
            try await store.write { try $0.recoverInterruptedSends(uid: uid) }
            while let entry = try await nextDue(uid: uid) {
                guard try await store.write({ try $0.claimForSending(entry.id) }) else { continue }
                do {
                    try await send(entry.write, uid: uid)
                    try await store.write { try $0.markDelivered(entry.id) }
                    report.delivered.append(entry.id)
                } catch let error as CoinWeightError {
                    try await settle(entry, after: error, report: &report)
                    if report.authRequired { break }
                }
            }
        } catch {
            logger.error("outbox delivery stopped", metadata: ["error": "\(error)"])
        }
        status = report.authRequired ? .authRequired : status
        return report
    }

    /// The oldest pending entry that is due and whose entity has nothing older still
    /// waiting or being sent.
    private func nextDue(uid: UserID) async throws -> OutboxEntry? {
        let now = configuration.now()
        var held = Set<String>()
        for entry in try await store.read(.outbox(uid: uid, states: [.pending, .sending])) {
            defer { held.insert(entry.write.entity) }
            if entry.state == .pending && entry.nextAttemptAt <= now && !held.contains(entry.write.entity) { return entry }
        }
        return nil
    }

    private func settle(_ entry: OutboxEntry, after error: CoinWeightError, report: inout DeliveryReport) async throws {
        switch error {
        case .authenticationFailed, .notLoggedIn:
            try await store.write { try $0.markForRetry(entry.id, at: entry.nextAttemptAt, reason: error.description) }
            report.authRequired = true
        case .transient:
            let delay = configuration.backoff.delay(afterFailures: entry.attempts + 1, retryAfter: error.retryAfter)
            let next = configuration.now().addingTimeInterval(delay.timeInterval)
            try await store.write { try $0.markForRetry(entry.id, at: next, reason: error.description) }
            report.retrying.append(entry.id)
        case .rejected(let refusal):
            try await store.write { try $0.markFailed(entry.id, code: refusal.code, message: refusal.description) }
            report.failed.append(entry.id)
        case .malformedResponse, .unexpectedStatus, .invalidRequest, .insecureEndpoint:
            try await store.write { try $0.markFailed(entry.id, code: nil, message: error.description) }
            report.failed.append(entry.id)
        }
        logger.notice("outbox write not delivered", metadata: ["entry": "\(entry.id)", "kind": "\(entry.write.kind)", "error": "\(error)"])
    }

    private func send(_ write: OutboxWrite, uid: UserID) async throws {
        switch write {
        case .addFavorite(let pair): try await client.addFavorite(uid: uid, pair)
        case .deleteFavorite(let pair): try await client.deleteFavorite(uid: uid, pair)
        case .updateLayout(let kind, let slot): try await client.updateLayout(kind, uid: uid, slot: slot)
        }
    }
}
