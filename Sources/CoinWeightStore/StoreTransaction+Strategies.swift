package import CoinWeightAPI
import GRDB

/// Strategy templates, a user's strategy items and their run status.
extension StoreTransaction {
    /// Replaces the strategy types and their default parameters
    /// (`/config/strategy/default/items`), in the server's order.
    package func replaceStrategyTemplates(_ templates: [StrategyTemplate]) throws {
        let rows = try templates.enumerated().map { index, template -> StatementArguments in
            [template.name, index, try StoreJSON.encode(template.defaultItem)]
        }
        try replaceRows(in: "strategy_template", where: "1", [], columns: ["name", "position", "item_json"], rows: rows)
    }

    /// Replaces the user's items. Items without an id (not created on the server yet) are
    /// not the server's and are refused.
    package func replaceStrategyItems(_ items: [StrategyItem], uid: UserID) throws {
        let rows = try items.enumerated().map { index, item -> StatementArguments in
            guard let id = item.id else { throw StoreError.corruptValue(table: "strategy_item", column: "id", value: item.name) }
            return [
                uid.rawValue, id, index, item.name, item.exchange, item.owner, item.strategyType,
                try StoreJSON.encode(item.symbols), try StoreJSON.encode(item.extraFields),
            ]
        }
        try replaceRows(
            in: "strategy_item", where: "uid = ?", [uid.rawValue],
            columns: [
                "uid", "id", "position", "name", "exchange", "owner", "strategy_type", "symbols_json", "extra_json",
            ], rows: rows)
    }

    /// Replaces the run state of each strategy of `uid` (`/strategy/status/{uid}`).
    package func replaceStrategyStatuses(_ statuses: [StrategyStatus], uid: UserID) throws {
        let rows = statuses.map { status -> StatementArguments in [uid.rawValue, status.id, status.status.rawValue] }
        try replaceRows(in: "strategy_status", where: "uid = ?", [uid.rawValue], columns: ["uid", "id", "status"], rows: rows)
    }
}
