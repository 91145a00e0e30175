public import CoinWeightAPI
import GRDB

extension StoreQuery {
    /// One page of orders matching `filter`, newest first (`createTime`, then id), starting
    /// after `cursor`. Keyset pagination on an index: no sort, no OFFSET scan.
    public static func orders(_ filter: OrderFilter, after cursor: OrderCursor? = nil, limit: Int = 50) -> StoreQuery<OrderPage> {
        let (sql, arguments) = OrderPageSQL(filter: filter, cursor: cursor, limit: limit).statement
        return StoreQuery<OrderPage> { db in
            var orders = try Row.fetchAll(db.cachedStatement(sql: sql), arguments: arguments).map(Order.init(row:))
            guard orders.count > limit else { return OrderPage(orders: orders, next: nil) }
            orders.removeLast()
            return OrderPage(orders: orders, next: orders.last.map(OrderCursor.init(after:)))
        }
    }

    /// Every order matching `filter`, newest first, in one read: for sets known to be small
    /// (an owner's active orders). Page a history with ``orders(_:after:limit:)``.
    public static func allOrders(_ filter: OrderFilter) -> StoreQuery<[Order]> {
        let (sql, arguments) = OrderPageSQL(filter: filter, cursor: nil, limit: nil).statement
        return StoreQuery<[Order]> { db in try Row.fetchAll(db.cachedStatement(sql: sql), arguments: arguments).map(Order.init(row:)) }
    }

    /// The orders matching `filter`, newest first, after skipping `offset` of them: a page
    /// asked for by number, as the API's `/order/inactive` pages (`pageIndex * pageSize`).
    /// The skipped rows are stepped over on the index; page through a whole history with
    /// ``orders(_:after:limit:)`` instead.
    public static func orders(_ filter: OrderFilter, offset: Int, limit: Int) -> StoreQuery<[Order]> {
        let (sql, arguments) = OrderPageSQL(filter: filter, cursor: nil, limit: limit, offset: offset).statement
        return StoreQuery<[Order]> { db in try Row.fetchAll(db.cachedStatement(sql: sql), arguments: arguments).map(Order.init(row:)) }
    }

    /// How many orders match `filter`: one count on the owner's index, no rows read out.
    public static func orderCount(_ filter: OrderFilter) -> StoreQuery<Int> {
        let (conditions, arguments) = OrderPageSQL(filter: filter, cursor: nil, limit: nil).conditions
        return StoreQuery<Int> { db in
            try Int.fetchOne(db.cachedStatement(sql: #"SELECT count(*) FROM "order" WHERE \#(conditions)"#), arguments: arguments) ?? 0
        }
    }

    /// One order by id, or `nil`.
    public static func order(id: String) -> StoreQuery<Order?> {
        StoreQuery<Order?> { db in
            try Row.fetchOne(
                db.cachedStatement(sql: #"SELECT \#(Order.columns.joined(separator: ", ")) FROM "order" WHERE street_order_id = ?"#), arguments: [id]
            )
            .map(Order.init(row:))
        }
    }
}

/// The SQL of an order page: the filter's conditions, the keyset bound, newest first (or,
/// for a stream of them all, oldest first).
struct OrderPageSQL {
    var filter: OrderFilter
    var cursor: OrderCursor?
    /// Rows of the page; one more is read to know whether another page follows. `nil`: all.
    var limit: Int?
    /// Oldest first instead; only without a cursor, whose bound is for newest first.
    var oldestFirst = false
    /// Rows skipped before the page, which then holds `limit` rows at most: a page by number,
    /// not by cursor. `nil`: read one row more than `limit`, to know whether a next page follows.
    var offset: Int?

    var statement: (String, StatementArguments) {
        var (conditions, arguments) = conditions
        arguments += [limit.map { max($0, 0) + (offset == nil ? 1 : 0) } ?? -1, max(offset ?? 0, 0)]
        let sql = """
            SELECT \(Order.columns.joined(separator: ", ")) FROM "order"
            WHERE \(conditions)
            ORDER BY \(oldestFirst ? "create_time, street_order_id" : "create_time DESC, street_order_id DESC")
            LIMIT ? OFFSET ?
            """
        return (sql, arguments)
    }

    /// The `WHERE` clause of the filter and the keyset bound, and its arguments.
    var conditions: (String, StatementArguments) {
        var conditions = ["owner = ?"]
        var arguments: StatementArguments = [filter.owner]
        if let symbol = filter.symbol {
            conditions.append("symbol = ?")
            arguments += [symbol]
        }
        if let counterParty = filter.counterParty {
            conditions.append("counter_party = ?")
            arguments += [counterParty]
        }
        if let side = filter.side {
            conditions.append("side = ?")
            arguments += [side.rawValue]
        }
        if let types = filter.executionTypes {
            let raw = types.map(\.rawValue).sorted()
            conditions.append("execution_type IN (\(Array(repeating: "?", count: raw.count).joined(separator: ", ")))")
            arguments += StatementArguments(raw)
        }
        if let range = filter.createdIn {
            conditions.append("create_time BETWEEN ? AND ?")
            arguments += [range.lowerBound, range.upperBound]
        }
        if let cursor {
            conditions.append("(create_time, street_order_id) < (?, ?)")
            arguments += [cursor.createTime, cursor.streetOrderId]
        }
        return (conditions.joined(separator: " AND "), arguments)
    }
}
