import CoinWeightAPI
import Foundation
import GRDB

/// A write transaction of a ``CoinWeightStore``: what ``CoinWeightStore/write(_:)`` hands its body.
///
/// Each method replaces or upserts one resource; several in one transaction commit together
/// (a page of orders with the sync cursor that follows it, say).
package struct StoreTransaction {
    let db: Database
    /// The mirrored resources this transaction changed so far: each becomes one row of the
    /// change feed when the body ends (``StoreQuery/changes(after:limit:)``).
    private let changed = ChangedResources()

    /// Runs `body` in the open transaction of `db`, then records in the change feed what it changed.
    static func run<T>(in db: Database, _ body: (StoreTransaction) throws -> T) throws -> T {
        let transaction = StoreTransaction(db: db)
        let result = try body(transaction)
        try transaction.recordChanges()
        return result
    }

    /// The result of `query` inside this transaction: what it holds so far, this
    /// transaction's own writes included.
    package func fetch<Value>(_ query: StoreQuery<Value>) throws -> Value { try query.fetch(db) }

    /// Deletes the rows `scope` selects from `table`, then inserts `rows` (values in `columns` order).
    /// The change feed hears of it only when the rows differ from those replaced.
    func replaceRows(in table: String, where scope: String, _ scopeArguments: StatementArguments, columns: [String], rows: [StatementArguments]) throws {
        // The rows in one text, in a fixed order: equal before and after when nothing changed.
        let fingerprint = """
            SELECT group_concat(line, char(30)) FROM (
                SELECT \(columns.map { "quote(\($0))" }.joined(separator: " || char(31) || ")) AS line FROM \(table) WHERE \(scope) ORDER BY line)
            """
        let tracked = ChangedResources.tracks(table) && !columns.isEmpty
        let before = tracked ? try String.fetchOne(db, sql: fingerprint, arguments: scopeArguments) : nil
        try db.execute(sql: "DELETE FROM \(table) WHERE \(scope)", arguments: scopeArguments)
        try tableWillChange(table)
        if !rows.isEmpty {
            let placeholders = Array(repeating: "?", count: columns.count).joined(separator: ", ")
            let insert = try db.cachedStatement(sql: "INSERT INTO \(table) (\(columns.joined(separator: ", "))) VALUES (\(placeholders))")
            for row in rows {
                try insert.execute(arguments: row)
            }
        }
        if tracked, try String.fetchOne(db, sql: fingerprint, arguments: scopeArguments) != before { changed.insert(table: table) }
    }

    /// Tells observations that `table` changed. SQLite reports no row changes of `WITHOUT
    /// ROWID` tables, which most of the store's are, so every write to one names its table;
    /// GRDB sees the changes of the others (`outbox`) by itself.
    ///
    /// It also records the change of `table`'s resource for the change feed; a write that
    /// may have changed nothing calls ``changedTable(_:)`` itself, once it knows.
    func notifyChanges(in table: String) throws {
        try tableWillChange(table)
        changed.insert(table: table)
    }

    /// Tells observations that `table` may change, once per table and transaction: GRDB
    /// works out the region each time it is told, and the observations hear of a
    /// transaction's changes only when it commits.
    func tableWillChange(_ table: String) throws {
        guard changed.firstNotice(of: table) else { return }
        try db.notifyChanges(in: Table(table))
    }

    /// Records, for the change feed, that `table` changed.
    func changedTable(_ table: String) { changed.insert(table: table) }

    /// One change-feed row per resource changed, then the feed cut to its last 10,000 rows.
    private func recordChanges() throws {
        let resources = changed.resources
        guard !resources.isEmpty else { return }
        let now = Date().millisecondsSince1970
        let insert = try db.cachedStatement(sql: "INSERT INTO change_feed (at, kind, name) VALUES (?, 'resource', ?)")
        for resource in resources.sorted() {
            try insert.execute(arguments: [now, resource])
        }
        try db.cachedStatement(sql: "DELETE FROM change_feed WHERE id <= (SELECT max(id) - 10000 FROM change_feed)").execute()
    }
}

/// The mirrored resources a transaction changed, by the names the change feed gives them.
final class ChangedResources {
    private(set) var resources = Set<String>()
    /// The tables observations were told of.
    private var noticed = Set<String>()

    /// The resource `table` holds, for the tables of mirrored resources.
    private static let resourceOfTable = [
        "symbol": "symbols", "market_item": "markets", "favorite": "favorites", "layout_slot": "layouts", "strategy_template": "strategyTemplates",
        "strategy_item": "strategies", "strategy_status": "strategies", "secret": "secrets", "user_info": "userInfo", "position": "positions",
        "order": "orders",
    ]

    /// Whether `table` holds a mirrored resource.
    static func tracks(_ table: String) -> Bool { resourceOfTable[table] != nil }

    func insert(table: String) {
        if let resource = Self.resourceOfTable[table] { resources.insert(resource) }
    }

    /// Whether this is the first notice of a change of `table`.
    func firstNotice(of table: String) -> Bool { noticed.insert(table).inserted }
}
