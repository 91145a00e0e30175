public import CoinWeightAPI
import GRDB

extension StoreQuery {
    /// Every strategy type with its default parameters, in the server's order.
    public static var strategyTemplates: StoreQuery<[StrategyTemplate]> {
        StoreQuery<[StrategyTemplate]> { db in
            try Row.fetchAll(db, sql: "SELECT name, item_json FROM strategy_template ORDER BY position").map { row in
                StrategyTemplate(name: row[0], defaultItem: try StoreJSON.decode(StrategyItem.self, row[1], table: "strategy_template", column: "item_json"))
            }
        }
    }

    /// The user's strategy items, every field kept, in the server's order.
    public static func strategyItems(uid: UserID) -> StoreQuery<[StrategyItem]> {
        StoreQuery<[StrategyItem]> { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT id, name, exchange, owner, strategy_type, symbols_json, extra_json FROM strategy_item
                    WHERE uid = ? ORDER BY position
                    """, arguments: [uid.rawValue]
            ).map { row in
                StrategyItem(
                    id: row[0], name: row[1], exchange: row[2], owner: row[3], strategyType: row[4],
                    symbols: try StoreJSON.decode([StrategySymbol].self, row[5], table: "strategy_item", column: "symbols_json"),
                    extraFields: try StoreJSON.decode([String: JSONValue].self, row[6], table: "strategy_item", column: "extra_json"))
            }
        }
    }

    /// The run state of each of the user's strategies, by id.
    public static func strategyStatuses(uid: UserID) -> StoreQuery<[StrategyStatus]> {
        StoreQuery<[StrategyStatus]> { db in
            try Row.fetchAll(db, sql: "SELECT id, status FROM strategy_status WHERE uid = ? ORDER BY id", arguments: [uid.rawValue])
                .map { StrategyStatus(id: $0[0], status: StrategyRunState(rawValue: $0[1])) }
        }
    }
}
