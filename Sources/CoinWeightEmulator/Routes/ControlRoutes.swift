import CoinWeightAPI
import CoinWeightServing
import Foundation
import Hummingbird

/// The test control surface under `/_emulator`, registered only when enabled.
///
/// - `GET  /_emulator/state`: the whole state (``EmulatorSnapshot``) as JSON.
/// - `GET|PUT|DELETE /_emulator/faults`: read, set (a ``FaultPlan``) or clear the faults.
/// - `POST /_emulator/orders/seed` `{"owner","count","days","seed"}`: seed historical orders.
/// - `POST /_emulator/orders/{id}/fill` `{"quantity"}` (optional): fill an order.
/// - `POST /_emulator/orders/{id}/cancel`: cancel an order from the exchange's side.
/// - `POST /_emulator/tokens/expire`: make every issued token expire now.
struct ControlRoutes: Sendable {
    let state: EmulatorState

    struct SeedRequest: Codable {
        var owner: String?
        var count: Int
        var days: Int?
        var seed: UInt64?
    }

    struct FillRequest: Codable {
        var quantity: ExactDecimal?
    }

    func add(to group: RouterGroup<EmulatorContext>) {
        group.get("state") { _, _ in WireResponse.json(await state.snapshot()) }
        group.get("faults") { _, _ in WireResponse.json(await state.currentFaults()) }
        group.put("faults") { request, context in
            let plan = try await request.decode(as: FaultPlan.self, context: context)
            await state.setFaults(plan)
            return WireResponse.json(plan)
        }
        group.delete("faults") { _, _ in
            await state.setFaults(FaultPlan())
            return WireResponse.json(FaultPlan())
        }
        group.post("orders/seed") { request, context in
            let seed = try await request.decode(as: SeedRequest.self, context: context)
            let now = state.nowMilliseconds
            let added = await state.seedHistory(owner: seed.owner ?? "2", count: seed.count, days: seed.days ?? 90, seed: seed.seed ?? 42, endTime: now)
            return WireResponse.json(["seeded": added])
        }
        group.post("orders/:id/fill") { request, context in
            let body = try? await request.decode(as: FillRequest.self, context: context)
            return try Self.orderOr404(await state.fillOrder(id: context.parameters.require("id"), quantity: body?.quantity))
        }
        group.post("orders/:id/cancel") { _, context in
            try Self.orderOr404(await state.cancelOrder(id: context.parameters.require("id")))
        }
        group.post("tokens/expire") { _, _ in
            await state.revokeTokens()
            return WireResponse.json(["expired": true])
        }
    }

    private static func orderOr404(_ order: Order?) throws -> Response {
        guard let order else { throw HTTPError(.notFound, message: "no active order with that id") }
        return WireResponse.json(order)
    }
}
