import CoinWeightAPI
import CoinWeightStore
import Foundation

/// The synced orders as the CSV file the `sqlite3` CLI imports: the rows the store holds,
/// read back through its public API, a header line first, columns in `"order"` table order.
enum OrderCSV {
    /// The header line: the columns of `"order"` in `schema/0001_initial.sql` order.
    static let header = "street_order_id,owner,counter_party,symbol,side,order_type,execution_type,"
        + "price,quantity,filled_price,filled_quantity,create_time,processed_time\n"

    /// The orders per store read: the page size of the sync.
    static let pageSize = 1_000

    /// Reads every order of `owner` from `store`, newest first, ``pageSize`` at a time with the
    /// keyset cursor (so memory stays one page deep), and writes them to `file`, replacing it.
    /// The store's public API has no `count(*)`: this walk is also the count of the synced rows.
    /// - Returns: how many orders were written.
    static func export(owner: String, from store: CoinWeightStore, to file: URL) async throws -> Int {
        guard FileManager.default.createFile(atPath: file.path, contents: Data(header.utf8)) else {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: file.path])
        }
        let handle = try FileHandle(forWritingTo: file)
        defer { try? handle.close() }
        try handle.seekToEnd()
        var written = 0
        var cursor: OrderCursor?
        repeat {
            let page = try await store.read(.orders(OrderFilter(owner: owner), after: cursor, limit: pageSize))
            let lines = page.orders.map(line).joined()
            try handle.write(contentsOf: Data(lines.utf8))
            written += page.orders.count
            cursor = page.next
        } while cursor != nil
        return written
    }

    /// One CSV line of `order`, decimals as the server's text.
    private static func line(_ order: Order) -> String {
        let fields = [
            order.streetOrderId, order.owner, order.counterParty, order.symbol, order.side.rawValue, order.orderType.rawValue,
            order.executionType.rawValue, order.price.text, order.quantity.text, order.filledPrice.text,
            order.filledQuantity.text, String(order.createTime), String(order.processedTime),
        ]
        return fields.map(escaped).joined(separator: ",") + "\n"
    }

    /// `field` as is, or quoted (quotes doubled) when it holds a comma, a quote or a line break.
    private static func escaped(_ field: String) -> String {
        guard field.contains(where: { $0 == "," || $0 == "\"" || $0.isNewline }) else { return field }
        return "\"\(field.replacingOccurrences(of: "\"", with: "\"\""))\""
    }
}
