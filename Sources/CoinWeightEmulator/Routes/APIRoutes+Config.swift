import CoinWeightAPI
import CoinWeightServing
import Hummingbird

/// The Config API's routes.
extension APIRoutes {
    func addConfigRoutes(to group: RouterGroup<EmulatorContext>) {
        group.get("config/symbols", use: open { _, _ in WireResponse.ok(await state.symbols()) })
        group.get("config/market/default", use: open { _, _ in WireResponse.ok(await state.markets(for: nil)) })
        group.get("config/market/custom/:uid", use: ownUser { _, _, user in WireResponse.ok(await state.markets(for: user)) })
        group.get("config/market/custom/:uid/favorite", use: ownUser { _, _, user in WireResponse.ok(await state.favorites(user)) })
        group.post(
            "config/market/custom/:uid/favorite/add",
            use: ownUser { request, context, user in
                try await state.addFavorite(request.decodeBody(MarketPair.self, context: context), user)
                return WireResponse.okEmpty()
            })
        group.post(
            "config/market/custom/:uid/favorite/delete",
            use: ownUser { request, context, user in
                try await state.deleteFavorite(request.decodeBody(MarketPair.self, context: context), user)
                return WireResponse.okEmpty()
            })
        group.get(
            "config/layout/:kind/default",
            use: open { _, context in
                WireResponse.ok(await state.defaultLayout(try context.layoutKind()))
            })
        group.get(
            "config/layout/:kind/custom/:uid",
            use: ownUser { _, context, user in
                WireResponse.ok(await state.layout(try context.layoutKind(), user))
            })
        group.post(
            "config/layout/:kind/custom/:uid/update",
            use: ownUser { request, context, user in
                let slot = try await request.decodeBody(LayoutSlot.self, context: context)
                try await state.updateLayout(try context.layoutKind(), slot: slot, user)
                return WireResponse.okEmpty()
            })
        group.get("config/strategy/default/items", use: open { _, _ in WireResponse.ok(await state.strategyTemplates()) })
        group.get("config/strategy/custom/:uid/items", use: ownUser { _, _, user in WireResponse.ok(await state.strategies(user)) })
        group.post(
            "config/strategy/custom/:uid/item/create",
            use: ownUser { request, context, user in
                let created = try await state.createStrategy(request.decodeBody(StrategyItem.self, context: context).withID(nil), user)
                return WireResponse.ok(Self.keyedByID(created))
            })
        group.post(
            "config/strategy/custom/:uid/item/update",
            use: ownUser { request, context, user in
                WireResponse.ok(try await state.updateStrategy(request.decodeBody(StrategyItem.self, context: context), user))
            })
        group.post(
            "config/strategy/custom/:uid/item/delete",
            use: ownUser { request, context, user in
                let body = try await request.decodeBody([String: String].self, context: context)
                guard let id = body["id"] else { throw APIFailure.parameters("id is required") }
                return WireResponse.ok(Self.keyedByID(try await state.deleteStrategy(id: id, user)))
            })
    }

    /// `{"<id>": item-without-id}`, as create and delete answer in the spec.
    static func keyedByID(_ item: StrategyItem) -> [String: StrategyItem] {
        [item.id ?? "": item.withID(nil)]
    }
}

extension EmulatorContext {
    /// The `:kind` path parameter; anything but professional or simple is 404.
    func layoutKind() throws -> LayoutKind {
        guard let kind = LayoutKind(rawValue: try parameters.require("kind")) else { throw HTTPError(.notFound) }
        return kind
    }
}
