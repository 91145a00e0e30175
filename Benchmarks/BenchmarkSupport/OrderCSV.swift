import CoinWeightAPI
import CoinWeightStore
import Foundation

/// Orders as the CSV file the `sqlite3` CLI imports: a header line, then one line per order
/// with the columns in the order of the `"order"` table.
public enum OrderCSV {
    /// The columns of `"order"`, in `schema/0001_initial.sql` order.
    public static let columns = [
        "street_order_id", "owner", "counter_party", "symbol", "side", "order_type", "execution_type",
        "price", "quantity", "filled_price", "filled_quantity", "create_time", "processed_time",
    ]

    /// The orders per store read of ``export(owner:from:to:)``: the page size of the sync.
    public static let pageSize = 1_000

    /// Writes `orders` to `file`, replacing it, one mebibyte at a time.
    public static func write(_ orders: [Order], to file: URL) throws {
        let handle = try create(file)
        defer { try? handle.close() }
        var chunk = ""
        for order in orders {
            chunk += line(order)
            if chunk.utf8.count >= 1 << 20 {
                try handle.write(contentsOf: Data(chunk.utf8))
                chunk = ""
            }
        }
        try handle.write(contentsOf: Data(chunk.utf8))
    }

    /// Reads every order of `owner` from `store`, newest first, ``pageSize`` at a time with the
    /// keyset cursor (so memory stays one page deep), and writes them to `file`, replacing it.
    /// The store's public API has no `count(*)`: this walk is also the count of its rows.
    /// - Returns: how many orders were written.
    public static func export(owner: String, from store: CoinWeightStore, to file: URL) async throws -> Int {
        let handle = try create(file)
        defer { try? handle.close() }
        var written = 0
        var cursor: OrderCursor?
        repeat {
            let page = try await store.read(.orders(OrderFilter(owner: owner), after: cursor, limit: pageSize))
            try handle.write(contentsOf: Data(page.orders.map(line).joined().utf8))
            written += page.orders.count
            cursor = page.next
        } while cursor != nil
        return written
    }

    /// Creates `file`, replacing it, with the header line, and opens it at its end.
    private static func create(_ file: URL) throws -> FileHandle {
        guard FileManager.default.createFile(atPath: file.path, contents: Data((columns.joined(separator: ",") + "\n").utf8)) else {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: file.path])
        }
        let handle = try FileHandle(forWritingTo: file)
        try handle.seekToEnd()
        return handle
    }

    /// One CSV line of `order`, in ``columns`` order, as the store writes it (decimals as text).
    private static func line(_ order: Order) -> String {
        let fields = [
            order.streetOrderId, order.owner, order.counterParty, order.symbol, order.side.rawValue, order.orderType.rawValue,
            order.executionType.rawValue, order.price.text, order.quantity.text, order.filledPrice.text,
            order.filledQuantity.text, String(order.createTime), String(order.processedTime),
        ]
        return fields.map(escaped).joined(separator: ",") + "\n"
    }

    /// `field` as is, or in double quotes (its quotes doubled) when it holds a comma, a quote or a line break.
    private static func escaped(_ field: String) -> String {
        guard field.contains(where: { $0 == "," || $0 == "\"" || $0.isNewline }) else { return field }
        return "\"\(field.replacingOccurrences(of: "\"", with: "\"\""))\""
    }
}
