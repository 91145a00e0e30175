public import CoinWeightAPI
import GRDB

/// The store's side of a mirror's state: every resource's sync bookkeeping and how many
/// outbox entries of the account are in each state. Observed, it changes with each commit
/// that changes either.
public struct StoreStatus: Hashable, Sendable {
    /// Each sync-state key's bookkeeping (a resource, or a resource of one owner), by key.
    public var syncStates: [SyncState]
    /// The account's outbox entries by state; a state with none is absent.
    public var outbox: [OutboxState: Int]

    /// A status of the given parts.
    public init(syncStates: [SyncState] = [], outbox: [OutboxState: Int] = [:]) {
        self.syncStates = syncStates
        self.outbox = outbox
    }
}

extension StoreQuery {
    /// The sync states and the outbox counts of `uid` (all accounts when `nil`).
    public static func status(uid: UserID?) -> StoreQuery<StoreStatus> {
        StoreQuery<StoreStatus> { db in
            let states = try StoreQuery<[SyncState]>.syncStates.fetch(db)
            var counts: [OutboxState: Int] = [:]
            let rows = try Row.fetchAll(
                db, sql: "SELECT state, count(*) FROM outbox WHERE ? IS NULL OR uid = ? GROUP BY state",
                arguments: [uid?.rawValue, uid?.rawValue])
            for row in rows {
                if let state = OutboxState(rawValue: row[0]) { counts[state] = row[1] }
            }
            return StoreStatus(syncStates: states, outbox: counts)
        }
    }
}
