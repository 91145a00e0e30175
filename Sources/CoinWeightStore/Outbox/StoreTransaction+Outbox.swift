import CoinWeightAPI
import Foundation
import GRDB

/// The outbox's durable half: queueing with the optimistic change, and every state change
/// of an entry, each in the caller's transaction.
extension StoreTransaction {
    /// Queues `write` for `uid` and shows it in the mirror at once, in this transaction.
    ///
    /// A write that meets a pending write to the same entity that was never sent (a sent one
    /// may have taken effect) is folded into it, with no request: adding then deleting one favorite (or the reverse) cancels out, and a second
    /// update of one layout slot replaces the first. The folded entries are marked delivered.
    /// - Returns: the new entry's id, to observe with ``StoreQuery/outboxEntry(id:)``.
    @discardableResult
    public func enqueue(_ write: OutboxWrite, uid: UserID, at now: Date) throws -> Int64 {
        if let earlier = try pendingEntry(entity: write.entity, uid: uid) {
            switch (earlier.write, write) {
            case (.addFavorite, .deleteFavorite), (.deleteFavorite, .addFavorite):
                try undo(earlier.undo)
                try setState(.delivered, of: earlier.id, result: #"{"coalesced":true}"#)
                return try insert(write, uid: uid, undo: earlier.undo, state: .delivered, at: now, result: #"{"coalesced":true}"#)
            case (.updateLayout, .updateLayout):
                _ = try applyOptimistic(write, uid: uid)
                try setState(.delivered, of: earlier.id, result: #"{"coalesced":true}"#)
                return try insert(write, uid: uid, undo: earlier.undo, state: .pending, at: now)
            default:
                break
            }
        }
        return try insert(write, uid: uid, undo: applyOptimistic(write, uid: uid), state: .pending, at: now)
    }

    /// Marks a pending entry as being sent, durably, before its request goes out.
    /// - Returns: `false` when the entry is no longer pending (another sender took it).
    public func claimForSending(_ id: Int64) throws -> Bool {
        try db.execute(sql: "UPDATE outbox SET state = 'sending', attempts = attempts + 1 WHERE id = ? AND state = 'pending'", arguments: [id])
        return db.changesCount == 1
    }

    /// The server has the write.
    public func markDelivered(_ id: Int64) throws {
        try setState(.delivered, of: id)
    }

    /// The server refused the write for good: its optimistic change is rolled back.
    public func markFailed(_ id: Int64, code: Int?, message: String) throws {
        guard let entry = try storedEntry(id) else { return }
        try undo(entry.undo)
        try db.execute(sql: "UPDATE outbox SET state = 'failed', error_code = ?, error_message = ? WHERE id = ?", arguments: [code, message, id])
        try notifyChanges(in: "outbox")
    }

    /// The write could not be sent now: it waits until `next` and is tried again.
    public func markForRetry(_ id: Int64, at next: Date, reason: String) throws {
        try db.execute(sql: "UPDATE outbox SET state = 'pending', next_attempt_at = ?, error_message = ? WHERE id = ?",
                       arguments: [next.millisecondsSince1970, reason, id])
        try notifyChanges(in: "outbox")
    }

    /// Puts back to pending the entries of `uid` whose send was interrupted (a crash while
    /// sending) when sending them again is safe.
    /// - Returns: how many were put back.
    @discardableResult
    public func recoverInterruptedSends(uid: UserID) throws -> Int {
        let interrupted = try entries(uid: uid, states: [.sending]).filter(\.write.isIdempotent)
        for entry in interrupted { try setState(.pending, of: entry.id) }
        return interrupted.count
    }

    /// Shows the still-undelivered writes of `uid` again on top of what a pull just replaced,
    /// so a sync never hides a write the user made.
    public func reapplyPendingWrites(uid: UserID) throws {
        for entry in try entries(uid: uid, states: [.pending, .sending]) {
            _ = try applyOptimistic(entry.write, uid: uid)
        }
    }

    // MARK: - Rows

    /// An entry with the undo the public ``OutboxEntry`` does not show.
    struct StoredEntry {
        var id: Int64
        var write: OutboxWrite
        var undo: OutboxUndo
    }

    private func insert(_ write: OutboxWrite, uid: UserID, undo: OutboxUndo, state: OutboxState, at now: Date, result: String? = nil) throws -> Int64 {
        try db.execute(sql: """
            INSERT INTO outbox (uid, kind, entity, payload_json, undo_json, state, created_at, next_attempt_at, result_json)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, arguments: [
                uid.rawValue, write.kind, write.entity, try StoreJSON.encode(write), try StoreJSON.encode(undo), state.rawValue,
                now.millisecondsSince1970, now.millisecondsSince1970, result,
            ])
        try notifyChanges(in: "outbox")
        return db.lastInsertedRowID
    }

    private func setState(_ state: OutboxState, of id: Int64, result: String? = nil) throws {
        try db.execute(sql: "UPDATE outbox SET state = ?, result_json = coalesce(?, result_json) WHERE id = ?", arguments: [state.rawValue, result, id])
        try notifyChanges(in: "outbox")
    }

    private func pendingEntry(entity: String, uid: UserID) throws -> StoredEntry? {
        try Row.fetchOne(db, sql: """
            SELECT id, payload_json, undo_json FROM outbox
            WHERE uid = ? AND entity = ? AND state = 'pending' AND attempts = 0 ORDER BY id DESC LIMIT 1
            """, arguments: [uid.rawValue, entity]).map(storedEntry(row:))
    }

    private func storedEntry(_ id: Int64) throws -> StoredEntry? {
        try Row.fetchOne(db, sql: "SELECT id, payload_json, undo_json FROM outbox WHERE id = ?", arguments: [id]).map(storedEntry(row:))
    }

    private func entries(uid: UserID, states: [OutboxState]) throws -> [StoredEntry] {
        let placeholders = states.map { _ in "?" }.joined(separator: ", ")
        return try Row.fetchAll(db, sql: "SELECT id, payload_json, undo_json FROM outbox WHERE uid = ? AND state IN (\(placeholders)) ORDER BY id",
                                arguments: StatementArguments([uid.rawValue] + states.map(\.rawValue))).map(storedEntry(row:))
    }

    private func storedEntry(row: Row) throws -> StoredEntry {
        StoredEntry(
            id: row[0], write: try StoreJSON.decode(OutboxWrite.self, row[1], table: "outbox", column: "payload_json"),
            undo: try StoreJSON.decode(OutboxUndo.self, row[2], table: "outbox", column: "undo_json"))
    }
}
