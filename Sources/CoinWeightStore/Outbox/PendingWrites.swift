import CoinWeightAPI
import Foundation
import GRDB

/// The writes the server has not confirmed yet, by what they act on: the newest unsettled
/// entry of each entity (queued, sending, outcome unknown), else a refused one that no later
/// write and no pull of its rows has followed. Read in the same transaction as the rows it
/// marks, so the two always agree.
struct PendingWrites: Sendable {
    private var byEntity: [String: PendingWrite] = [:]
    /// The counterparties each unsettled cancel-all of an owner selects (empty: all).
    private var cancelAlls: [String: [String]] = [:]
    /// The orders the server lists nowhere any more, and since when (ms).
    private var unlisted: [String: Int64] = [:]

    /// `order` with its write and, if the server lists it nowhere, since when.
    func mirrored(_ order: Order) -> Mirrored<Order> {
        Mirrored(order, pending: on(order), unlistedSince: unlisted[order.streetOrderId].map(Date.init(millisecondsSince1970:)))
    }

    /// The write on `order`: its own, or a cancel-all of its owner that selects an active order.
    func on(_ order: Order) -> PendingWrite? {
        if let own = byEntity["order:\(order.streetOrderId)"] { return own }
        let allEntity = "orders:\(order.owner)"
        guard order.executionType.isActive, let write = byEntity[allEntity], let selected = cancelAlls[allEntity] else { return nil }
        return selected.isEmpty || selected.contains(order.counterParty) ? write : nil
    }

    func onFavorite(_ item: MarketItem) -> PendingWrite? { byEntity["favorite:\(item.counterParty):\(item.symbol)"] }

    func onLayout(_ kind: LayoutKind, slot: LayoutSlot) -> PendingWrite? { byEntity["layout:\(kind.rawValue):\(slot.position)"] }

    func onStrategy(_ item: StrategyItem) -> PendingWrite? { item.id.flatMap { byEntity["strategy:\($0)"] } }

    /// The pending writes of `uid` (of every account the store holds when `nil`), with the
    /// unlisted orders when `orders` are read.
    static func fetch(_ db: Database, uid: UserID?, orders: Bool) throws -> PendingWrites {
        let account = uid == nil ? "" : "AND o.uid = ?"
        let arguments: StatementArguments = uid.map { [$0.rawValue] } ?? []
        let columns = "o.id, o.kind, o.entity, o.state, o.resolve_until, o.error_code, o.error_message, o.payload_json"
        // Refused ones first, so that an unsettled entry of the same entity, read after, wins.
        let refused = try Row.fetchAll(
            db,
            sql: """
                SELECT \(columns) FROM outbox o
                WHERE o.state = 'failed' \(account)
                  AND NOT EXISTS (SELECT 1 FROM outbox n WHERE n.uid = o.uid AND n.entity = o.entity AND n.id > o.id)
                  AND o.settled_at >= coalesce((SELECT last_success_at FROM sync_state WHERE resource = \(confirmingPull)), 0)
                """, arguments: arguments)
        let unsettled = try Row.fetchAll(
            db, sql: "SELECT \(columns) FROM outbox o WHERE o.state IN ('pending', 'sending') \(account) ORDER BY o.id",
            arguments: arguments)
        var writes = PendingWrites()
        if orders {
            for row in try Row.fetchAll(db, sql: #"SELECT street_order_id, unlisted_since FROM "order" WHERE unlisted_since IS NOT NULL"#) {
                writes.unlisted[row[0]] = row[1]
            }
        }
        for row in refused + unsettled {
            let entity: String = row[2]
            let stored: String = row[3]
            let state: PendingState =
                switch stored {
                case "failed": .failed
                case "sending": (row[4] as Int64?) == nil ? .sending : .outcomeUnknown
                default: .queued
                }
            writes.byEntity[entity] = PendingWrite(entry: row[0], kind: row[1], state: state, reason: row[6], code: row[5])
            if entity.hasPrefix("orders:"), state != .failed,
                case .cancelAllOrders(let request) = try StoreJSON.decode(OutboxWrite.self, row[7] as String, table: "outbox", column: "payload_json")
            {
                writes.cancelAlls[entity] = request.selectedCounterParty
            }
        }
        return writes
    }

    /// The sync state key of the pull that shows the server's state of a refused entry's rows
    /// again, in SQL over the entry `o`.
    private static let confirmingPull = """
        CASE
            WHEN o.kind IN ('addFavorite', 'deleteFavorite') THEN 'favorites:' || o.uid
            WHEN o.kind = 'updateLayout' THEN 'layouts:' || o.uid
            WHEN o.kind LIKE '%Strategy' THEN 'strategies:' || o.uid
            ELSE 'activeOrders:' || coalesce(json_extract(o.payload_json, '$.createOrder._0.owner'), json_extract(o.payload_json, '$.updateOrder._0.owner'),
                json_extract(o.payload_json, '$.cancelOrder._0.owner'), json_extract(o.payload_json, '$.cancelAllOrders._0.owner'))
        END
        """
}
