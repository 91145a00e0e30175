import CoinWeightAPI
import GRDB

/// The optimistic view: a queued write shows in the mirror at once, and can be taken back.
extension StoreTransaction {
    /// Applies `write` to the mirror as if the server had it, and returns how to undo it.
    func applyOptimistic(_ write: OutboxWrite, uid: UserID) throws -> OutboxUndo {
        switch write {
        case .addFavorite(let pair):
            let position = try favoritePosition(pair, uid: uid)
            if position == nil {
                let last = try Int.fetchOne(db, sql: "SELECT max(position) FROM favorite WHERE uid = ?", arguments: [uid.rawValue]) ?? -1
                try setFavorite(pair, uid: uid, position: last + 1)
            }
            return .favorite(uid: uid.rawValue, pair: pair, position: position)
        case .deleteFavorite(let pair):
            let position = try favoritePosition(pair, uid: uid)
            try setFavorite(pair, uid: uid, position: nil)
            return .favorite(uid: uid.rawValue, pair: pair, position: position)
        case .updateLayout(let kind, let slot):
            let previous = try Row.fetchOne(db, sql: """
                SELECT counter_party, symbol FROM layout_slot WHERE kind = ? AND scope = ? AND position = ?
                """, arguments: [kind.rawValue, uid.rawValue, slot.position])
                .map { LayoutSlot(position: slot.position, counterParty: $0[0], symbol: $0[1]) }
            try setLayoutSlot(slot, kind: kind, uid: uid.rawValue, position: slot.position)
            return .layoutSlot(uid: uid.rawValue, kind: kind, position: slot.position, previous: previous)
        }
    }

    /// Puts back what an optimistic change replaced.
    func undo(_ undo: OutboxUndo) throws {
        switch undo {
        case .favorite(let uid, let pair, let position):
            try setFavorite(pair, uid: UserID(uid), position: position)
        case .layoutSlot(let uid, let kind, let position, let previous):
            try setLayoutSlot(previous, kind: kind, uid: uid, position: position)
        }
    }

    private func favoritePosition(_ pair: MarketPair, uid: UserID) throws -> Int? {
        try Int.fetchOne(db, sql: "SELECT position FROM favorite WHERE uid = ? AND counter_party = ? AND symbol = ?",
                         arguments: [uid.rawValue, pair.counterParty, pair.symbol])
    }

    /// Makes the favorite present at `position`, or absent when `position` is `nil`.
    private func setFavorite(_ pair: MarketPair, uid: UserID, position: Int?) throws {
        try db.execute(sql: "DELETE FROM favorite WHERE uid = ? AND counter_party = ? AND symbol = ?",
                       arguments: [uid.rawValue, pair.counterParty, pair.symbol])
        if let position {
            try db.execute(sql: "INSERT INTO favorite (uid, counter_party, symbol, position) VALUES (?, ?, ?, ?)",
                           arguments: [uid.rawValue, pair.counterParty, pair.symbol, position])
        }
        try notifyChanges(in: "favorite")
    }

    /// Puts `slot` at `position` of the user's layout, or empties the position when `nil`.
    private func setLayoutSlot(_ slot: LayoutSlot?, kind: LayoutKind, uid: String, position: Int) throws {
        try db.execute(sql: "DELETE FROM layout_slot WHERE kind = ? AND scope = ? AND position = ?", arguments: [kind.rawValue, uid, position])
        if let slot {
            try db.execute(sql: "INSERT INTO layout_slot (kind, scope, position, counter_party, symbol) VALUES (?, ?, ?, ?, ?)",
                           arguments: [kind.rawValue, uid, position, slot.counterParty, slot.symbol])
        }
        try notifyChanges(in: "layout_slot")
    }
}
