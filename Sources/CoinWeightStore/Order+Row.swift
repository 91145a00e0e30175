import CoinWeightAPI
import GRDB

extension Order {
    /// The columns of `"order"` in the order ``init(row:)`` and ``databaseValues`` use.
    static let columns = [
        "street_order_id", "owner", "counter_party", "symbol", "side", "order_type", "execution_type",
        "price", "quantity", "filled_price", "filled_quantity", "create_time", "processed_time",
    ]

    /// The order's values in ``columns`` order.
    var databaseValues: StatementArguments {
        [
            streetOrderId, owner, counterParty, symbol, side.rawValue, orderType.rawValue, executionType.rawValue,
            price.text, quantity.text, filledPrice.text, filledQuantity.text, createTime, processedTime,
        ]
    }

    /// Reads a row selected with ``columns``.
    init(row: Row) throws {
        func decimal(_ index: Int) throws -> ExactDecimal { try exactDecimal(row[index], "order", Order.columns[index]) }
        self.init(
            streetOrderId: row[0], orderType: OrderType(rawValue: row[5]), symbol: row[3], side: Side(rawValue: row[4]),
            owner: row[1], counterParty: row[2], price: try decimal(7), quantity: try decimal(8),
            filledPrice: try decimal(9), filledQuantity: try decimal(10), executionType: ExecutionType(rawValue: row[6]),
            createTime: row[11], processedTime: row[12])
    }
}
