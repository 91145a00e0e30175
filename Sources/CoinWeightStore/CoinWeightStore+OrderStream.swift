public import CoinWeightAPI
import GRDB

extension CoinWeightStore {
    /// Hands every order `filter` matches to `body`, oldest first (by `createTime`, then id),
    /// each with the write the server has not confirmed yet, one at a time as SQLite reads
    /// them: the orders are never all in memory at once. It is one read transaction, so the
    /// orders are one consistent snapshot however long `body` takes; writes go on meanwhile.
    ///
    /// ```swift
    /// try await store.forEachOrder(OrderFilter(owner: "2")) { order in
    ///     try writer.append(order.value)
    /// }
    /// ```
    /// - Throws: what `body` throws, which ends the read; or ``StoreError`` for a row that
    ///   cannot be read.
    public func forEachOrder(_ filter: OrderFilter, _ body: @escaping @Sendable (Mirrored<Order>) throws -> Void) async throws {
        let (sql, arguments) = OrderPageSQL(filter: filter, cursor: nil, limit: nil, oldestFirst: true).statement
        try await pool.read { db in
            let pending = try PendingWrites.fetch(db, uid: nil, orders: true)
            let rows = try Row.fetchCursor(db.cachedStatement(sql: sql), arguments: arguments)
            while let row = try rows.next() { try body(pending.mirrored(try Order(row: row))) }
        }
    }
}
