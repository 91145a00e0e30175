import CoinWeightAPI
import CoinWeightServing
import Hummingbird

/// The spec's endpoints, each answering in the exact shape the spec shows.
struct APIRoutes: Sendable {
    let state: EmulatorState

    typealias Handler = @Sendable (Request, EmulatorContext) async throws -> Response

    func add(to group: RouterGroup<EmulatorContext>) {
        addConfigRoutes(to: group)
        addOrderRoutes(to: group)
        addUserRoutes(to: group)
        addStrategyRoutes(to: group)
    }

    /// A route open to anyone; an ``APIFailure`` becomes the spec's refusal in `style`.
    func open(_ style: EnvelopeStyle = .general, _ handle: @escaping @Sendable (Request, EmulatorContext) async throws -> Response) -> Handler {
        { request, context in
            do {
                return try await handle(request, context)
            } catch let failure as APIFailure {
                return WireResponse.failure(failure, style: style)
            }
        }
    }

    /// A route for the token's user: 403 without a valid token.
    func authenticated(_ style: EnvelopeStyle = .general, _ handle: @escaping @Sendable (Request, EmulatorContext, EmulatedUser) async throws -> Response)
        -> Handler
    {
        open(style) { request, context in
            let user = try await state.authenticate(request.bearerToken)
            return try await handle(request, context, user)
        }
    }

    /// A route under `/{uid}` for the token's own user only: another uid is 403.
    func ownUser(_ style: EnvelopeStyle = .general, _ handle: @escaping @Sendable (Request, EmulatorContext, EmulatedUser) async throws -> Response) -> Handler
    {
        authenticated(style) { request, context, user in
            try await state.requireSelf(context.parameters.require("uid"), user)
            return try await handle(request, context, user)
        }
    }
}

extension APIRoutes {
    func addUserRoutes(to group: RouterGroup<EmulatorContext>) {
        group.get("test-auth", use: authenticated { _, _, user in WireResponse.bare(await state.testAuth(user)) })
        group.post(
            "user/login",
            use: open(.brief) { request, context in
                let credentials = try await request.decodeBody(Credentials.self, context: context)
                return WireResponse.ok(try await state.login(credentials), style: .brief)
            })
        group.post(
            "user/signup",
            use: open(.brief) { request, context in
                let signup = try await request.decodeBody(SignupRequest.self, context: context)
                return WireResponse.ok(try await state.signup(signup), style: .brief)
            })
        group.get("user/:uid/info", use: ownUser(.brief) { _, _, user in WireResponse.ok(await state.userInfo(user), style: .brief) })
        group.get("user/:uid/position", use: ownUser(.brief) { _, _, user in WireResponse.ok(await state.positions(user), style: .brief) })
        group.get(
            "secret/:owner",
            use: authenticated { _, context, user in
                WireResponse.ok(try await state.secrets(owner: context.parameters.require("owner"), user))
            })
        group.post(
            "secret/add",
            use: authenticated { request, context, user in
                try await state.addSecret(request.decodeBody(NewSecret.self, context: context), user)
                return WireResponse.okEmpty()
            })
        group.post(
            "secret/delete",
            use: authenticated { request, context, user in
                try await state.deleteSecret(request.decodeBody(SecretReference.self, context: context), user)
                return WireResponse.okEmpty()
            })
    }

    func addOrderRoutes(to group: RouterGroup<EmulatorContext>) {
        group.post(
            "order/create",
            use: authenticated { request, context, user in
                WireResponse.ok(try await state.createOrder(request.decodeBody(NewOrder.self, context: context), user))
            })
        group.post(
            "order/update",
            use: authenticated { request, context, user in
                WireResponse.ok(try await state.updateOrder(request.decodeBody(OrderAmendment.self, context: context), user))
            })
        group.post(
            "order/cancel",
            use: authenticated { request, context, user in
                WireResponse.ok(try await state.cancelOrder(request.decodeBody(OrderReference.self, context: context), user))
            })
        group.post(
            "order/cancel-all",
            use: authenticated { request, context, user in
                WireResponse.bare(try await state.cancelAll(request.decodeBody(CancelAllRequest.self, context: context), user))
            })
        group.get(
            "order/active",
            use: authenticated { request, _, user in
                WireResponse.ok(try await state.activeOrders(owner: request.requiredOwner(), user))
            })
        group.get(
            "order/inactive",
            use: authenticated { request, _, user in
                let query = InactiveOrderQuery(
                    owner: try request.requiredOwner(), startTime: try request.integerQuery("startTime"),
                    endTime: try request.integerQuery("endTime"), pageIndex: try request.integerQuery("pageIndex").map { Int($0) },
                    pageSize: try request.integerQuery("pageSize").map { Int($0) })
                return WireResponse.ok(try await state.inactiveOrders(query, user))
            })
    }

    func addStrategyRoutes(to group: RouterGroup<EmulatorContext>) {
        group.post(
            "strategy/start",
            use: authenticated(.strategy) { request, context, user in
                let command = try await request.decodeBody(StrategyCommand.self, context: context)
                return WireResponse.ok(["strategy": try await state.setStrategy(command, running: true, user)], style: .strategy)
            })
        group.post(
            "strategy/stop",
            use: authenticated(.strategy) { request, context, user in
                let command = try await request.decodeBody(StrategyCommand.self, context: context)
                return WireResponse.ok(["strategy": try await state.setStrategy(command, running: false, user)], style: .strategy)
            })
        group.get(
            "strategy/status/:uid",
            use: ownUser(.strategy) { _, _, user in
                WireResponse.ok(["status": await state.strategyStatuses(user)], style: .strategy)
            })
    }
}
