import CoinWeightAPI
import Foundation
import GRDB

extension StoreQuery {
    /// The changes committed after change `id` (0: from the oldest the feed keeps), oldest
    /// first, at most `limit` of them. The feed keeps the last 10,000: a reader that fell
    /// further behind sees the first id it gets jump past the one it asked after.
    public static func changes(after id: Int64, limit: Int = 500) -> StoreQuery<[StoreChange]> {
        StoreQuery<[StoreChange]> { db in
            try Row.fetchAll(
                db, sql: "SELECT id, at, kind, name, entry_id, state FROM change_feed WHERE id > ? ORDER BY id LIMIT ?", arguments: [id, max(limit, 0)]
            )
            .compactMap { row in
                let subject: StoreChange.Subject
                if row["kind"] == "outbox" {
                    guard let entry: Int64 = row["entry_id"], let state = OutboxState(rawValue: row["state"] ?? "") else { return nil }
                    subject = .outbox(entry: entry, kind: row["name"], state: state)
                } else {
                    subject = .resource(row["name"])
                }
                return StoreChange(id: row["id"], at: Date(millisecondsSince1970: row["at"]), subject: subject)
            }
        }
    }

    /// The id of the newest change in the feed, 0 while it is empty: where a reader that
    /// wants only what comes next starts.
    public static var lastChange: StoreQuery<Int64> {
        StoreQuery<Int64> { db in try Int64.fetchOne(db, sql: "SELECT coalesce(max(id), 0) FROM change_feed") ?? 0 }
    }
}
