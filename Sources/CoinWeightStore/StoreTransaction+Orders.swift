package import CoinWeightAPI
package import Foundation
import GRDB
import GRDBSQLite

extension StoreTransaction {
    /// Inserts or updates `orders` by `streetOrderId` with one prepared statement.
    ///
    /// An order never goes back to an older state: a row whose stored `processedTime` is
    /// newer than the incoming one is left as it is (a lagging read cannot undo a fill).
    /// - Returns: how many rows were inserted or changed.
    @discardableResult
    package func upsertOrders(_ orders: some Sequence<Order>) throws -> Int {
        let statement = try db.cachedStatement(sql: Self.upsertOrderSQL)
        // GRDB runs the statement (its checks and bookkeeping) with whatever is bound: each
        // order binds its own values through the C API in between, after a reset.
        statement.setUncheckedArguments(StatementArguments(Array(repeating: nil as String?, count: Order.columns.count)))
        try tableWillChange("order")
        var changed = 0
        for order in orders {
            sqlite3_reset(statement.sqliteStatement)
            let code = order.bind(to: statement.sqliteStatement)
            guard code == SQLITE_OK else {
                throw DatabaseError(resultCode: ResultCode(rawValue: code), message: db.lastErrorMessage, sql: statement.sql)
            }
            try statement.execute()
            changed += db.changesCount
        }
        if changed > 0 { changedTable("order") }
        return changed
    }

    /// Inserts an order, or updates it unless the stored one was processed later or is the
    /// same (then the row is not rewritten, and counts as no change).
    private static let upsertOrderSQL: String = {
        let columns = Order.columns
        let updates = columns.dropFirst().map { "\($0) = excluded.\($0)" }.joined(separator: ", ")
        let differs = columns.dropFirst().map { #""order".\#($0) IS NOT excluded.\#($0)"# }.joined(separator: " OR ")
        return """
            INSERT INTO "order" (\(columns.joined(separator: ", "))) VALUES (\(Array(repeating: "?", count: columns.count).joined(separator: ", ")))
            ON CONFLICT (street_order_id) DO UPDATE SET \(updates), unlisted_since = NULL
            WHERE excluded.processed_time >= "order".processed_time AND (\(differs) OR "order".unlisted_since IS NOT NULL)
            """
    }()

    /// Marks active orders the server lists nowhere any more (neither active nor in the
    /// history over their own `createTime`), from `now` on unless marked already. The server's
    /// row, once it lists the order again, clears the mark.
    package func markUnlisted(ids: some Collection<String>, at now: Date) throws {
        let statement = try db.cachedStatement(sql: #"UPDATE "order" SET unlisted_since = ? WHERE street_order_id = ? AND unlisted_since IS NULL"#)
        try tableWillChange("order")
        var marked = 0
        for id in ids {
            try statement.execute(arguments: [now.millisecondsSince1970, id])
            marked += db.changesCount
        }
        if marked > 0 { changedTable("order") }
    }

    /// Deletes orders by id (orders the server no longer has).
    /// - Returns: how many rows were deleted.
    @discardableResult
    package func deleteOrders(ids: some Collection<String>) throws -> Int {
        let statement = try db.cachedStatement(sql: #"DELETE FROM "order" WHERE street_order_id = ?"#)
        try tableWillChange("order")
        var deleted = 0
        for id in ids {
            try statement.execute(arguments: [id])
            deleted += db.changesCount
        }
        if deleted > 0 { changedTable("order") }
        return deleted
    }
}
