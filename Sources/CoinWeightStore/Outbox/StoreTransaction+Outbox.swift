package import CoinWeightAPI
package import Foundation
import GRDB

/// The outbox's durable half: queueing with the optimistic change, and every state change
/// of an entry, each in the caller's transaction.
extension StoreTransaction {
    /// Queues `write` for `uid` and shows it in the mirror at once, in this transaction.
    ///
    /// A write that meets a pending write to the same entity that was never sent (a sent one
    /// may have taken effect) is folded into it, with no request: adding then deleting one
    /// favorite (or the reverse) cancels out; a second update of one layout slot, order or
    /// strategy replaces the first; an update of an order or strategy whose create is still
    /// queued changes the create; a cancel (or delete) of it drops the create. The folded entries are marked delivered.
    /// - Parameter deadline: for a create, when it may no longer be sent.
    /// - Returns: the new entry's id, to observe with ``StoreQuery/outboxEntry(id:)``.
    @discardableResult
    package func enqueue(_ write: OutboxWrite, uid: UserID, at now: Date, deadline: Date? = nil) throws -> Int64 {
        if let earlier = try pendingEntry(entity: write.entity, uid: uid) {
            switch (earlier.write, write) {
            case (.addFavorite, .deleteFavorite), (.deleteFavorite, .addFavorite):
                try undo(earlier.undo)
                try setState(.delivered, of: earlier.id, result: Self.coalesced, at: now)
                return try insert(write, uid: uid, undo: earlier.undo, state: .delivered, at: now, result: Self.coalesced)
            case (.updateLayout, .updateLayout), (.updateOrder, .updateOrder), (.updateStrategy, .updateStrategy):
                _ = try applyOptimistic(write, uid: uid, queuedAt: now)
                try setState(.delivered, of: earlier.id, result: Self.coalesced, at: now)
                return try insert(write, uid: uid, undo: earlier.undo, state: .pending, at: now)
            case (.createOrder(var order, let localID), .updateOrder(let amendment)):
                order.price = amendment.price
                order.quantity = amendment.quantity
                let undo = try applyOptimistic(write, uid: uid, queuedAt: now)
                try db.execute(
                    sql: "UPDATE outbox SET payload_json = ? WHERE id = ?",
                    arguments: [try StoreJSON.encode(OutboxWrite.createOrder(order, localID: localID)), earlier.id])
                return try insert(write, uid: uid, undo: undo, state: .delivered, at: now, result: Self.coalesced)
            case (.createStrategy(_, let localID, let twins), .updateStrategy(let item)):
                let undo = try applyOptimistic(write, uid: uid, queuedAt: now)
                try db.execute(
                    sql: "UPDATE outbox SET payload_json = ? WHERE id = ?",
                    arguments: [try StoreJSON.encode(OutboxWrite.createStrategy(item.withID(nil), localID: localID, twins: twins)), earlier.id])
                return try insert(write, uid: uid, undo: undo, state: .delivered, at: now, result: Self.coalesced)
            case (.createOrder, .cancelOrder), (.createStrategy, .deleteStrategy):
                try undo(earlier.undo)
                try setState(.delivered, of: earlier.id, result: Self.coalesced, at: now)
                return try insert(write, uid: uid, undo: earlier.undo, state: .delivered, at: now, result: Self.coalesced)
            default:
                break
            }
        }
        return try insert(write, uid: uid, undo: applyOptimistic(write, uid: uid, queuedAt: now), state: .pending, at: now, deadline: deadline)
    }

    /// The `result_json` of an entry folded into another, delivered with no request.
    private static let coalesced = #"{"coalesced":true}"#

    /// Marks a pending entry as being sent, durably, before its request goes out, and notes
    /// when its first request went out.
    /// - Returns: `false` when the entry is no longer pending (another sender took it).
    package func claimForSending(_ id: Int64, at now: Date) throws -> Bool {
        try db.cachedStatement(
            sql: """
                UPDATE outbox SET state = 'sending', attempts = attempts + 1, first_sent_at = coalesce(first_sent_at, ?)
                WHERE id = ? AND state = 'pending'
                """
        ).execute(arguments: [now.millisecondsSince1970, id])
        return db.changesCount == 1
    }

    /// Queues `write` as ``enqueue(_:uid:at:deadline:)`` does and, when no other write of
    /// `uid` is unsettled (pending or sending), marks it sending in the same transaction, as
    /// ``claimForSending(_:at:)`` does: a write sent as soon as it is queued.
    /// - Returns: the new entry's id; and the entry as it now stands when it was marked
    ///   sending, `nil` when it waits its turn.
    package func enqueueSendingIfAlone(_ write: OutboxWrite, uid: UserID, at now: Date, deadline: Date? = nil) throws -> (id: Int64, sending: OutboxEntry?) {
        let id = try enqueue(write, uid: uid, at: now, deadline: deadline)
        let others =
            try Bool.fetchOne(
                db.cachedStatement(sql: "SELECT EXISTS (SELECT 1 FROM outbox WHERE uid = ? AND state IN ('pending', 'sending') AND id <> ?)"),
                arguments: [uid.rawValue, id]) ?? true
        guard !others, try claimForSending(id, at: now) else { return (id, nil) }
        let at = Date(millisecondsSince1970: now.millisecondsSince1970)
        let entry = OutboxEntry(
            id: id, uid: uid, write: write, state: .sending, createdAt: at, attempts: 1, nextAttemptAt: at, errorCode: nil, errorMessage: nil,
            coalesced: false, deadline: deadline.map { Date(millisecondsSince1970: $0.millisecondsSince1970) }, firstSentAt: at, resolveUntil: nil,
            failure: nil)
        return (id, entry)
    }

    /// Puts entries marked sending back to pending, unsent: their sender decided not to
    /// send them after all.
    package func releaseClaims(_ ids: some Collection<Int64>) throws {
        for id in ids {
            try db.cachedStatement(sql: "UPDATE outbox SET state = 'pending', attempts = attempts - 1 WHERE id = ? AND state = 'sending'")
                .execute(arguments: [id])
        }
    }

    /// The server has the write.
    package func markDelivered(_ id: Int64, at now: Date) throws {
        try setState(.delivered, of: id, at: now)
    }

    /// The server placed the order that `entry`, a create being sent (its payload can no
    /// longer change), asked for (its answer, or the order found by a lookup after the answer
    /// was lost): it replaces the local row, its id replaces the local id in the writes still
    /// queued on it, and it is never adopted by another create.
    package func markDelivered(_ entry: OutboxEntry, placing order: Order, at now: Date) throws {
        guard case .createOrder(_, let localID) = entry.write else { return }
        try deleteOrders(ids: [localID])
        try upsertOrders([order])
        try settleCreate(entry, localID: localID, serverID: order.streetOrderId, at: now)
    }

    /// The server created the strategy item that `entry`, a create being sent, asked for: as
    /// for an order, its id replaces the local one in the mirror (item and run state) and in
    /// the queued writes.
    package func markDelivered(_ entry: OutboxEntry, creating item: StrategyItem, at now: Date) throws {
        guard case .createStrategy(_, let localID, _) = entry.write, let serverID = item.id else { return }
        let position = try strategyItem(id: localID, uid: entry.uid)?.position
        try writeStrategyItem(nil, id: localID, uid: entry.uid.rawValue, position: nil)
        try writeStrategyItem(item, id: serverID, uid: entry.uid.rawValue, position: position)
        try db.execute(sql: "UPDATE OR REPLACE strategy_status SET id = ? WHERE uid = ? AND id = ?", arguments: [serverID, entry.uid.rawValue, localID])
        try settleCreate(entry, localID: localID, serverID: serverID, at: now)
    }

    /// Records the server's id of a create's local id, rewrites the writes queued on it (and
    /// shows them on the server's row), and marks the create delivered.
    private func settleCreate(_ entry: OutboxEntry, localID: String, serverID: String, at now: Date) throws {
        try db.cachedStatement(sql: "INSERT OR REPLACE INTO local_id (local_id, server_id, entry_id) VALUES (?, ?, ?)")
            .execute(arguments: [localID, serverID, entry.id])
        let queuedOnIt = try Row.fetchAll(
            db.cachedStatement(sql: "SELECT \(Self.storedColumns) FROM outbox WHERE uid = ? AND entity = ? AND state IN ('pending', 'sending') AND id <> ?"),
            arguments: [entry.uid.rawValue, entry.write.entity, entry.id]
        ).map(storedEntry(row:))
        for dependent in queuedOnIt where dependent.write.localID == localID {
            // Shown again on the server's row, with an undo that puts that row back.
            let rewritten = dependent.write.replacingLocalID(localID, with: serverID)
            let undo = try applyOptimistic(rewritten, uid: entry.uid, queuedAt: dependent.createdAt)
            try db.execute(
                sql: "UPDATE outbox SET payload_json = ?, entity = ?, undo_json = ? WHERE id = ?",
                arguments: [try StoreJSON.encode(rewritten), rewritten.entity, try StoreJSON.encode(undo), dependent.id])
        }
        try setState(.delivered, of: entry.id, result: try StoreJSON.encode(["serverID": serverID]), at: now)
    }

    /// The write failed for good (the server refused it, say): its optimistic change is
    /// rolled back. `message` says `failure` in words.
    package func markFailed(_ id: Int64, _ failure: OutboxFailure, message: String, at now: Date) throws {
        guard let entry = try storedEntry(id) else { return }
        try undo(entry.undo)
        try db.execute(
            sql: "UPDATE outbox SET state = 'failed', error_code = ?, error_message = ?, failure_json = ?, settled_at = ? WHERE id = ?",
            arguments: [failure.code, message, try StoreJSON.encode(failure), now.millisecondsSince1970, id])
    }

    /// The write will never be sent (a create past its deadline): its optimistic change is
    /// rolled back.
    package func markExpired(_ id: Int64, attempted: Bool, reason: String, at now: Date) throws {
        guard let entry = try storedEntry(id) else { return }
        try undo(entry.undo)
        try db.execute(
            sql: "UPDATE outbox SET state = 'expired', error_message = ?, failure_json = ?, settled_at = ? WHERE id = ?",
            arguments: [reason, try StoreJSON.encode(OutboxFailure.expired(attempted: attempted)), now.millisecondsSince1970, id])
    }

    /// The write could not be sent now: it waits until `next` and is tried again.
    package func markForRetry(_ id: Int64, at next: Date, reason: String) throws {
        try db.execute(
            sql: "UPDATE outbox SET state = 'pending', next_attempt_at = ?, resolve_until = NULL, error_message = ? WHERE id = ?",
            arguments: [next.millisecondsSince1970, reason, id])
    }

    /// The request may have taken effect but no answer says so: the entry stays `sending`,
    /// to be looked up from `next` on, until `resolveUntil`.
    package func markOutcomeUnknown(_ id: Int64, lookUpAt next: Date, until resolveUntil: Date, reason: String) throws {
        try db.execute(
            sql: """
                UPDATE outbox SET state = 'sending', next_attempt_at = ?, resolve_until = coalesce(resolve_until, ?), error_message = ?
                WHERE id = ?
                """, arguments: [next.millisecondsSince1970, resolveUntil.millisecondsSince1970, reason, id])
    }

    /// Deals with the entries of `uid` whose send was interrupted (a crash while sending):
    /// one that is safe to send again goes back to pending; a create has an unknown outcome
    /// and is looked up from `now` until `resolveUntil`.
    /// - Returns: how many entries were recovered.
    @discardableResult
    package func recoverInterruptedSends(uid: UserID, at now: Date, resolveUntil: Date) throws -> Int {
        let interrupted = try Row.fetchAll(
            db, sql: "SELECT \(Self.storedColumns) FROM outbox WHERE uid = ? AND state = 'sending' AND resolve_until IS NULL",
            arguments: [uid.rawValue]
        ).map(storedEntry(row:))
        for entry in interrupted {
            if entry.write.isIdempotent {
                try setState(.pending, of: entry.id)
            } else {
                try markOutcomeUnknown(entry.id, lookUpAt: now, until: resolveUntil, reason: "interrupted while sending: looking for its order")
            }
        }
        return interrupted.count
    }

    /// Shows the still-undelivered writes of `uid` again on top of what a pull just replaced,
    /// so a sync never hides a write the user made.
    package func reapplyPendingWrites(uid: UserID) throws {
        for entry in try entries(uid: uid, states: [.pending, .sending]) {
            _ = try applyOptimistic(entry.write, uid: uid, queuedAt: entry.createdAt)
        }
    }

    // MARK: - Rows

    /// An entry with the undo the public ``OutboxEntry`` does not show.
    struct StoredEntry {
        var id: Int64
        var uid: UserID
        var write: OutboxWrite
        var undo: OutboxUndo
        var createdAt: Date
    }

    private static let storedColumns = "id, payload_json, undo_json, uid, created_at"

    private func insert(_ write: OutboxWrite, uid: UserID, undo: OutboxUndo, state: OutboxState, at now: Date, result: String? = nil, deadline: Date? = nil)
        throws -> Int64
    {
        try db.cachedStatement(
            sql: """
                INSERT INTO outbox (uid, kind, entity, payload_json, undo_json, state, created_at, next_attempt_at, result_json, deadline_at, settled_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """
        ).execute(arguments: [
            uid.rawValue, write.kind, write.entity, try StoreJSON.encode(write), try StoreJSON.encode(undo), state.rawValue,
            now.millisecondsSince1970, now.millisecondsSince1970, result, deadline?.millisecondsSince1970,
            state == .pending ? nil : now.millisecondsSince1970,
        ])
        return db.lastInsertedRowID
    }

    /// Sets an entry's state; a settled one (delivered, failed, expired) records `now`, and a
    /// delivered one keeps no error of the attempts before.
    private func setState(_ state: OutboxState, of id: Int64, result: String? = nil, at now: Date? = nil) throws {
        let delivered = state == .delivered
        try db.cachedStatement(
            sql: """
                UPDATE outbox SET state = ?, result_json = coalesce(?, result_json), settled_at = coalesce(?, settled_at),
                    error_code = CASE WHEN ? THEN NULL ELSE error_code END, error_message = CASE WHEN ? THEN NULL ELSE error_message END,
                    failure_json = CASE WHEN ? THEN NULL ELSE failure_json END
                WHERE id = ?
                """
        ).execute(arguments: [state.rawValue, result, now?.millisecondsSince1970, delivered, delivered, delivered, id])
    }

    private func pendingEntry(entity: String, uid: UserID) throws -> StoredEntry? {
        try Row.fetchOne(
            db.cachedStatement(
                sql: """
                    SELECT \(Self.storedColumns) FROM outbox
                    WHERE uid = ? AND entity = ? AND state = 'pending' AND attempts = 0 ORDER BY id DESC LIMIT 1
                    """), arguments: [uid.rawValue, entity]
        ).map(storedEntry(row:))
    }

    private func storedEntry(_ id: Int64) throws -> StoredEntry? {
        try Row.fetchOne(db.cachedStatement(sql: "SELECT \(Self.storedColumns) FROM outbox WHERE id = ?"), arguments: [id]).map(storedEntry(row:))
    }

    private func entries(uid: UserID, states: [OutboxState]) throws -> [StoredEntry] {
        let placeholders = states.map { _ in "?" }.joined(separator: ", ")
        return try Row.fetchAll(
            db, sql: "SELECT \(Self.storedColumns) FROM outbox WHERE uid = ? AND state IN (\(placeholders)) ORDER BY id",
            arguments: StatementArguments([uid.rawValue] + states.map(\.rawValue))
        ).map(storedEntry(row:))
    }

    private func storedEntry(row: Row) throws -> StoredEntry {
        StoredEntry(
            id: row[0], uid: UserID(row[3] as String), write: try StoreJSON.decode(OutboxWrite.self, row[1], table: "outbox", column: "payload_json"),
            undo: try StoreJSON.decode(OutboxUndo.self, row[2], table: "outbox", column: "undo_json"),
            createdAt: Date(millisecondsSince1970: row[4]))
    }
}
