import CoinWeightAPI
import Foundation
import GRDB

/// The optimistic view: a queued write shows in the mirror at once, and can be taken back.
extension StoreTransaction {
    /// Applies `write`, queued at `queuedAt`, to the mirror as if the server had it, and
    /// returns how to undo it.
    ///
    /// An order keeps its `processedTime`, so the server's own row replaces the optimistic
    /// one as soon as a pull brings it (and the pending write is applied again on top).
    func applyOptimistic(_ write: OutboxWrite, uid: UserID, queuedAt: Date) throws -> OutboxUndo {
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
            let previous = try Row.fetchOne(
                db,
                sql: """
                    SELECT counter_party, symbol FROM layout_slot WHERE kind = ? AND scope = ? AND position = ?
                    """, arguments: [kind.rawValue, uid.rawValue, slot.position]
            )
            .map { LayoutSlot(position: slot.position, counterParty: $0[0], symbol: $0[1]) }
            try setLayoutSlot(slot, kind: kind, uid: uid.rawValue, position: slot.position)
            return .layoutSlot(uid: uid.rawValue, kind: kind, position: slot.position, previous: previous)
        case .createOrder(let order, let localID):
            if try StoreQuery<Order?>.order(id: localID).fetch(db) == nil {
                try upsertOrders(CollectionOfOne(Order(local: order, id: localID, at: queuedAt)))
            }
            return .orders(removing: [localID], restoring: [])
        case .updateOrder(let amendment):
            return try changeActiveOrders(ids: [amendment.streetOrderId]) { order in
                guard order.executionType == .acknowledged else { return nil }
                order.price = amendment.price
                order.quantity = amendment.quantity
                return order
            }
        case .cancelOrder(let reference):
            return try changeActiveOrders(ids: [reference.streetOrderId], change: Self.markCanceling)
        case .cancelAllOrders(let request):
            let active = try StoreQuery<[Order]>.allOrders(OrderFilter(owner: request.owner, executionTypes: ExecutionType.activeStates)).fetch(db)
                .filter { request.selectedCounterParty.isEmpty || request.selectedCounterParty.contains($0.counterParty) }
            return try changeActiveOrders(ids: active.map(\.streetOrderId), change: Self.markCanceling)
        case .createStrategy(let item, let localID, _):
            return try replaceStrategyItem(id: localID, with: item.withID(localID), uid: uid, onlyIfAbsent: true)
        case .updateStrategy(let item):
            return try replaceStrategyItem(id: item.id ?? "", with: item, uid: uid)
        case .deleteStrategy(let id):
            return try replaceStrategyItem(id: id, with: nil, uid: uid)
        case .startStrategy(let item):
            return try setStrategyStatus(.running, id: item.id ?? "", uid: uid)
        case .stopStrategy(let item), .leaveStrategy(let item):
            return try setStrategyStatus(.stopped, id: item.id ?? "", uid: uid)
        }
    }

    /// Changes the listed orders that `change` returns a new row for, and returns how to
    /// put them back.
    private func changeActiveOrders(ids: [String], change: (inout Order) -> Order?) throws -> OutboxUndo {
        var previous: [Order] = []
        var changed: [Order] = []
        for id in ids {
            guard var order = try StoreQuery<Order?>.order(id: id).fetch(db) else { continue }
            let before = order
            guard let after = change(&order), after != before else { continue }
            previous.append(before)
            changed.append(after)
        }
        try forceOrders(changed)
        return .orders(removing: [], restoring: previous)
    }

    /// An active order as a cancel shows it: `EXECUTION_CANCELING`; others are left.
    private static func markCanceling(_ order: inout Order) -> Order? {
        guard order.executionType.isActive else { return nil }
        order.executionType = .canceling
        return order
    }

    /// Writes order rows as they are, whatever their `processedTime`.
    private func forceOrders(_ orders: [Order]) throws {
        guard !orders.isEmpty else { return }
        try deleteOrders(ids: orders.map { $0.streetOrderId })
        try upsertOrders(orders)
    }

    /// Puts back what an optimistic change replaced.
    func undo(_ undo: OutboxUndo) throws {
        switch undo {
        case .favorite(let uid, let pair, let position):
            try setFavorite(pair, uid: UserID(uid), position: position)
        case .layoutSlot(let uid, let kind, let position, let previous):
            try setLayoutSlot(previous, kind: kind, uid: uid, position: position)
        case .orders(let removing, let restoring):
            try deleteOrders(ids: removing)
            // Only rows still there: a create rolled back before its cancel stays gone.
            let present = try restoring.filter { try StoreQuery<Order?>.order(id: $0.streetOrderId).fetch(db) != nil }
            try upsertOrders(present)
        case .strategyItem(let uid, let id, let previous, let position):
            try writeStrategyItem(previous, id: id, uid: uid, position: position)
        case .strategyStatus(let uid, let id, let previous):
            try writeStrategyStatus(previous, id: id, uid: uid)
        }
    }

    private func favoritePosition(_ pair: MarketPair, uid: UserID) throws -> Int? {
        try Int.fetchOne(
            db, sql: "SELECT position FROM favorite WHERE uid = ? AND counter_party = ? AND symbol = ?",
            arguments: [uid.rawValue, pair.counterParty, pair.symbol])
    }

    /// Makes the favorite present at `position`, or absent when `position` is `nil`.
    private func setFavorite(_ pair: MarketPair, uid: UserID, position: Int?) throws {
        try db.execute(
            sql: "DELETE FROM favorite WHERE uid = ? AND counter_party = ? AND symbol = ?",
            arguments: [uid.rawValue, pair.counterParty, pair.symbol])
        if let position {
            try db.execute(
                sql: "INSERT INTO favorite (uid, counter_party, symbol, position) VALUES (?, ?, ?, ?)",
                arguments: [uid.rawValue, pair.counterParty, pair.symbol, position])
        }
        try notifyChanges(in: "favorite")
    }

    /// Puts `slot` at `position` of the user's layout, or empties the position when `nil`.
    private func setLayoutSlot(_ slot: LayoutSlot?, kind: LayoutKind, uid: String, position: Int) throws {
        try db.execute(sql: "DELETE FROM layout_slot WHERE kind = ? AND scope = ? AND position = ?", arguments: [kind.rawValue, uid, position])
        if let slot {
            try db.execute(
                sql: "INSERT INTO layout_slot (kind, scope, position, counter_party, symbol) VALUES (?, ?, ?, ?, ?)",
                arguments: [kind.rawValue, uid, position, slot.counterParty, slot.symbol])
        }
        try notifyChanges(in: "layout_slot")
    }
}
