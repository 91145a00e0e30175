import CoinWeightAPI
import GRDB
import GRDBSQLite

extension Order {
    /// The columns of `"order"` in the order ``init(row:)`` and ``bind(to:)`` use.
    static let columns = [
        "street_order_id", "owner", "counter_party", "symbol", "side", "order_type", "execution_type",
        "price", "quantity", "filled_price", "filled_quantity", "create_time", "processed_time",
    ]

    /// Binds the order's values, in ``columns`` order, to the parameters 1 to 13 of
    /// `statement`, straight through SQLite's C API: building GRDB's `StatementArguments` for
    /// every row cost a first sync a fifth of its CPU. Each text is copied by SQLite.
    /// - Returns: SQLite's result code, `SQLITE_OK` once every value is bound.
    func bind(to statement: SQLiteStatement) -> CInt {
        let texts = [
            streetOrderId, owner, counterParty, symbol, side.rawValue, orderType.rawValue, executionType.rawValue,
            price.text, quantity.text, filledPrice.text, filledQuantity.text,
        ]
        for (index, text) in zip(CInt(1)..., texts) {
            let code = Self.bind(text, at: index, to: statement)
            guard code == SQLITE_OK else { return code }
        }
        let code = sqlite3_bind_int64(statement, 12, createTime)
        return code == SQLITE_OK ? sqlite3_bind_int64(statement, 13, processedTime) : code
    }

    private static func bind(_ text: String, at index: CInt, to statement: SQLiteStatement) -> CInt {
        var text = text
        return text.withUTF8 { bytes in
            bytes.withMemoryRebound(to: CChar.self) { chars in
                // An empty text has no address, and a null one would bind NULL.
                guard let start = chars.baseAddress else { return sqlite3_bind_text(statement, index, "", 0, transient) }
                return sqlite3_bind_text64(statement, index, start, sqlite3_uint64(chars.count), transient, UInt8(SQLITE_UTF8))
            }
        }
    }

    /// `SQLITE_TRANSIENT`, which Swift does not import: SQLite copies the value before the call returns.
    private static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

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
