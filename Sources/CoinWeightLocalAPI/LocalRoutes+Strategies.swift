import CoinWeightAPI
import CoinWeightServing
import CoinWeightStore
import CoinWeightSync
import Hummingbird

/// The Strategy API and the strategy items of the Config API: items and their status from
/// the mirror, their changes, starts and stops through the outbox.
extension LocalRoutes {
    func addStrategyItemWrites(to group: RouterGroup<BasicRequestContext>) {
        group.post(
            "config/strategy/custom/:uid/item/create",
            use: ownUser { request, context, uid in
                let item = try await request.decodeBody(StrategyItem.self, context: context).withID(nil)
                let (entry, localID) = try await mirror.createStrategy(item)
                let queued = try await settle(entry)
                try queued.requireNotRefused()
                let id = try await store.read(.serverID(forLocalID: localID)) ?? localID
                let created = try await strategyItem(id, uid: uid) ?? item.withID(id)
                return marked(WireResponse.ok([id: created.withID(nil)]), queued)
            })
        group.post(
            "config/strategy/custom/:uid/item/update",
            use: ownUser { request, context, uid in
                let item = try await request.decodeBody(StrategyItem.self, context: context)
                guard let id = item.id, try await strategyItem(id, uid: uid) != nil else { throw APIFailure.wrongOwner }
                let queued = try await settle(mirror.queue(.updateStrategy(item)))
                try queued.requireNotRefused()
                return marked(WireResponse.ok(try await strategyItem(id, uid: uid) ?? item), queued)
            })
        group.post(
            "config/strategy/custom/:uid/item/delete",
            use: ownUser { request, context, uid in
                let body = try await request.decodeBody([String: String].self, context: context)
                guard let id = body["id"] else { throw APIFailure.parameters("id is required") }
                guard let item = try await strategyItem(id, uid: uid) else { throw APIFailure.wrongOwner }
                let queued = try await settle(mirror.queue(.deleteStrategy(id: id)))
                try queued.requireNotRefused()
                return marked(WireResponse.ok([id: item.withID(nil)]), queued)
            })
    }

    func addStrategyRoutes(to group: RouterGroup<BasicRequestContext>) {
        group.post("strategy/start", use: route(.strategy) { request, context, caller in try await setStrategy(request, context, caller, running: true) })
        group.post("strategy/stop", use: route(.strategy) { request, context, caller in try await setStrategy(request, context, caller, running: false) })
        group.get(
            "strategy/status/:uid",
            use: ownUser(.strategy) { _, _, uid in try await synced(["status": store.read(.strategyStatuses(uid: uid))], "strategies:\(uid)", style: .strategy)
            })
    }

    /// `/strategy/start` or `/strategy/stop`: the item must be one the mirror holds.
    private func setStrategy(_ request: Request, _ context: BasicRequestContext, _ caller: Caller, running: Bool) async throws -> Response {
        let uid = try caller.uid()
        let command = try await request.decodeBody(StrategyCommand.self, context: context)
        guard command.userid == uid.rawValue else { throw APIFailure.forbidden }
        guard let id = command.strategy.id, let item = try await strategyItem(id, uid: uid) else { throw APIFailure.wrongOwner }
        let write: OutboxWrite = running ? .startStrategy(item) : command.cancelOrders == true ? .stopStrategy(item) : .leaveStrategy(item)
        let queued = try await settle(mirror.queue(write))
        try queued.requireNotRefused()
        let status = try await store.read(.strategyStatuses(uid: uid)).first { $0.id == id } ?? StrategyStatus(id: id, status: running ? .running : .stopped)
        return marked(WireResponse.ok(["strategy": status], style: .strategy), queued)
    }

    /// The item the mirror holds under `id` (or under the server id that replaced a local `id`).
    private func strategyItem(_ id: String, uid: UserID) async throws -> StrategyItem? {
        let items = try await store.read(.strategyItems(uid: uid))
        if let item = items.first(where: { $0.id == id }) { return item }
        guard let serverID = try await store.read(.serverID(forLocalID: id)) else { return nil }
        return items.first { $0.id == serverID }
    }
}
