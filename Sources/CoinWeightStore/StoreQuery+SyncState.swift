import CoinWeightAPI
import Foundation
import GRDB

extension StoreQuery {
    /// Every resource's sync state, by name.
    public static var syncStates: StoreQuery<[SyncState]> {
        StoreQuery<[SyncState]> { db in
            try Row.fetchAll(db, sql: "SELECT resource, last_attempt_at, last_success_at, last_error, cursor FROM sync_state ORDER BY resource")
                .map(SyncState.init(row:))
        }
    }

    /// One resource's sync state, `nil` before its first attempt.
    public static func syncState(_ resource: String) -> StoreQuery<SyncState?> {
        StoreQuery<SyncState?> { db in
            try Row.fetchOne(
                db, sql: "SELECT resource, last_attempt_at, last_success_at, last_error, cursor FROM sync_state WHERE resource = ?", arguments: [resource]
            )
            .map(SyncState.init(row:))
        }
    }
}

extension SyncState {
    init(row: Row) {
        self.init(
            resource: row[0], lastAttemptAt: (row[1] as Int64?).map(Date.init(millisecondsSince1970:)),
            lastSuccessAt: (row[2] as Int64?).map(Date.init(millisecondsSince1970:)), lastError: row[3], cursor: row[4])
    }
}
