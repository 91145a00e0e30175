package import CoinWeightAPI
import GRDB

/// The optimistic view of strategy writes: items and run states changed at once, with undos.
extension StoreTransaction {
    /// Puts `item` (or nothing) where the item `id` of `uid` is, keeping its place in the list
    /// (a new one goes last), and returns how to undo it.
    func replaceStrategyItem(id: String, with item: StrategyItem?, uid: UserID, onlyIfAbsent: Bool = false) throws -> OutboxUndo {
        let previous = try strategyItem(id: id, uid: uid)
        let undo = OutboxUndo.strategyItem(uid: uid.rawValue, id: id, previous: previous?.item, position: previous?.position)
        if onlyIfAbsent && previous != nil { return undo }
        try writeStrategyItem(item, id: id, uid: uid.rawValue, position: previous?.position)
        return undo
    }

    /// Sets the run state of strategy `id` of `uid`, and returns how to undo it.
    func setStrategyStatus(_ status: StrategyRunState, id: String, uid: UserID) throws -> OutboxUndo {
        let previous = try String.fetchOne(db, sql: "SELECT status FROM strategy_status WHERE uid = ? AND id = ?", arguments: [uid.rawValue, id])
        try writeStrategyStatus(status, id: id, uid: uid.rawValue)
        return .strategyStatus(uid: uid.rawValue, id: id, previous: previous.map(StrategyRunState.init(rawValue:)))
    }

    /// Writes item `id` of `uid` at `position` (last when `nil`), or removes it when `item` is `nil`.
    func writeStrategyItem(_ item: StrategyItem?, id: String, uid: String, position: Int?) throws {
        try db.execute(sql: "DELETE FROM strategy_item WHERE uid = ? AND id = ?", arguments: [uid, id])
        if let item {
            let place = try position ?? (Int.fetchOne(db, sql: "SELECT max(position) + 1 FROM strategy_item WHERE uid = ?", arguments: [uid]) ?? 0)
            try db.execute(
                sql: """
                    INSERT INTO strategy_item (uid, id, position, name, exchange, owner, strategy_type, symbols_json, extra_json)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    uid, item.id ?? id, place, item.name, item.exchange, item.owner, item.strategyType,
                    try StoreJSON.encode(item.symbols), try StoreJSON.encode(item.extraFields),
                ])
        }
        try notifyChanges(in: "strategy_item")
    }

    /// Writes the run state of strategy `id` of `uid`, or removes it when `nil`.
    func writeStrategyStatus(_ status: StrategyRunState?, id: String, uid: String) throws {
        try db.execute(sql: "DELETE FROM strategy_status WHERE uid = ? AND id = ?", arguments: [uid, id])
        if let status {
            try db.execute(sql: "INSERT INTO strategy_status (uid, id, status) VALUES (?, ?, ?)", arguments: [uid, id, status.rawValue])
        }
        try notifyChanges(in: "strategy_status")
    }

    /// Item `id` of `uid` and its place in the list, if the store has it.
    func strategyItem(id: String, uid: UserID) throws -> (item: StrategyItem, position: Int)? {
        let items = try StoreQuery<[StrategyItem]>.strategyItems(uid: uid).fetch(db)
        guard let index = items.firstIndex(where: { $0.id == id }) else { return nil }
        let position = try Int.fetchOne(db, sql: "SELECT position FROM strategy_item WHERE uid = ? AND id = ?", arguments: [uid.rawValue, id]) ?? index
        return (items[index], position)
    }

    /// The ids of the items of `uid` with the same content as `item`, whatever their id.
    package func strategyItemIDs(like item: StrategyItem, uid: UserID) throws -> [String] {
        try StoreQuery<[StrategyItem]>.strategyItems(uid: uid).fetch(db).filter { $0.withID(nil) == item.withID(nil) }.compactMap(\.id)
    }
}
