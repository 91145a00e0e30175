import ArgumentParser
import CoinWeightAPI
import CoinWeightStore
import Foundation

/// `cwsync export orders --format`: how each order becomes text.
enum OrderExportFormat: String, CaseIterable, ExpressibleByArgument {
    /// One row per order: the API's order fields, amounts as the server wrote them, times as
    /// ISO-8601 in UTC with milliseconds, and the write the server has not confirmed yet.
    case csv
    /// One line per order: the order as the API sends it, with `"pending"` as `cwsync orders --json` prints it.
    case jsonl
    /// One row per order with a filled part: what was bought or sold, at what price, for how
    /// much of the quote currency, for a spreadsheet or a tax tool.
    case trades

    /// The CSV header, or `nil` for JSON lines.
    var header: [String]? {
        switch self {
        case .csv:
            [
                "streetOrderId", "orderType", "symbol", "side", "owner", "counterParty", "price", "quantity", "filledPrice",
                "filledQuantity", "executionType", "createTime", "processedTime", "pending",
            ]
        case .jsonl: nil
        case .trades:
            ["date", "type", "symbol", "base", "quote", "quantity", "price", "total", "exchange", "orderId", "created", "state"]
        }
    }

    /// The text of `order`, newline included: nothing for a trade without a filled part.
    func line(_ order: Mirrored<Order>) throws -> String? {
        let value = order.value
        switch self {
        case .csv:
            let pending = order.pending?.said ?? ""
            return CSV.line([
                value.streetOrderId, value.orderType.rawValue, value.symbol, value.side.rawValue, value.owner, value.counterParty,
                value.price.text, value.quantity.text, value.filledPrice.text, value.filledQuantity.text, value.executionType.rawValue,
                TimeBound.text(value.createTime), TimeBound.text(value.processedTime), pending,
            ])
        case .jsonl:
            return try JSONLine.text(order) + "\n"
        case .trades:
            guard value.filledQuantity.value > 0 else { return nil }
            let currencies = value.symbol.split(separator: "-", maxSplits: 1).map(String.init)
            let total = value.filledQuantity.multiplied(by: value.filledPrice).text
            return CSV.line([
                TimeBound.text(value.processedTime), value.side == .bid ? "buy" : "sell", value.symbol, currencies.first ?? value.symbol,
                currencies.count == 2 ? currencies[1] : "", value.filledQuantity.text, value.filledPrice.text, total, value.counterParty,
                value.streetOrderId, TimeBound.text(value.createTime), value.executionType.rawValue,
            ])
        }
    }
}

/// RFC 4180 lines: a field with a comma, a quote or a line break is quoted, its quotes doubled.
enum CSV {
    static func line(_ fields: [String]) -> String {
        fields.map(field).joined(separator: ",") + "\r\n"
    }

    static func field(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == 10 || $0 == 13 }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
