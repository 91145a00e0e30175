import GRDB

/// A write transaction of a ``CoinWeightStore``: what ``CoinWeightStore/write(_:)`` hands its body.
///
/// Each method replaces or upserts one resource; several in one transaction commit together
/// (a page of orders with the sync cursor that follows it, say).
package struct StoreTransaction {
    let db: Database

    /// The result of `query` inside this transaction: what it holds so far, this
    /// transaction's own writes included.
    package func fetch<Value>(_ query: StoreQuery<Value>) throws -> Value { try query.fetch(db) }

    /// Deletes the rows `scope` selects from `table`, then inserts `rows` (values in `columns` order).
    func replaceRows(in table: String, where scope: String, _ scopeArguments: StatementArguments, columns: [String], rows: [StatementArguments]) throws {
        try db.execute(sql: "DELETE FROM \(table) WHERE \(scope)", arguments: scopeArguments)
        try notifyChanges(in: table)
        guard !rows.isEmpty else { return }
        let placeholders = Array(repeating: "?", count: columns.count).joined(separator: ", ")
        let insert = try db.cachedStatement(sql: "INSERT INTO \(table) (\(columns.joined(separator: ", "))) VALUES (\(placeholders))")
        for row in rows {
            try insert.execute(arguments: row)
        }
    }

    /// Tells observations that `table` changed. SQLite reports no row changes of `WITHOUT
    /// ROWID` tables, which most of the store's are, so every write to one names its table;
    /// GRDB sees the changes of the others (`outbox`) by itself.
    func notifyChanges(in table: String) throws {
        try db.notifyChanges(in: Table(table))
    }
}
