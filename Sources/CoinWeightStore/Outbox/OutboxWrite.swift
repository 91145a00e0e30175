public import CoinWeightAPI
import Foundation

/// A write of the user's, queued in the outbox until the server has it.
public enum OutboxWrite: Codable, Hashable, Sendable {
    /// `/config/market/custom/{uid}/favorite/add`.
    case addFavorite(MarketPair)
    /// `/config/market/custom/{uid}/favorite/delete`.
    case deleteFavorite(MarketPair)
    /// `/config/layout/{kind}/custom/{uid}/update`.
    case updateLayout(LayoutKind, LayoutSlot)
    /// `/order/create`. The order shows in the mirror at once under `localID` (see
    /// ``OutboxWrite/newLocalID()``), which later writes may name until the server's
    /// `streetOrderId` replaces it.
    case createOrder(NewOrder, localID: String)
    /// `/order/update`: a new price and quantity.
    case updateOrder(OrderAmendment)
    /// `/order/cancel`.
    case cancelOrder(OrderReference)
    /// `/order/cancel-all`.
    case cancelAllOrders(CancelAllRequest)
    /// `/config/strategy/custom/{uid}/item/create`. The item shows at once under `localID`
    /// (see ``OutboxWrite/newLocalID()``) until the server's id replaces it; `twins` are the
    /// ids of items with the same content the store held when it was queued, which a lookup
    /// after a lost answer must not take for the new one.
    case createStrategy(StrategyItem, localID: String, twins: [String])
    /// `/config/strategy/custom/{uid}/item/update`: the item with its (possibly local) id.
    case updateStrategy(StrategyItem)
    /// `/config/strategy/custom/{uid}/item/delete`.
    case deleteStrategy(id: String)
    /// `/strategy/start`.
    case startStrategy(StrategyItem)
    /// `/strategy/stop` with `bCancel: true`: stops it and cancels its orders.
    case stopStrategy(StrategyItem)
    /// `/strategy/stop` with `bCancel: false`: stops it and leaves its orders.
    case leaveStrategy(StrategyItem)

    /// The write's name, its case's (`addFavorite`, `createOrder`...): what
    /// ``PendingWrite/kind`` holds.
    public var kind: String {
        switch self {
        case .addFavorite: "addFavorite"
        case .deleteFavorite: "deleteFavorite"
        case .updateLayout: "updateLayout"
        case .createOrder: "createOrder"
        case .updateOrder: "updateOrder"
        case .cancelOrder: "cancelOrder"
        case .cancelAllOrders: "cancelAllOrders"
        case .createStrategy: "createStrategy"
        case .updateStrategy: "updateStrategy"
        case .deleteStrategy: "deleteStrategy"
        case .startStrategy: "startStrategy"
        case .stopStrategy: "stopStrategy"
        case .leaveStrategy: "leaveStrategy"
        }
    }

    /// What the write acts on: writes to one entity are delivered in the order they were made.
    public var entity: String {
        switch self {
        case .addFavorite(let pair), .deleteFavorite(let pair): "favorite:\(pair.counterParty):\(pair.symbol)"
        case .updateLayout(let kind, let slot): "layout:\(kind.rawValue):\(slot.position)"
        case .createOrder(_, let localID): "order:\(localID)"
        case .updateOrder(let amendment): "order:\(amendment.streetOrderId)"
        case .cancelOrder(let reference): "order:\(reference.streetOrderId)"
        case .cancelAllOrders(let request): "orders:\(request.owner)"
        case .createStrategy(_, let localID, _): "strategy:\(localID)"
        case .deleteStrategy(let id): "strategy:\(id)"
        case .updateStrategy(let item), .startStrategy(let item), .stopStrategy(let item), .leaveStrategy(let item): "strategy:\(item.id ?? "")"
        }
    }

    /// Whether it must wait until `earlier`, queued before it, is settled: a write to the same
    /// entity; any order write of an owner and a cancel-all of that owner, either way round;
    /// and two identical creates (orders or strategies), so that a create of unknown outcome
    /// is never confused with the one after it.
    public func dependsOn(_ earlier: OutboxWrite) -> Bool {
        if entity == earlier.entity { return true }
        if let owner = orderOwner, owner == earlier.orderOwner, isCancelAll || earlier.isCancelAll { return true }
        if case .createOrder(let order, _) = self, case .createOrder(let other, _) = earlier { return order == other }
        if case .createStrategy(let item, _, _) = self, case .createStrategy(let other, _, _) = earlier { return item == other }
        return false
    }

    /// Whether sending it twice has the effect of sending it once, so a send interrupted by a
    /// crash may simply be sent again. A create is not: it is looked up instead.
    public var isIdempotent: Bool {
        switch self {
        case .createOrder, .createStrategy: false
        default: true
        }
    }

    /// The local id it names that a create has not turned into the server's yet, if any.
    public var localID: String? {
        let id: String?
        switch self {
        case .updateOrder(let amendment): id = amendment.streetOrderId
        case .cancelOrder(let reference): id = reference.streetOrderId
        case .deleteStrategy(let strategy): id = strategy
        case .updateStrategy(let item), .startStrategy(let item), .stopStrategy(let item), .leaveStrategy(let item): id = item.id
        default: return nil
        }
        return id.flatMap { OutboxWrite.isLocalID($0) ? $0 : nil }
    }

    /// The write with `localID` replaced by the server's id.
    func replacingLocalID(_ localID: String, with serverID: String) -> OutboxWrite {
        switch self {
        case .updateOrder(var amendment) where amendment.streetOrderId == localID:
            amendment.streetOrderId = serverID
            return .updateOrder(amendment)
        case .cancelOrder(var reference) where reference.streetOrderId == localID:
            reference.streetOrderId = serverID
            return .cancelOrder(reference)
        case .deleteStrategy(localID):
            return .deleteStrategy(id: serverID)
        case .updateStrategy(let item) where item.id == localID: return .updateStrategy(item.withID(serverID))
        case .startStrategy(let item) where item.id == localID: return .startStrategy(item.withID(serverID))
        case .stopStrategy(let item) where item.id == localID: return .stopStrategy(item.withID(serverID))
        case .leaveStrategy(let item) where item.id == localID: return .leaveStrategy(item.withID(serverID))
        default:
            return self
        }
    }

    /// A fresh local id for an order or a strategy: `local-` and a UUID, never a server's id.
    public static func newLocalID() -> String { "local-\(UUID().uuidString.lowercased())" }

    /// Whether `id` is a local id.
    public static func isLocalID(_ id: String) -> Bool { id.hasPrefix("local-") }

    private var orderOwner: String? {
        switch self {
        case .createOrder(let order, _): order.owner
        case .updateOrder(let amendment): amendment.owner
        case .cancelOrder(let reference): reference.owner
        case .cancelAllOrders(let request): request.owner
        default: nil
        }
    }

    private var isCancelAll: Bool {
        if case .cancelAllOrders = self { return true }
        return false
    }
}
