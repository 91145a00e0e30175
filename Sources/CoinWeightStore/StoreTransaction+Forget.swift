package import CoinWeightAPI
import Foundation
import GRDB

extension StoreTransaction {
    /// Removes everything the store holds of user `uid`: its mirrored rows (favorites, its own
    /// markets and layouts, strategies, user info, positions, secrets' metadata, the orders of
    /// its own account and of its strategies' owners), their sync cursors, its outbox entries
    /// and local ids, a refusal of its token, and the store's binding to it. What every user
    /// shares (the symbols config, the defaults) stays.
    package func forgetAccount(uid: UserID) throws {
        let strategyOwners = try String.fetchAll(
            db, sql: "SELECT DISTINCT owner FROM strategy_item WHERE uid = ? AND owner IS NOT NULL", arguments: [uid.rawValue])
        let owners = Array(Set([uid.ownAccount] + strategyOwners))
        let marks = databaseQuestionMarks(count: owners.count)
        let ownerArguments = StatementArguments(owners)
        try db.execute(sql: "DELETE FROM local_id WHERE entry_id IN (SELECT id FROM outbox WHERE uid = ?)", arguments: [uid.rawValue])
        for table in ["favorite", "strategy_item", "strategy_status", "user_info", "position", "outbox", "token_refusal", "store_identity"] {
            try db.execute(sql: "DELETE FROM \(table) WHERE uid = ?", arguments: [uid.rawValue])
        }
        for table in ["market_item", "layout_slot"] {
            try db.execute(sql: "DELETE FROM \(table) WHERE scope = ?", arguments: [ResourceScope.user(uid).key])
        }
        try db.execute(sql: "DELETE FROM secret WHERE owner IN (\(marks))", arguments: ownerArguments)
        try db.execute(sql: "DELETE FROM \"order\" WHERE owner IN (\(marks))", arguments: ownerArguments)
        for key in Set([uid.rawValue] + owners) {
            try db.execute(sql: "DELETE FROM sync_state WHERE resource LIKE '%:' || ?", arguments: [key])
        }
        for table in ["favorite", "strategy_item", "strategy_status", "user_info", "position", "outbox", "market_item", "layout_slot", "secret", "order"] {
            try notifyChanges(in: table)
        }
    }
}

extension StoreTransaction {
    /// Starts the mirror over without losing a write: drops every mirrored row and every sync
    /// cursor, keeps the outbox (the writes not yet delivered are shown again at once, and
    /// again after each pull), the store's binding and what is known of refused tokens.
    package func resetMirror() throws {
        for table in MirroredTable.names + ["sync_state"] {
            try db.execute(sql: "DELETE FROM \"\(table)\"")
            try notifyChanges(in: table)
        }
        for uid in try String.fetchAll(db, sql: "SELECT DISTINCT uid FROM outbox WHERE state IN ('pending', 'sending')") {
            try reapplyPendingWrites(uid: UserID(uid))
        }
    }

    /// Forgets where each order-history walk stands, its high-water mark included: the next
    /// sync reads the whole history again, back to the horizon.
    package func resetHistoryCursors() throws {
        try db.execute(sql: "DELETE FROM sync_state WHERE resource LIKE 'orderHistory:%'")
        try notifyChanges(in: "sync_state")
    }
}
