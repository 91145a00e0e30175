import CoinWeightAPI
import CoinWeightServing
import CoinWeightStore
import CoinWeightSync
import Foundation
import Hummingbird

/// The Order API: active orders and the inactive history from the mirror, with the API's own
/// paging and window; creates, updates and cancels through the outbox.
extension LocalRoutes {
    func addOrderRoutes(to group: RouterGroup<BasicRequestContext>) {
        group.get(
            "order/active",
            use: route { request, _, caller in
                let uid = try caller.uid()
                let owner = try request.requiredOwner()
                try await requireOwner(owner, uid: uid)
                let active = try await store.read(.allOrders(OrderFilter(owner: owner, executionTypes: ExecutionType.activeStates)))
                return try await synced(active, "activeOrders:\(owner)")
            })
        group.get("order/inactive", use: route { request, _, caller in try await inactiveOrders(request, caller) })
        group.post(
            "order/create",
            use: route { request, context, caller in
                let order = try await request.decodeBody(NewOrder.self, context: context)
                try await requireOwner(order.owner, uid: caller.uid())
                let (entry, localID) = try await mirror.placeOrder(order)
                let queued = try await settle(entry)
                try queued.requireNotRefused()
                guard let placed = try await self.order(localID) else { throw LocalRefusal.unknown("order \(localID) left the mirror") }
                return marked(WireResponse.ok(placed), queued)
            })
        group.post(
            "order/update",
            use: route { request, context, caller in
                let amendment = try await request.decodeBody(OrderAmendment.self, context: context)
                try await requireOwner(amendment.owner, uid: caller.uid())
                return try await answerOrderWrite(.updateOrder(amendment), id: amendment.streetOrderId)
            })
        group.post(
            "order/cancel",
            use: route { request, context, caller in
                let reference = try await request.decodeBody(OrderReference.self, context: context)
                try await requireOwner(reference.owner, uid: caller.uid())
                return try await answerOrderWrite(.cancelOrder(reference), id: reference.streetOrderId)
            })
        group.post(
            "order/cancel-all",
            use: route { request, context, caller in
                let cancel = try await request.decodeBody(CancelAllRequest.self, context: context)
                try await requireOwner(cancel.owner, uid: caller.uid())
                let queued = try await settle(mirror.cancelAllOrders(cancel))
                try queued.requireNotRefused()
                // Which orders it cancelled, only the server knows: the active orders are read again.
                if queued.state == .delivered { _ = await mirror.syncNow(only: [.activeOrders]) }
                let exchanges = try await store.read(.symbols).map(\.counterParty)
                let canceled = cancel.selectedCounterParty.isEmpty ? exchanges : cancel.selectedCounterParty
                return marked(WireResponse.bare(CancelAllResult(owner: cancel.owner, canceledCounterParty: canceled)), queued)
            })
    }

    /// An update or cancel of order `id`: answered with the order as the mirror then holds it;
    /// a refusal carries it too, as it stands.
    private func answerOrderWrite(_ write: OutboxWrite, id: String) async throws -> Response {
        guard try await order(id) != nil else { throw LocalRefusal.unknown("order \(id) is not in the mirror") }
        let queued = try await settle(mirror.queue(write))
        let current = try await order(id)
        try queued.requireNotRefused(order: current)
        guard let current else { throw LocalRefusal.unknown("order \(id) left the mirror") }
        return marked(WireResponse.ok(current), queued)
    }

    /// `/order/inactive`: the owner's inactive orders created in `[startTime, endTime]` (by
    /// default the last 24 hours), newest first, page `pageIndex` of `pageSize` (default 10).
    private func inactiveOrders(_ request: Request, _ caller: Caller) async throws -> Response {
        let uid = try caller.uid()
        let owner = try request.requiredOwner()
        try await requireOwner(owner, uid: uid)
        let now = Date().millisecondsSince1970
        let start = try request.integerQuery("startTime") ?? now - 24 * 3_600_000
        let end = try request.integerQuery("endTime") ?? now
        let pageIndex = try request.integerQuery("pageIndex") ?? 0
        let pageSize = try request.integerQuery("pageSize") ?? 10
        guard pageIndex >= 0, pageSize > 0 else { throw APIFailure.parameters("pageIndex must be 0 or more and pageSize 1 or more") }
        let key = "orderHistory:\(owner)"
        guard start <= end else { return try await synced(InactiveOrderPage(totalPage: 0, content: []), key) }
        let filter = OrderFilter(owner: owner, executionTypes: ExecutionType.inactiveStates, createdIn: start...end)
        let count = Int64(try await store.read(.orderCount(filter)))
        // Whole pages of the count, without overflow for a page size near Int64.max.
        let totalPage = count / pageSize + (count % pageSize == 0 ? 0 : 1)
        let (skipped, overflow) = pageIndex.multipliedReportingOverflow(by: pageSize)
        guard !overflow, pageIndex < totalPage else { return try await synced(InactiveOrderPage(totalPage: Int(totalPage), content: []), key) }
        let page = try await store.read(.orders(filter, offset: Int(skipped), limit: Int(min(pageSize, count))))
        return try await synced(InactiveOrderPage(totalPage: Int(totalPage), content: page), key)
    }
}
