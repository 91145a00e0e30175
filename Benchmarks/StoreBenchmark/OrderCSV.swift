import CoinWeightAPI
import Foundation

/// Orders as the CSV file the `sqlite3` CLI imports: a header line, then one line per order
/// with the columns in the order of the `"order"` table.
enum OrderCSV {
    /// The columns of `"order"`, in table order.
    static let columns = [
        "street_order_id", "owner", "counter_party", "symbol", "side", "order_type", "execution_type",
        "price", "quantity", "filled_price", "filled_quantity", "create_time", "processed_time",
    ]

    /// Writes `orders` to `file`, replacing it, one mebibyte at a time.
    static func write(_ orders: [Order], to file: URL) throws {
        guard FileManager.default.createFile(atPath: file.path, contents: nil) else {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: file.path])
        }
        let handle = try FileHandle(forWritingTo: file)
        defer { try? handle.close() }
        var chunk = columns.joined(separator: ",") + "\n"
        for order in orders {
            chunk += fields(of: order).map(quoted).joined(separator: ",") + "\n"
            if chunk.utf8.count >= 1 << 20 {
                try handle.write(contentsOf: Data(chunk.utf8))
                chunk = ""
            }
        }
        try handle.write(contentsOf: Data(chunk.utf8))
    }

    /// The values of `order` in ``columns`` order, as the store writes them (decimals as text).
    private static func fields(of order: Order) -> [String] {
        [
            order.streetOrderId, order.owner, order.counterParty, order.symbol, order.side.rawValue,
            order.orderType.rawValue, order.executionType.rawValue, order.price.text, order.quantity.text,
            order.filledPrice.text, order.filledQuantity.text, String(order.createTime), String(order.processedTime),
        ]
    }

    /// `field` in double quotes (its quotes doubled) when it holds a comma, quote or line break.
    private static func quoted(_ field: String) -> String {
        guard field.contains(where: { $0 == "," || $0 == "\"" || $0.isNewline }) else { return field }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
