package import CoinWeightAPI
package import Foundation
import GRDB

/// A retry or drop of one entry, and making the waiting ones due, in the caller's transaction.
extension StoreTransaction {
    /// Queues a failed or expired entry again as it was first queued: its optimistic change
    /// shown again, its attempts and error cleared, due at once; a create gets `deadline`.
    /// - Throws: ``OutboxControlError`` when there is no such entry or it is not failed or expired.
    package func retryOutboxEntry(_ id: Int64, at now: Date, deadline: Date?) throws {
        let entry = try controlledEntry(id)
        guard entry.state == .failed || entry.state == .expired else { throw OutboxControlError.notRetryable(id, entry.state) }
        let undo = try applyOptimistic(entry.write, uid: entry.uid, queuedAt: now)
        try db.execute(
            sql: """
                UPDATE outbox SET state = 'pending', attempts = 0, next_attempt_at = ?, error_code = NULL, error_message = NULL, failure_json = NULL,
                    first_sent_at = NULL, resolve_until = NULL, settled_at = NULL, undo_json = ?, deadline_at = CASE WHEN deadline_at IS NULL THEN NULL ELSE ? END
                WHERE id = ?
                """, arguments: [now.millisecondsSince1970, try StoreJSON.encode(undo), deadline?.millisecondsSince1970, id])
    }

    /// Takes a pending entry out of the queue and its optimistic change out of the mirror;
    /// it is kept, failed, with the reason.
    /// - Throws: ``OutboxControlError`` when there is no such entry or it is not pending.
    package func dropOutboxEntry(_ id: Int64, at now: Date) throws {
        let entry = try controlledEntry(id)
        guard entry.state == .pending else { throw OutboxControlError.notDroppable(id, entry.state) }
        try markFailed(id, .dropped, message: "dropped by the user before it was delivered", at: now)
    }

    /// Makes every entry of `uid` waiting for a later attempt (a backoff after a transient
    /// failure, a lookup of a create whose outcome is unknown) due at `now`.
    package func makeWaitingEntriesDue(uid: UserID, at now: Date) throws {
        try db.execute(
            sql: "UPDATE outbox SET next_attempt_at = ? WHERE uid = ? AND state IN ('pending', 'sending') AND next_attempt_at > ?",
            arguments: [now.millisecondsSince1970, uid.rawValue, now.millisecondsSince1970])
    }

    private func controlledEntry(_ id: Int64) throws -> OutboxEntry {
        guard let entry = try StoreQuery<OutboxEntry?>.outboxEntry(id: id).fetch(db) else { throw OutboxControlError.notFound(id) }
        return entry
    }
}
