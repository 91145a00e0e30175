import CoinWeightAPI
import CoinWeightEmulator
import CoinWeightStore
import CoinWeightSync
import CoinWeightTestSupport
import Foundation
import Testing

/// `cwsync orders` shows what the store marks: a write the server has not confirmed yet, and
/// an active order the server lists nowhere.
@Suite("Pending marks on the command line")
struct PendingMarkCommandTests {
    @Test(
        "an active order the server lists nowhere (neither active nor in its history) is marked unlisted, not shown active for good; the server's row clears the mark"
    )
    func unlistedOrder() async throws {
        try await WriteCommandTests.with { harness, _, _ in
            let now = harness.clock.now.millisecondsSince1970
            // As a store from another server, or one whose order the server dropped, holds it.
            let stranger = Order(
                streetOrderId: "9999001", orderType: .limit, symbol: "ETH-USDT", side: .bid, owner: "2", counterParty: "binance",
                price: "2000.50", quantity: "1", filledPrice: "0", filledQuantity: "0", executionType: .acknowledged, createTime: now - 60_000,
                processedTime: now - 60_000)
            _ = try await harness.store.write { try $0.upsertOrders([stranger]) }
            #expect(await harness.engine.sync(uid: 2, only: [.activeOrders]).failures.isEmpty)
            let marked = try #require(try await harness.store.read(.order(id: stranger.streetOrderId).withPending()))
            #expect(marked.unlistedSince == harness.clock.now && marked.pending == nil, "\(marked)")
            harness.clock.advance(by: 60)
            #expect(await harness.engine.sync(uid: 2, only: [.activeOrders]).failures.isEmpty)
            #expect(
                try await harness.store.read(.order(id: stranger.streetOrderId).withPending())?.unlistedSince == marked.unlistedSince,
                "marked since the first sync that missed it")

            let json = try await WriteCommandTests.cwsync(["orders", "--active", "--json", "--store", harness.store.path])
            let line = try #require(json.out.split(separator: "\n").first { $0.contains("9999001") }, "\(json.out)")
            #expect(
                line.contains("\"unlistedSince\":\(marked.unlistedSince!.millisecondsSince1970)") && line.contains("\"executionType\":\"EXECUTION_ACK\""),
                "\(line)")
            let table = try await WriteCommandTests.cwsync(["orders", "--active", "--store", harness.store.path])
            #expect(table.out.split(separator: "\n").contains { $0.contains("9999001") && $0.contains("not listed by the server since") }, "\(table.out)")

            var listed = stranger
            listed.executionType = .canceled
            listed.processedTime = now
            _ = try await harness.store.write { [listed] in try $0.upsertOrders([listed]) }
            #expect(try await harness.store.read(.order(id: stranger.streetOrderId).withPending())?.unlistedSince == nil, "the server's row clears it")
        }
    }

    @Test(
        "cwsync orders: after an offline create, update and cancel, --json carries \"pending\" on each and the table a PENDING column; after delivery both are gone"
    )
    func ordersCommand() async throws {
        try await WriteCommandTests.with { harness, outbox, options in
            let placed = try await harness.client.createOrder(NewOrder.sample(quantity: "1.5550"))
            let other = try await harness.client.createOrder(NewOrder.sample(quantity: "1.6660"))
            #expect(await harness.engine.sync(uid: 2, only: [.activeOrders]).failures.isEmpty)
            let created = try await WriteCommandTests.cwsync(
                [
                    "order", "create", "--counter-party", "binance", "--symbol", "ETH-USDT", "--side", "BID", "--type", "LIMIT", "--price", "2000.50",
                    "--quantity", "1.7770",
                ] + options)
            #expect(created.status == 0, "\(created.err)")
            let localID = try WriteCommandTests.localID(created.out)
            let updated = try await WriteCommandTests.cwsync(["order", "update", placed.streetOrderId, "--price", "1999", "--quantity", "1.5550"] + options)
            let canceled = try await WriteCommandTests.cwsync(["order", "cancel", other.streetOrderId] + options)
            #expect(updated.status == 0 && canceled.status == 0, "\(updated.err) \(canceled.err)")

            let json = try await WriteCommandTests.cwsync(["orders", "--active", "--json", "--store", harness.store.path])
            let lines = try json.out.split(separator: "\n").map { try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] ?? [:] }
            func pending(_ id: String) -> [String: Any]? { lines.first { $0["streetOrderId"] as? String == id }?["pending"] as? [String: Any] }
            #expect(pending(localID)?["kind"] as? String == "createOrder" && pending(localID)?["state"] as? String == "queued", "\(json.out)")
            #expect(pending(placed.streetOrderId)?["kind"] as? String == "updateOrder")
            #expect(pending(other.streetOrderId)?["kind"] as? String == "cancelOrder")
            #expect(lines.first { $0["streetOrderId"] as? String == localID }?["price"] as? String == "2000.50", "the API's own fields beside it")
            let table = try await WriteCommandTests.cwsync(["orders", "--active", "--store", harness.store.path])
            #expect(table.out.split(separator: "\n").first?.hasSuffix("PENDING") == true, "\(table.out)")
            #expect(table.out.split(separator: "\n").contains { $0.contains(localID) && $0.contains("queued createOrder") }, "\(table.out)")

            // On the real clock, as the binary queued them; a create whose answer came late on a
            // loaded machine is looked up by a later delivery.
            try await waitUntil("the three writes delivered") {
                _ = await outbox.deliver(uid: 2)
                return try await harness.store.read(.outbox(uid: 2, states: [.pending, .sending])).isEmpty
            }
            #expect(try await harness.store.read(.outbox(uid: 2, states: [.delivered])).count == 3)
            let after = try await WriteCommandTests.cwsync(["orders", "--json", "--store", harness.store.path])
            #expect(after.status == 0 && !after.out.isEmpty && !after.out.contains("\"pending\""), "\(after.out)")
            let afterTable = try await WriteCommandTests.cwsync(["orders", "--store", harness.store.path])
            #expect(!afterTable.out.contains("queued") && !afterTable.out.contains(localID), "\(afterTable.out)")
        }
    }
}
